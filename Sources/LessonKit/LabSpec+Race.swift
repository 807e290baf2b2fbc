import NeuralEngine
import Yams

extension LabSpec {
  /// Views a race lab can show: the paths on the bowl and the loss curves.
  public static let raceViews: Set<LabView> = [.bowl, .loss]

  /// Reads `race: {<setting>: [v1, v2, …]}`: one setting, 2 to 6 distinct values, each reported
  /// at its own line when it is not a value of that setting.
  static func raceVariation(
    _ entry: YAMLBlock.Entry, yaml: YAMLBlock, problems: inout [LessonProblem]
  ) -> RaceVariation? {
    let settings = RaceSetting.allCases.map(\.rawValue).joined(separator: ", ")
    let usage = "`race` must name one setting and its values, e.g. `race: {learning-rate: [0.01, 0.1, 1]}`"
    guard case .mapping(let mapping) = entry.value, mapping.count == 1, let (keyNode, valuesNode) = mapping.first else {
      problems.append(LessonProblem(file: yaml.fileName, line: entry.line, message: usage))
      return nil
    }
    guard let key = keyNode.plainString, let setting = RaceSetting(rawValue: key) else {
      problems.append(yaml.problem(at: keyNode, "unknown race setting `\(keyNode.plainString ?? "…")` (allowed: \(settings))"))
      return nil
    }
    guard case .sequence(let sequence) = valuesNode else {
      problems.append(yaml.problem(at: valuesNode, "`race`: `\(key)` needs a list of values, e.g. [0.01, 0.1, 1]"))
      return nil
    }
    let items = Array(sequence)
    guard RaceVariation.runCounts.contains(items.count) else {
      problems.append(
        yaml.problem(
          at: valuesNode,
          "`race` runs \(RaceVariation.runCounts.lowerBound) to \(RaceVariation.runCounts.upperBound) values side by side (got \(items.count))"))
      return nil
    }
    let before = problems.count
    func parsed<Value: Equatable>(_ read: (Node) -> Value?, _ what: String) -> [Value] {
      var values: [Value] = []
      for item in items {
        guard let value = read(item) else {
          problems.append(yaml.problem(at: item, "`race`: `\(item.plainString ?? "…")` is not \(what)"))
          continue
        }
        if values.contains(value) {
          problems.append(yaml.problem(at: item, "`race` lists `\(item.plainString ?? "…")` twice; each run needs its own value"))
          continue
        }
        values.append(value)
      }
      return values
    }
    let variation: RaceVariation
    switch setting {
    case .learningRate:
      variation = .learningRates(
        parsed({ node in node.finiteNumber.flatMap { $0 > 0 && $0 <= 100 ? $0 : nil } }, "a learning rate above 0 (at most 100)"))
    case .optimizer:
      let names = OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")
      variation = .optimizers(parsed({ $0.plainString.flatMap(OptimizerKind.init(rawValue:)) }, "an optimizer (\(names))"))
    case .batch:
      variation = .batchModes(
        parsed({ $0.plainString.flatMap(BatchMode.init(argument:)) }, "a batch mode (`full`, `1` or a batch size above 1)"))
    case .activation:
      let names = Activation.allCases.map(\.rawValue).joined(separator: ", ")
      variation = .activations(parsed({ $0.plainString.flatMap(Activation.init(rawValue:)) }, "an activation (\(names))"))
    }
    return problems.count == before ? variation : nil
  }

  /// Problems of a parsed race lab as a whole: views it cannot race, a bowl whose surface would
  /// differ from run to run, an activation race without hidden layers, a run that cannot build.
  static func raceProblems(
    of spec: LabSpec, network: Network, raceLine: Int, fileName: String
  ) -> [LessonProblem] {
    guard let race = spec.race else { return [] }
    var problems: [LessonProblem] = []
    func report(_ message: String) { problems.append(LessonProblem(file: fileName, line: raceLine, message: message)) }
    let others = spec.views.filter { !raceViews.contains($0) }
    if !others.isEmpty {
      report("a race lab shows only `bowl` and `loss`, not \(others.map { "`\($0.rawValue)`" }.joined(separator: ", "))")
    }
    if spec.views.contains(.bowl), network.parameterCount != 2 {
      report("a race draws the `bowl` only for a network of two parameters (one neuron on one input); this one has \(network.parameterCount)")
    }
    if race.setting == .activation, spec.hiddenLayers.isEmpty || spec.model != nil {
      report("a race of activations needs hidden `layers` (the activation is theirs)")
    }
    for configuration in race.configurations(from: spec.trainingConfiguration) {
      do {
        _ = try configuration.buildNetwork()
      } catch {
        report("a run of the race cannot train: \(error)")
        break
      }
    }
    return problems
  }
}
