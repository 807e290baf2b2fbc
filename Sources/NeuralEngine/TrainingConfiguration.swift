/// Everything needed to start a training run; the same configuration gives the same run.
public struct TrainingConfiguration: Equatable, Sendable {
  public var dataset: Dataset
  /// Nodes per hidden layer; empty means a single neuron: linear for regression, sigmoid for
  /// binary classification (softmax over the classes for more than two).
  public var hiddenLayers: [Int]
  /// The hidden layers' activation.
  public var activation: Activation
  /// `nil` derives it: regression → linear; classification → sigmoid with one output (two
  /// classes, unless the loss is categorical cross-entropy) or softmax over the classes.
  public var outputActivation: Activation?
  /// `nil` derives it: regression → mean squared error; two classes → binary cross-entropy;
  /// more → categorical cross-entropy. Mean squared error on classification trains on 0/1
  /// (one-hot) targets.
  public var loss: LossFunction?
  public var optimizer: OptimizerKind
  public var learningRate: Double
  public var batchMode: BatchMode
  public var regularization: Regularization
  /// Fraction of hidden nodes dropped per training sample (0 = off).
  public var dropoutRate: Double
  /// `nil` derives it: no hidden layers → uniform U(−0.5, 0.5), so even one neuron starts from
  /// random weights that the seed decides; ReLU or leaky ReLU → He; otherwise Xavier.
  public var initialisation: WeightInitialisation?
  /// Seeds the session's generator: initial weights, epoch shuffles, dropout masks.
  public var seed: UInt64

  public init(
    dataset: Dataset, hiddenLayers: [Int] = [], activation: Activation = .tanh,
    outputActivation: Activation? = nil, loss: LossFunction? = nil,
    optimizer: OptimizerKind = .sgd, learningRate: Double = 0.03,
    batchMode: BatchMode = .miniBatch(size: 10), regularization: Regularization = .none,
    dropoutRate: Double = 0, initialisation: WeightInitialisation? = nil, seed: UInt64 = 1
  ) {
    self.dataset = dataset
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
    self.seed = seed
  }

  // MARK: - Derived choices

  /// The loss actually used.
  public var resolvedLoss: LossFunction {
    if let loss { return loss }
    switch dataset.task {
    case .regression: return .meanSquaredError
    case .classification(let classCount):
      return classCount <= 2 ? .binaryCrossEntropy : .categoricalCrossEntropy
    }
  }

  /// Width of the output layer.
  public var outputCount: Int {
    switch dataset.task {
    case .regression:
      return dataset.trainTargets.width
    case .classification(let classCount):
      let wantsOneHot =
        classCount > 2 || resolvedLoss == .categoricalCrossEntropy || outputActivation == .softmax
      return wantsOneHot ? classCount : 1
    }
  }

  /// The output activation actually used.
  public var resolvedOutputActivation: Activation {
    if let outputActivation { return outputActivation }
    switch dataset.task {
    case .regression: return .linear
    case .classification: return outputCount == 1 ? .sigmoid : .softmax
    }
  }

  /// The network before the first step, drawn from `generator` (seeded with `seed` by the
  /// session, so the same configuration always starts from the same weights).
  public func initialNetwork(using generator: inout SplitMix64) -> Network {
    Network(
      inputCount: dataset.trainInputs.width, layerSizes: hiddenLayers + [outputCount],
      hiddenActivation: activation, outputActivation: resolvedOutputActivation,
      initialisation: resolvedInitialisation, using: &generator)
  }

  /// The initialisation actually used.
  public var resolvedInitialisation: WeightInitialisation {
    if let initialisation { return initialisation }
    if hiddenLayers.isEmpty { return .uniform }
    return activation == .relu || activation == .leakyRelu ? .he : .xavier
  }
}
