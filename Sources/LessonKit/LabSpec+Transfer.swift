import NeuralEngine
import Yams

/// Transfer learning in a lab: a network trained first on other data (`pretrain`), some of its
/// layers carried over (`transfer`) and held still (`freeze`), and the same network trained from
/// scratch beside it so the learner sees what the carried-over layers were worth.
extension LabSpec {
  /// Training the lab's network gets before the lab starts: the lab's own settings (seed,
  /// learning rate, batch, …) on every training sample of `classes`, for `steps` steps. Being
  /// deterministic, it is exactly the run an earlier page with those settings shows at that step.
  public struct Pretraining: Equatable, Sendable {
    /// The classes pretrained on; nil keeps every class.
    public var classes: [Int]?
    public var steps: Int

    public init(classes: [Int]?, steps: Int) {
      self.classes = classes
      self.steps = steps
    }

    /// Most pretraining steps a lab may ask for: they run while the page opens.
    public static let maximumSteps = 5_000
  }

  /// Whether the lab carries layers over from a pretrained network; such a lab also trains the
  /// same network from scratch beside it, step for step.
  public var transfers: Bool { pretraining != nil && !transferredItems.isEmpty }

  /// The lab that pretrains: these settings on the pretraining classes, every training sample,
  /// nothing frozen or moved.
  public var pretrainingLab: LabSpec? {
    guard let pretraining else { return nil }
    var lab = self
    lab.classes = pretraining.classes
    lab.trainSamples = nil
    lab.testShift = nil
    lab.frozenItems = []
    lab.transferredItems = []
    lab.pretraining = nil
    return lab
  }

  /// `trainingConfiguration` with the transferred items' blocks starting from the pretrained
  /// network: runs the pretraining (`Pretraining.steps` steps), so call it once, when the lab
  /// opens. Without `pretrain`, the plain configuration.
  public func configurationWithPretraining() throws(ModelError) -> TrainingConfiguration {
    var configuration = trainingConfiguration
    guard transfers, let pretraining, let source = pretrainingLab else { return configuration }
    var session = try TrainingSession(configuration: source.trainingConfiguration)
    session.step(count: pretraining.steps)
    let network = session.network
    let items = Set(transferredItems)
    for block in network.blocks where items.contains(network.descriptionItems[block.layer]) {
      configuration.startingParameters[block.name] = Array(network.parameters[block.range])
    }
    return configuration
  }

  // MARK: - Parsing

  /// The entries of the transfer keys, for reporting problems between them.
  struct TransferEntries {
    var pretrain: YAMLBlock.Entry?
    var transfer: YAMLBlock.Entry?
    var freeze: YAMLBlock.Entry?
  }

  /// `pretrain: {classes: [0, 1, 2, 3, 4], steps: 300}`; nil (reported) when unusable.
  static func pretraining(_ entry: YAMLBlock.Entry, yaml: YAMLBlock, problems: inout [LessonProblem]) -> Pretraining? {
    let usage = "`pretrain` must be `{steps: N}` or `{classes: [0, 1, 2, 3, 4], steps: N}` with N from 1 to \(Pretraining.maximumSteps)"
    guard let inner = yaml.entries(of: entry.value, blockName: "pretrain", problems: &problems) else { return nil }
    var classes: [Int]?
    var steps: Int?
    for item in inner {
      switch item.key {
      case "classes":
        guard let values = integerList(item.value), !values.isEmpty, values.allSatisfy({ (0..<1_000).contains($0) }) else {
          problems.append(LessonProblem(file: yaml.fileName, line: item.line, message: "`pretrain` `classes` must be a list of class numbers, e.g. [0, 1, 2, 3, 4]"))
          return nil
        }
        classes = values
      case "steps":
        guard let count = item.value.integer, (1...Pretraining.maximumSteps).contains(count) else {
          problems.append(LessonProblem(file: yaml.fileName, line: item.line, message: usage))
          return nil
        }
        steps = count
      default:
        problems.append(LessonProblem(file: yaml.fileName, line: item.line, message: "unknown key `\(item.key)` in pretrain (known: classes, steps)"))
        return nil
      }
    }
    guard let steps else {
      problems.append(LessonProblem(file: yaml.fileName, line: entry.line, message: usage))
      return nil
    }
    return Pretraining(classes: classes, steps: steps)
  }

  /// `transfer: [1]` or `freeze: [1]`: item numbers of the model, counting from 1.
  static func items(_ entry: YAMLBlock.Entry, what: String, yaml: YAMLBlock, problems: inout [LessonProblem]) -> [Int] {
    guard let values = integerList(entry.value), !values.isEmpty, values.allSatisfy({ $0 >= 1 }) else {
      problems.append(
        LessonProblem(
          file: yaml.fileName, line: entry.line,
          message: "`\(what)` must be a list of the model's layers, counting from 1, e.g. [1] for the first"))
      return []
    }
    return values.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
  }

  /// Checks the transfer keys against each other, the model and the dataset; drops what does not fit.
  static func checkTransfer(
    _ spec: inout LabSpec, entries: TransferEntries, yaml: YAMLBlock, problems: inout [LessonProblem]
  ) {
    func report(_ entry: YAMLBlock.Entry?, _ message: String) {
      problems.append(LessonProblem(file: yaml.fileName, line: entry?.line ?? spec.line, message: message))
    }
    guard entries.pretrain != nil || entries.transfer != nil || entries.freeze != nil else { return }
    let model = spec.trainingConfiguration.resolvedModel
    for (entry, key) in [(entries.transfer, "transfer"), (entries.freeze, "freeze")] {
      let items = key == "transfer" ? spec.transferredItems : spec.frozenItems
      var kept: [Int] = []
      for item in items {
        guard model.layers.indices.contains(item - 1) else {
          report(entry, "`\(key)`: the model has \(model.layers.count) layers, not \(item)")
          continue
        }
        guard holdsParameters(model.layers[item - 1]) else {
          report(entry, "`\(key)`: layer \(item) (\(model.layers[item - 1])) has no weights")
          continue
        }
        kept.append(item)
      }
      if key == "transfer" { spec.transferredItems = kept } else { spec.frozenItems = kept }
    }
    if let classes = spec.pretraining?.classes {
      if case .classification(let count) = Dataset.builtIn(spec.dataset, seed: 1, sampleCount: 8).task {
        if let outside = classes.first(where: { $0 >= count }) {
          report(entries.pretrain, "`pretrain` `classes`: `\(spec.dataset.rawValue)` has classes 0 to \(count - 1), not \(outside)")
          spec.pretraining = nil
        }
      } else {
        report(entries.pretrain, "`pretrain` `classes` applies to classification datasets, not `\(spec.dataset.rawValue)`")
        spec.pretraining = nil
      }
    }
    if entries.transfer != nil, spec.pretraining == nil, entries.pretrain == nil {
      report(entries.transfer, "`transfer` needs `pretrain`: the network the layers come from")
    }
    if entries.pretrain != nil, entries.transfer == nil {
      report(entries.pretrain, "`pretrain` without `transfer` carries nothing over; name the layers, e.g. `transfer: [1]`")
    }
  }

  /// Whether layer `spec` has weights of its own to carry over or hold still.
  private static func holdsParameters(_ spec: ModelDescription.LayerSpec) -> Bool {
    switch spec {
    case .dense, .convolution, .recurrent, .lstm, .residual, .batchNorm: true
    case .maxPool, .averagePool, .flatten, .dropout, .activation: false
    }
  }

  private static func integerList(_ node: Node) -> [Int]? {
    guard case .sequence(let sequence) = node else { return node.integer.map { [$0] } }
    var result: [Int] = []
    for item in sequence {
      guard let number = item.integer else { return nil }
      result.append(number)
    }
    return result
  }
}
