/// Everything needed to start a training run; the same configuration gives the same run, bit for
/// bit.
public struct TrainingConfiguration: Equatable, Sendable {
  public var dataset: Dataset
  /// The network as a description (`conv 8 3x3 relu, maxpool 2, dense 10 softmax`); nil builds
  /// the dense network of `hiddenLayers`, `activation` and `outputActivation`.
  public var model: ModelDescription?
  /// Nodes per hidden layer when `model` is nil; empty means a single neuron: linear for
  /// regression, sigmoid for two classes (softmax over the classes for more).
  public var hiddenLayers: [Int]
  /// The hidden layers' activation when `model` is nil.
  public var activation: Activation
  /// `nil` derives it when `model` is nil: regression → linear; classification → sigmoid with
  /// one output (two classes, unless the loss is categorical cross-entropy) or softmax.
  public var outputActivation: Activation?
  /// `nil` derives it from the output: softmax → categorical cross-entropy; a sigmoid output on
  /// two classes → binary cross-entropy; otherwise mean squared error (on 0/1 or one-hot
  /// targets for classification).
  public var loss: LossFunction?
  public var optimizer: OptimizerKind
  public var learningRate: Double
  public var batchMode: BatchMode
  public var regularization: Regularization
  /// Fraction of hidden nodes dropped per training sample (0 = off) in the dense network.
  public var dropoutRate: Double
  /// `nil` derives it: no hidden layers → uniform U(−0.5, 0.5), so even one neuron starts from
  /// random weights that the seed decides; ReLU or leaky ReLU → He; otherwise Xavier.
  public var initialisation: WeightInitialisation?
  /// Where every bias starts.
  public var initialBias: Double
  /// Seeds the session's generator: initial weights, then epoch shuffles and dropout masks.
  public var seed: UInt64
  /// Seeds the epoch shuffles separately from the weights when set.
  public var shuffleSeed: UInt64?
  /// Whether each epoch visits the training samples in a new random order (TF Playground keeps
  /// the stored order).
  public var shufflesEachEpoch: Bool
  /// How long a step's gradient may be.
  public var gradientClip: GradientClip
  /// Items of the description (counting from 1) whose parameters never move (transfer learning).
  public var frozenItems: Set<Int>
  /// Parameter blocks that start from these values instead of drawn ones, by block name
  /// (`conv1.kernel`): a layer trained elsewhere, for transfer learning. Every other block is
  /// drawn as usual, from the same generator, so a run with and without them starts its other
  /// layers from the same weights.
  public var startingParameters: [String: [Double]]
  /// Features the network reads, computed from the two inputs of 2-D data (`x₁²`, `sin x₂` …);
  /// nil reads the dataset's own columns. `dataset` keeps the points as drawn, so plots still
  /// show them over the (x₁, x₂) plane.
  public var inputFeatures: [InputFeature]?

  public init(
    dataset: Dataset, model: ModelDescription? = nil, hiddenLayers: [Int] = [],
    activation: Activation = .tanh, outputActivation: Activation? = nil, loss: LossFunction? = nil,
    optimizer: OptimizerKind = .sgd, learningRate: Double = 0.03,
    batchMode: BatchMode = .miniBatch(size: 10), regularization: Regularization = .none,
    dropoutRate: Double = 0, initialisation: WeightInitialisation? = nil, initialBias: Double = 0,
    seed: UInt64 = 1, shuffleSeed: UInt64? = nil, shufflesEachEpoch: Bool = true,
    gradientClip: GradientClip = .automatic, frozenItems: Set<Int> = [],
    startingParameters: [String: [Double]] = [:], inputFeatures: [InputFeature]? = nil
  ) {
    self.dataset = dataset
    self.model = model
    self.hiddenLayers = hiddenLayers
    self.activation = activation
    self.outputActivation = outputActivation
    self.loss = loss
    self.optimizer = optimizer
    self.learningRate = learningRate
    self.batchMode = batchMode
    self.regularization = regularization
    self.dropoutRate = dropoutRate
    self.initialisation = initialisation
    self.initialBias = initialBias
    self.seed = seed
    self.shuffleSeed = shuffleSeed
    self.shufflesEachEpoch = shufflesEachEpoch
    self.gradientClip = gradientClip
    self.frozenItems = frozenItems
    self.startingParameters = startingParameters
    self.inputFeatures = inputFeatures
  }

  // MARK: - Derived choices

  /// The same run with nothing carried over: every block drawn, nothing frozen. What a network
  /// that transfers layers is compared with.
  public var fromScratch: TrainingConfiguration {
    var configuration = self
    configuration.frozenItems = []
    configuration.startingParameters = [:]
    return configuration
  }

  /// The data the network trains on: `dataset`, or its points described by `inputFeatures`.
  public var trainingDataset: Dataset {
    guard let inputFeatures, dataset.inputShape == [2], !inputFeatures.isEmpty else { return dataset }
    return dataset.withInputFeatures(inputFeatures)
  }

  /// The names of the network's inputs: the features' names, or the dataset's columns.
  public var inputNames: [String] {
    guard let inputFeatures, dataset.inputShape == [2], !inputFeatures.isEmpty else { return dataset.featureNames }
    return inputFeatures.map(\.name)
  }

  /// The shape of one input the network reads.
  public var networkInputShape: TensorShape {
    guard let inputFeatures, dataset.inputShape == [2], !inputFeatures.isEmpty else { return dataset.inputShape }
    return TensorShape([inputFeatures.count])
  }

  /// Classes of a classification dataset; nil for regression.
  public var classCount: Int? {
    if case .classification(let count) = dataset.task { return count }
    return nil
  }

  /// The description actually built: `model`, or the dense network of the shorthand.
  public var resolvedModel: ModelDescription {
    if let model { return model }
    return .dense(
      hidden: hiddenLayers, activation: activation, outputCount: shorthandOutputCount,
      outputActivation: shorthandOutputActivation, dropout: dropoutRate)
  }

  /// The output activation actually used.
  public var resolvedOutputActivation: Activation {
    model?.outputActivation ?? shorthandOutputActivation
  }

  /// The loss actually used.
  public var resolvedLoss: LossFunction {
    if let loss { return loss }
    switch resolvedOutputActivation {
    case .softmax: return .categoricalCrossEntropy
    case .sigmoid where classCount != nil: return .binaryCrossEntropy
    default: return .meanSquaredError
    }
  }

  /// The longest gradient a step may use (its norm), or nil for no clipping.
  public var resolvedClipNorm: Double? {
    switch gradientClip {
    case .off: return nil
    case .norm(let norm): return norm
    case .automatic:
      let recurrent = resolvedModel.layers.contains { spec in
        switch spec {
        case .recurrent, .lstm: return true
        default: return false
        }
      }
      return recurrent ? GradientClip.recurrentNorm : nil
    }
  }

  /// The initialisation actually used.
  public var resolvedInitialisation: WeightInitialisation {
    if let initialisation { return initialisation }
    if model == nil, hiddenLayers.isEmpty { return .uniform }
    let usesReLU: Bool
    if let model {
      usesReLU = model.layers.contains { spec in
        switch spec {
        case .dense(_, let activation), .convolution(_, _, _, _, let activation), .residual(_, let activation):
          return activation == .relu || activation == .leakyRelu
        case .activation(let activation): return activation == .relu || activation == .leakyRelu
        default: return false
        }
      }
    } else {
      usesReLU = activation == .relu || activation == .leakyRelu
    }
    return usesReLU ? .he : .xavier
  }

  /// Outputs of the shorthand's last layer.
  var shorthandOutputCount: Int {
    switch dataset.task {
    case .regression:
      return dataset.trainTargets.width
    case .classification(let classCount):
      let wantsOneHot = classCount > 2 || loss == .categoricalCrossEntropy || outputActivation == .softmax
      return wantsOneHot ? classCount : 1
    }
  }

  /// The shorthand's output activation.
  var shorthandOutputActivation: Activation {
    if let outputActivation { return outputActivation }
    switch dataset.task {
    case .regression: return .linear
    case .classification: return shorthandOutputCount == 1 ? .sigmoid : .softmax
    }
  }

  /// The network before the first step: built from `resolvedModel`, checked against the data,
  /// and drawn from `generator` (seeded with `seed` by the session).
  public func initialNetwork(using generator: inout SplitMix64) throws(ModelError) -> Network {
    var network = try buildNetwork()
    network.initialise(rule: resolvedInitialisation, bias: initialBias, using: &generator)
    for (name, values) in startingParameters {
      guard let block = network.block(named: name) else { continue }
      network.parameters.replaceSubrange(block.range, with: values)
    }
    return network
  }

  /// Builds the network (every parameter zero) and checks that its output fits the task.
  public func buildNetwork() throws(ModelError) -> Network {
    if let inputFeatures {
      guard dataset.inputShape == [2] else {
        throw ModelError(reason: "input features are computed from 2-D data; \(dataset.name) has \(dataset.inputShape.count) inputs")
      }
      guard !inputFeatures.isEmpty else { throw ModelError(reason: "the network needs at least one input feature") }
    }
    let network = try Network(description: resolvedModel, inputShape: networkInputShape)
    let outputs = network.outputCount
    switch dataset.task {
    case .regression:
      let targets = dataset.trainTargets.width
      guard outputs == targets else {
        throw ModelError(
          reason: "the last layer gives \(outputs) outputs, but \(dataset.name) has \(targets) target\(targets == 1 ? "" : "s") (end with dense \(targets))")
      }
    case .classification(let classes):
      guard outputs == classes || (outputs == 1 && classes == 2) else {
        throw ModelError(
          reason: "the last layer gives \(outputs) output\(outputs == 1 ? "" : "s"), but \(dataset.name) has \(classes) classes (end with dense \(classes) softmax\(classes == 2 ? " or dense 1 sigmoid" : ""))")
      }
    }
    if let item = frozenItems.first(where: { !(1...network.modelDescription.layers.count).contains($0) }) {
      throw ModelError(reason: "cannot freeze layer \(item): the model has \(network.modelDescription.layers.count) layers")
    }
    for (name, values) in startingParameters.sorted(by: { $0.key < $1.key }) {
      guard let block = network.block(named: name) else {
        throw ModelError(reason: "cannot start \(name) from given values: the model has no such parameters")
      }
      guard values.count == block.count else {
        throw ModelError(reason: "cannot start \(name) from \(values.count) values: it holds \(block.count)")
      }
    }
    return network
  }
}

/// Whether and how a step's gradient is shortened before the update.
public enum GradientClip: Equatable, Hashable, Sendable {
  /// Clip at `recurrentNorm` for networks with recurrent layers, whose gradients through time
  /// can spike when a memory forms and throw a run back to chance; no clipping otherwise.
  case automatic
  /// Never clip.
  case off
  /// Rescale the whole gradient to this norm when it is longer.
  case norm(Double)

  /// The norm `automatic` clips recurrent networks at.
  public static let recurrentNorm = 1.0
}
