import NeuralEngine
import Yams

extension GoalSpec {
  static let knownKeys = [
    "train-loss-below", "test-loss-below", "accuracy-above", "diverged", "weights", "tolerance",
    "within-steps", "hint", "hint-after-steps", "hint-after-seconds", "message",
  ]

  /// Reads a goal; parameter names are checked against `lab`'s network when a lab is known.
  static func parse(
    _ root: Node, yaml: YAMLBlock, fenceLine: Int, lab: LabSpec?, problems: inout [LessonProblem]
  ) -> GoalSpec? {
    guard let entries = yaml.entries(of: root, blockName: "goal", problems: &problems) else {
      return nil
    }
    let problemCountBefore = problems.count
    func report(_ line: Int, _ message: String) {
      problems.append(LessonProblem(file: yaml.fileName, line: line, message: message))
    }
    func number(_ entry: YAMLBlock.Entry, _ range: ClosedRange<Double>, _ what: String) -> Double? {
      if let value = entry.value.finiteNumber, range.contains(value) { return value }
      report(entry.line, "`\(entry.key)` must be \(what)")
      return nil
    }
    func count(_ entry: YAMLBlock.Entry) -> Int? {
      if let value = entry.value.integer, value >= 1 { return value }
      report(entry.line, "`\(entry.key)` must be a whole number of steps, 1 or more")
      return nil
    }
    var goal = GoalSpec(line: fenceLine)
    var weightsEntry: YAMLBlock.Entry?
    for entry in entries {
      switch entry.key {
      case "train-loss-below":
        goal.trainLossBelow = number(entry, 0...Double.greatestFiniteMagnitude, "a number above 0")
      case "test-loss-below":
        goal.testLossBelow = number(entry, 0...Double.greatestFiniteMagnitude, "a number above 0")
      case "accuracy-above":
        goal.accuracyAbove = number(entry, 0...1, "a fraction from 0 to 1 (0.9 = 90%)")
        if let lab, !lab.dataset.isClassification {
          report(entry.line, "`accuracy-above` needs a classification dataset; `\(lab.dataset.rawValue)` is regression")
        }
      case "diverged":
        if let value = entry.value.boolean {
          goal.diverged = value
        } else {
          report(entry.line, "`diverged` must be true or false")
        }
      case "weights":
        weightsEntry = entry
      case "tolerance":
        goal.tolerance = number(entry, 0...1_000_000, "a number 0 or above") ?? GoalSpec.defaultTolerance
      case "within-steps":
        goal.withinSteps = count(entry)
      case "hint-after-steps":
        goal.hintAfterSteps = count(entry)
      case "hint-after-seconds":
        goal.hintAfterSeconds = number(entry, 0...86_400, "a number of seconds 0 or above")
      case "hint":
        goal.hint = entry.value.plainString
      case "message":
        goal.message = entry.value.plainString
      default:
        report(entry.line, "unknown key `\(entry.key)` in goal (known: \(knownKeys.joined(separator: ", ")))")
      }
    }
    if let weightsEntry {
      goal.weightTargets = weightTargets(weightsEntry, lab: lab, yaml: yaml, problems: &problems)
    }
    if !goal.hasCondition, problems.count == problemCountBefore {
      report(fenceLine, "goal has no condition (give train-loss-below, test-loss-below, accuracy-above, diverged or weights)")
    }
    if (goal.hintAfterSteps != nil || goal.hintAfterSeconds != nil), goal.hint == nil {
      report(fenceLine, "goal sets when to show a hint but has no `hint`")
    }
    return problems.count == problemCountBefore ? goal : nil
  }

  private static func weightTargets(
    _ entry: YAMLBlock.Entry, lab: LabSpec?, yaml: YAMLBlock, problems: inout [LessonProblem]
  ) -> [WeightTarget] {
    guard let inner = yaml.entries(of: entry.value, blockName: "weights", problems: &problems) else {
      return []
    }
    if inner.isEmpty {
      problems.append(
        LessonProblem(file: yaml.fileName, line: entry.line, message: "`weights` names no parameter"))
    }
    var targets: [WeightTarget] = []
    for target in inner {
      guard let value = target.value.finiteNumber else {
        problems.append(
          LessonProblem(file: yaml.fileName, line: target.line, message: "weight `\(target.key)` needs a number"))
        continue
      }
      guard let lab, let network = try? lab.trainingConfiguration.buildNetwork() else { continue }
      switch ParameterName.resolve(target.key, in: network, featureNames: lab.featureNames) {
      case .success(let reference):
        if targets.contains(where: { $0.parameter == reference }) {
          problems.append(
            LessonProblem(file: yaml.fileName, line: target.line, message: "`\(target.key)` names \(reference) twice"))
        } else {
          targets.append(WeightTarget(parameter: reference, value: value))
        }
      case .failure(let error):
        problems.append(LessonProblem(file: yaml.fileName, line: target.line, message: error.description))
      }
    }
    return targets
  }
}
