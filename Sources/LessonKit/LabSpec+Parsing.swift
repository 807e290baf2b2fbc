import NeuralEngine
import Yams

extension LabSpec {
  /// The keys a lab block may hold.
  static let knownKeys = [
    "dataset", "model", "layers", "activation", "output-activation", "loss", "optimizer", "learning-rate",
    "batch", "seed", "views", "controls", "regularization", "dropout", "initialisation",
    "pace", "steps-per-tick", "speed", "bowl-parameters", "train-samples", "noise", "classes", "test-shift",
    "length", "models", "optimizers", "features", "setup", "race", "pretrain", "transfer", "freeze",
  ]

  /// The keys a `setup` string stands for (it is given instead of them).
  static let setupKeys: Set<String> = [
    "dataset", "model", "layers", "models", "activation", "output-activation", "loss", "optimizer", "learning-rate",
    "batch", "seed", "regularization", "dropout", "initialisation", "train-samples", "noise", "classes", "test-shift",
    "length", "features",
  ]

  /// Reads a lab from its YAML root; nil if it is unusable (problems say why).
  ///
  /// Problems in optional keys are reported and the key is ignored, so one mistake does not
  /// hide the others.
  static func parse(
    _ root: Node, yaml: YAMLBlock, fenceLine: Int, problems: inout [LessonProblem]
  ) -> LabSpec? {
    guard let entries = yaml.entries(of: root, blockName: "lab", problems: &problems) else {
      return nil
    }
    func report(_ entry: YAMLBlock.Entry, _ message: String) {
      problems.append(LessonProblem(file: yaml.fileName, line: entry.line, message: message))
    }
    func allowed<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String
    where T.RawValue == String {
      T.allCases.map(\.rawValue).joined(separator: ", ")
    }
    func value<T: RawRepresentable & CaseIterable>(
      _ entry: YAMLBlock.Entry, _ type: T.Type, what: String
    ) -> T? where T.RawValue == String {
      if let text = entry.value.plainString, let value = T(rawValue: text) { return value }
      report(entry, "unknown \(what) `\(entry.value.plainString ?? "…")` (allowed: \(allowed(T.self)))")
      return nil
    }

    var dataset: DatasetName?
    var sawDataset = false
    var spec = LabSpec(dataset: .line, line: fenceLine)
    var bowlEntry: YAMLBlock.Entry?
    var paceEntry: YAMLBlock.Entry?
    var noiseEntry: YAMLBlock.Entry?
    var lossEntry: YAMLBlock.Entry?
    var networkEntry: YAMLBlock.Entry?
    var classesEntry: YAMLBlock.Entry?
    var shiftEntry: YAMLBlock.Entry?
    var lengthEntry: YAMLBlock.Entry?
    var modelItems: [(description: ModelDescription, line: Int)] = []
    var optimizerEntry: YAMLBlock.Entry?
    var optimizersEntry: YAMLBlock.Entry?
    var featuresEntry: YAMLBlock.Entry?
    var setupEntry: YAMLBlock.Entry?
    var raceEntry: YAMLBlock.Entry?
    var transferEntries = TransferEntries()
    for entry in entries {
      switch entry.key {
      case "setup":
        setupEntry = entry
      case "dataset":
        sawDataset = true
        dataset = value(entry, DatasetName.self, what: "dataset")
      case "model":
        if let previous = networkEntry {
          report(entry, "`model` and `\(previous.key)` both describe the network (line \(previous.line)); give one")
        } else if let text = entry.value.plainString {
          do {
            spec.model = try ModelDescription(parsing: text)
          } catch {
            report(entry, "`model`: \(error)")
          }
        } else {
          report(entry, "`model` must be a description such as \"conv 8 3x3 relu, maxpool 2, dense 10 softmax\"")
        }
        networkEntry = entry
      case "layers":
        if let previous = networkEntry {
          report(entry, "`layers` and `\(previous.key)` both describe the network (line \(previous.line)); give one")
        } else if let sizes = integers(entry.value), sizes.allSatisfy({ $0 >= 1 }) {
          spec.hiddenLayers = sizes
        } else {
          report(entry, "`layers` must be a list of hidden layer sizes, e.g. [4, 2] or []")
        }
        networkEntry = entry
      case "models":
        if let previous = networkEntry {
          report(entry, "`models` and `\(previous.key)` both describe the network (line \(previous.line)); give one")
        } else {
          modelItems = models(entry, yaml: yaml, problems: &problems)
          spec.model = modelItems.first?.description
        }
        networkEntry = entry
      case "activation":
        spec.activation = value(entry, Activation.self, what: "activation")
      case "output-activation":
        spec.outputActivation = value(entry, Activation.self, what: "activation")
      case "loss":
        spec.loss = value(entry, LossFunction.self, what: "loss")
        lossEntry = entry
      case "optimizer":
        spec.optimizer = value(entry, OptimizerKind.self, what: "optimizer")
        optimizerEntry = entry
      case "optimizers":
        if let kinds = words(entry, yaml: yaml, OptimizerKind.self, what: "optimizer", problems: &problems) {
          spec.optimizerChoices = kinds.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        }
        optimizersEntry = entry
      case "features":
        if let features = words(entry, yaml: yaml, InputFeature.self, what: "input feature", problems: &problems) {
          if features.isEmpty {
            report(entry, "`features` must name at least one input feature")
          } else {
            let ordered = InputFeature.ordered(features)
            spec.features = ordered == InputFeature.plain ? nil : ordered
          }
        }
        featuresEntry = entry
      case "initialisation":
        spec.initialisation = value(entry, WeightInitialisation.self, what: "initialisation")
      case "learning-rate":
        if let rate = entry.value.finiteNumber, rate > 0, rate <= 100 {
          spec.learningRate = rate
        } else {
          report(entry, "`learning-rate` must be a number above 0 (at most 100)")
        }
      case "batch":
        if let text = entry.value.plainString, let mode = BatchMode(argument: text) {
          spec.batch = mode
        } else {
          report(entry, "`batch` must be `full`, `1` (one sample per step) or a batch size above 1")
        }
      case "seed":
        if let text = entry.value.plainString, let seed = UInt64(text) {
          spec.seed = seed
        } else {
          report(entry, "`seed` must be a whole number 0 or above")
        }
      case "dropout":
        if let rate = entry.value.finiteNumber, rate >= 0, rate < 1 {
          spec.dropout = rate
        } else {
          report(entry, "`dropout` must be a number from 0 up to (not including) 1")
        }
      case "pace":
        if let previous = paceEntry {
          report(entry, "`pace` repeats `\(previous.key)` (line \(previous.line)); give one")
        } else if entry.value.plainString == "max" {
          spec.pace = .infinity
        } else if let rate = entry.value.finiteNumber, rate > 0, rate <= maximumPace {
          spec.pace = rate
        } else {
          report(entry, "`pace` must be a number of steps per second above 0 (at most 100000), or `max`")
        }
        paceEntry = entry
      case "steps-per-tick", "speed":
        if let previous = paceEntry {
          report(entry, "`\(entry.key)` repeats `\(previous.key)` (line \(previous.line)); give one")
        } else if let steps = entry.value.integer, (1...100_000).contains(steps) {
          spec.pace = Swift.min(Double(steps) * ticksPerSecond, maximumPace)
        } else {
          report(entry, "`\(entry.key)` must be a whole number of steps per tick, 1 or more (or use `pace`: steps per second)")
        }
        paceEntry = entry
      case "regularization":
        spec.regularization = regularization(entry, yaml: yaml, problems: &problems)
      case "views":
        if let views = words(entry, yaml: yaml, LabView.self, what: "view", problems: &problems) {
          spec.views = views.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        }
      case "controls":
        if entry.value.plainString == "all" {
          spec.controls = Set(LabControl.allCases)
        } else if let controls = words(
          entry, yaml: yaml, LabControl.self, what: "control", problems: &problems)
        {
          spec.controls = Set(controls)
        }
      case "bowl-parameters":
        bowlEntry = entry
      case "race":
        spec.race = raceVariation(entry, yaml: yaml, problems: &problems)
        raceEntry = entry
      case "train-samples":
        if let count = entry.value.integer, (2...100_000).contains(count) {
          spec.trainSamples = count
        } else {
          report(entry, "`train-samples` must be a whole number of training rows, 2 or more")
        }
      case "length":
        if let steps = entry.value.integer {
          spec.length = steps
          lengthEntry = entry
        } else {
          report(entry, "`length` must be a whole number of time steps")
        }
      case "noise":
        if let level = entry.value.finiteNumber, level >= 0, level <= 10 {
          spec.noise = level
          noiseEntry = entry
        } else {
          report(entry, "`noise` must be a number from 0 to 10 (the standard deviation of the noise on the targets or points)")
        }
      case "classes":
        if let classes = integers(entry.value), !classes.isEmpty, classes.allSatisfy({ (0..<1_000).contains($0) }) {
          spec.classes = classes
          classesEntry = entry
        } else {
          report(entry, "`classes` must be a list of class numbers to keep, e.g. [5, 6, 7, 8, 9]")
        }
      case "test-shift":
        if let pixels = entry.value.integer, (-8...8).contains(pixels) {
          spec.testShift = pixels
          shiftEntry = entry
        } else {
          report(entry, "`test-shift` must be a whole number of pixels from -8 to 8 (positive moves right)")
        }
      case "pretrain":
        spec.pretraining = pretraining(entry, yaml: yaml, problems: &problems)
        transferEntries.pretrain = entry
      case "transfer":
        spec.transferredItems = items(entry, what: "transfer", yaml: yaml, problems: &problems)
        transferEntries.transfer = entry
      case "freeze":
        spec.frozenItems = items(entry, what: "freeze", yaml: yaml, problems: &problems)
        transferEntries.freeze = entry
      default:
        report(entry, "unknown key `\(entry.key)` in lab (known: \(knownKeys.joined(separator: ", ")))")
      }
    }
    if let setupEntry {
      if let clash = entries.first(where: { setupKeys.contains($0.key) }) {
        report(clash, "`\(clash.key)` is also in `setup` (line \(setupEntry.line)): give the run's settings one way")
        return nil
      }
      guard let applied = applying(setupEntry, to: spec, report: report) else { return nil }
      spec = applied
      dataset = spec.dataset
      sawDataset = true
    }
    guard sawDataset else {
      problems.append(
        LessonProblem(
          file: yaml.fileName, line: fenceLine,
          message: "lab has no `dataset` (one of \(allowed(DatasetName.self)))"))
      return nil
    }
    guard let dataset else { return nil }
    spec.dataset = dataset
    if let lossEntry, let loss = spec.loss, loss != .meanSquaredError, loss != .square, !dataset.isClassification {
      report(lossEntry, "`loss: \(loss.rawValue)` needs a classification dataset; `\(dataset.rawValue)` is regression (use mse)")
      spec.loss = nil
    }
    if let noiseEntry, Dataset.standardNoise(dataset) == nil {
      let noisy = DatasetName.allCases.filter { Dataset.standardNoise($0) != nil }.map(\.rawValue).joined(separator: ", ")
      report(noiseEntry, "`noise` applies to \(noisy), not `\(dataset.rawValue)`")
      spec.noise = nil
    }
    if let classesEntry, let classes = spec.classes {
      if case .classification(let count) = Dataset.builtIn(dataset, seed: 1, sampleCount: 8).task {
        if let outside = classes.first(where: { $0 >= count }) {
          report(classesEntry, "`classes`: `\(dataset.rawValue)` has classes 0 to \(count - 1), not \(outside)")
          spec.classes = nil
        }
      } else {
        report(classesEntry, "`classes` applies to classification datasets, not `\(dataset.rawValue)`")
        spec.classes = nil
      }
    }
    if let featuresEntry, Dataset.builtIn(dataset, seed: 1, sampleCount: 8).inputShape != [2] {
      report(featuresEntry, "`features` are computed from 2-D data (xor, circle, gaussians, spiral), not `\(dataset.rawValue)`")
      spec.features = nil
    }
    if let shiftEntry, dataset != .digits {
      report(shiftEntry, "`test-shift` applies to image datasets (digits), not `\(dataset.rawValue)`")
      spec.testShift = nil
    }
    checkTransfer(&spec, entries: transferEntries, yaml: yaml, problems: &problems)
    if let lengthEntry, let length = spec.length {
      if !dataset.isSequence {
        let sequences = DatasetName.allCases.filter(\.isSequence).map(\.rawValue).joined(separator: ", ")
        report(lengthEntry, "`length` applies to sequence datasets (\(sequences)), not `\(dataset.rawValue)`")
        spec.length = nil
      } else if let problem = dataset.lengthProblem(length) {
        report(lengthEntry, "`length`: \(problem)")
        spec.length = nil
      }
    }
    if let optimizersEntry, !spec.optimizerChoices.isEmpty {
      if let optimizer = spec.optimizer, !spec.optimizerChoices.contains(optimizer) {
        report(
          optimizerEntry ?? optimizersEntry,
          "`optimizer: \(optimizer.rawValue)` is not among `optimizers` (line \(optimizersEntry.line))")
      }
      spec.optimizer = spec.optimizer ?? spec.optimizerChoices[0]
    }
    // Every network `m` switches to must train on the dataset, not only the first.
    for item in modelItems.dropFirst() {
      var candidate = spec
      candidate.model = item.description
      do {
        _ = try candidate.trainingConfiguration.buildNetwork()
      } catch {
        problems.append(LessonProblem(file: yaml.fileName, line: item.line, message: "the lab's network `\(item.description)`: \(error)"))
      }
    }
    if modelItems.count > 1 { spec.modelChoices = modelItems.map(\.description) }
    // The same check the engine makes before training: shapes fit, sizes within the limits.
    let network: Network
    do {
      network = try spec.trainingConfiguration.buildNetwork()
    } catch {
      problems.append(
        LessonProblem(file: yaml.fileName, line: networkEntry?.line ?? fenceLine, message: "the lab's network: \(error)"))
      return nil
    }
    if let raceEntry {
      let raceProblems = raceProblems(of: spec, network: network, raceLine: raceEntry.line, fileName: yaml.fileName)
      problems += raceProblems
      if !raceProblems.isEmpty { spec.race = nil }
    }
    if let bowlEntry {
      spec.bowlParameters = bowlParameters(
        bowlEntry, network: network, featureNames: spec.featureNames, yaml: yaml, problems: &problems)
    } else if spec.views.contains(.bowl), spec.effectiveBowlParameters(in: network) == nil {
      problems.append(
        LessonProblem(
          file: yaml.fileName, line: fenceLine,
          message: "the `bowl` view needs `bowl-parameters: [<x>, <y>]` (network \(ParameterName.summary(of: network)) has \(network.parameterCount) parameters)"))
    }
    return spec
  }

  // MARK: - Private

  /// The descriptions of a `models` list, each with its file line; bad items are reported.
  private static func models(
    _ entry: YAMLBlock.Entry, yaml: YAMLBlock, problems: inout [LessonProblem]
  ) -> [(description: ModelDescription, line: Int)] {
    guard case .sequence(let sequence) = entry.value, !sequence.isEmpty else {
      problems.append(
        LessonProblem(
          file: yaml.fileName, line: entry.line,
          message: "`models` must be a list of model descriptions, e.g. [\"rnn 16, dense 1 sigmoid\", \"lstm 16, dense 1 sigmoid\"]"))
      return []
    }
    var result: [(description: ModelDescription, line: Int)] = []
    for item in sequence {
      guard let text = item.plainString else {
        problems.append(yaml.problem(at: item, "each of `models` must be a description such as \"lstm 16, dense 1 sigmoid\""))
        continue
      }
      do {
        result.append((try ModelDescription(parsing: text), yaml.line(of: item)))
      } catch {
        problems.append(yaml.problem(at: item, "`models`: \(error)"))
      }
    }
    return result
  }

  private static func integers(_ node: Node) -> [Int]? {
    if case .scalar = node, node.plainString?.isEmpty == true { return [] }
    guard case .sequence(let sequence) = node else { return nil }
    var result: [Int] = []
    for item in sequence {
      guard let number = item.integer else { return nil }
      result.append(number)
    }
    return result
  }

  /// A list of words from `T`'s spellings; each bad word is reported on its own line.
  private static func words<T: RawRepresentable & CaseIterable>(
    _ entry: YAMLBlock.Entry, yaml: YAMLBlock, _ type: T.Type, what: String,
    problems: inout [LessonProblem]
  ) -> [T]? where T.RawValue == String {
    let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
    let items: [Node]
    switch entry.value {
    case .sequence(let sequence): items = Array(sequence)
    case .scalar: items = [entry.value]
    default:
      problems.append(
        LessonProblem(file: yaml.fileName, line: entry.line, message: "`\(entry.key)` must be a list of \(what)s"))
      return nil
    }
    var result: [T] = []
    for item in items {
      if let text = item.plainString, let value = T(rawValue: text) {
        result.append(value)
      } else {
        let extra = what == "control" ? ", or `all` instead of a list" : ""
        problems.append(
          yaml.problem(
            at: item, "unknown \(what) `\(item.plainString ?? "…")` (allowed: \(allowed)\(extra))"))
      }
    }
    return result
  }

  private static func regularization(
    _ entry: YAMLBlock.Entry, yaml: YAMLBlock, problems: inout [LessonProblem]
  ) -> Regularization? {
    let usage = "`regularization` must be `{l1: <strength>}` or `{l2: <strength>}` with a strength of 0 or more"
    guard let inner = yaml.entries(of: entry.value, blockName: "regularization", problems: &problems),
      inner.count == 1, let only = inner.first
    else {
      problems.append(LessonProblem(file: yaml.fileName, line: entry.line, message: usage))
      return nil
    }
    guard let strength = only.value.finiteNumber, strength >= 0 else {
      problems.append(LessonProblem(file: yaml.fileName, line: only.line, message: usage))
      return nil
    }
    switch only.key {
    case "l1": return .l1(strength)
    case "l2": return .l2(strength)
    default:
      problems.append(
        LessonProblem(file: yaml.fileName, line: only.line, message: "unknown regularization `\(only.key)` (allowed: l1, l2)"))
      return nil
    }
  }

  private static func bowlParameters(
    _ entry: YAMLBlock.Entry, network: Network, featureNames: [String], yaml: YAMLBlock,
    problems: inout [LessonProblem]
  ) -> [ParameterID]? {
    guard case .sequence(let sequence) = entry.value, sequence.count == 2 else {
      problems.append(
        LessonProblem(
          file: yaml.fileName, line: entry.line,
          message: "`bowl-parameters` must list exactly two parameter names, e.g. [w.size, b]"))
      return nil
    }
    var result: [ParameterID] = []
    for item in sequence {
      switch ParameterName.resolve(item.plainString ?? "", in: network, featureNames: featureNames) {
      case .success(let reference): result.append(reference)
      case .failure(let error): problems.append(yaml.problem(at: item, error.description))
      }
    }
    if result.count == 2, result[0] == result[1] {
      problems.append(
        LessonProblem(file: yaml.fileName, line: entry.line, message: "`bowl-parameters` names the same parameter twice"))
      return nil
    }
    return result.count == 2 ? result : nil
  }

  /// `spec` with the settings of a `setup` string (what the playground's `v` shows), or nil
  /// when it cannot be read or names what a lab cannot hold.
  private static func applying(
    _ entry: YAMLBlock.Entry, to spec: LabSpec, report: (YAMLBlock.Entry, String) -> Void
  ) -> LabSpec? {
    guard let text = entry.value.plainString else {
      report(entry, "`setup` must be a setup string such as 'circle;4,2;tanh;lr=0.03' (the playground shows one with v)")
      return nil
    }
    let setup: RunSetup
    do {
      setup = try RunSetup(parsing: text)
    } catch {
      report(entry, "`setup`: \(error)")
      return nil
    }
    guard case .builtIn(let name) = setup.data.source else {
      report(entry, "`setup`: a lab trains on a built-in dataset, not a CSV file")
      return nil
    }
    let unsupported = [
      setup.data.sampleCount != nil ? "samples" : nil, setup.gradientClip != .automatic ? "clip" : nil,
      setup.data.seed != setup.seed ? "dataseed" : nil, setup.data.testFraction != nil ? "test-fraction" : nil,
    ].compactMap { $0 }
    if let field = unsupported.first {
      report(entry, "`setup`: a lab has no `\(field)` setting (leave it out)")
      return nil
    }
    do {
      _ = try setup.trainingConfiguration()
    } catch {
      report(entry, "`setup`: \(error)")
      return nil
    }
    var spec = spec
    spec.dataset = name
    spec.model = setup.model
    spec.hiddenLayers = setup.hiddenLayers
    spec.activation = setup.activation
    spec.outputActivation = setup.outputActivation
    spec.loss = setup.loss
    spec.optimizer = setup.optimizer
    spec.learningRate = setup.learningRate
    // As in `--setup`: without `batch=`, the dataset's own batch mode (so a string means one run
    // everywhere; `v` always writes it).
    spec.batch = setup.batchMode ?? name.suggestedBatchMode
    spec.seed = setup.seed
    spec.regularization = setup.regularization
    spec.dropout = setup.dropout
    spec.initialisation = setup.initialisation
    spec.noise = setup.data.noise
    spec.length = setup.data.length
    spec.trainSamples = setup.data.trainSamples
    spec.classes = setup.data.classes
    spec.testShift = setup.data.testShift
    spec.features = setup.inputFeatures
    return spec
  }
}
