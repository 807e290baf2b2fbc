/// Every setting of a run in one value: the data recipe, the network, and how it trains. It is
/// what `--setup` and the playground's setup string spell (see `RunSetup+Text.swift`), what the
/// CLI's options build, and it makes the same `TrainingConfiguration` every time.
public struct RunSetup: Equatable, Sendable {
  public var data: DataRecipe
  /// The network as a description; nil builds the dense network of `hiddenLayers`.
  public var model: ModelDescription?
  /// Hidden layer sizes of the dense shorthand (empty: a single neuron).
  public var hiddenLayers: [Int]
  /// The hidden activation of the dense shorthand.
  public var activation: Activation
  /// nil derives it from the task (see `TrainingConfiguration.outputActivation`).
  public var outputActivation: Activation?
  /// nil derives it from the output (see `TrainingConfiguration.loss`).
  public var loss: LossFunction?
  public var optimizer: OptimizerKind
  public var learningRate: Double
  /// nil: the dataset's suggested batch mode (`DatasetName.suggestedBatchMode`).
  public var batchMode: BatchMode?
  public var regularization: Regularization
  /// Fraction of hidden nodes dropped per training sample in the dense shorthand.
  public var dropout: Double
  /// nil derives it (see `TrainingConfiguration.initialisation`).
  public var initialisation: WeightInitialisation?
  /// Seeds the starting weights, the shuffles and dropout.
  public var seed: UInt64
  public var gradientClip: GradientClip
  /// Passes over the training set for `descent train`; nil means its default. The playground
  /// trains until it is stopped and ignores it.
  public var epochs: Int?
  /// Features the network reads, computed from the two inputs of 2-D data (`x₁²`, `sin x₂` …);
  /// nil reads the dataset's own columns (see `TrainingConfiguration.inputFeatures`).
  public var inputFeatures: [InputFeature]?

  /// The CLI's defaults for what is not given.
  public init(
    data: DataRecipe, model: ModelDescription? = nil, hiddenLayers: [Int] = [], activation: Activation = .tanh,
    outputActivation: Activation? = nil, loss: LossFunction? = nil, optimizer: OptimizerKind = .sgd,
    learningRate: Double = 0.1, batchMode: BatchMode? = nil, regularization: Regularization = .none,
    dropout: Double = 0, initialisation: WeightInitialisation? = nil, seed: UInt64 = 1,
    gradientClip: GradientClip = .automatic, epochs: Int? = nil, inputFeatures: [InputFeature]? = nil
  ) {
    self.data = data
    self.model = model
    self.hiddenLayers = hiddenLayers
    self.activation = activation
    self.outputActivation = outputActivation
    self.loss = loss
    self.optimizer = optimizer
    self.learningRate = learningRate
    self.batchMode = batchMode
    self.regularization = regularization
    self.dropout = dropout
    self.initialisation = initialisation
    self.seed = seed
    self.gradientClip = gradientClip
    self.epochs = epochs
    self.inputFeatures = inputFeatures
  }

  /// Why a setup cannot be used or written: one line, naming the setting at fault when there
  /// is one (`length: the adding problem needs an even length …`).
  public struct SetupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The setting as the setup string names it (`lr`, `length`, `model`), if one is at fault.
    public var field: String?
    public var problem: String

    public init(_ problem: String, field: String? = nil) {
      self.field = field
      self.problem = problem
    }

    public var description: String { field.map { "\($0): \(problem)" } ?? problem }
  }

  // MARK: - From a configuration

  /// The setup of a run that draws its data by `data` and trains as `configuration` says (its
  /// dataset must be the one `data` draws). Fails, naming it, when the configuration holds a
  /// setting a setup cannot spell (starting parameters, frozen layers, a separate shuffle
  /// seed, an unshuffled order or a starting bias).
  public init(data: DataRecipe, configuration: TrainingConfiguration) throws(SetupError) {
    if !configuration.startingParameters.isEmpty { throw SetupError("a run that starts some layers from given values has no setup string") }
    if !configuration.frozenItems.isEmpty { throw SetupError("a run with frozen layers has no setup string") }
    if configuration.shuffleSeed != nil || !configuration.shufflesEachEpoch {
      throw SetupError("a run with its own shuffle order has no setup string")
    }
    if configuration.initialBias != 0 { throw SetupError("a run whose biases start at \(configuration.initialBias) has no setup string") }
    self.init(
      data: data, model: configuration.model, hiddenLayers: configuration.hiddenLayers,
      activation: configuration.activation, outputActivation: configuration.outputActivation,
      loss: configuration.loss, optimizer: configuration.optimizer, learningRate: configuration.learningRate,
      batchMode: configuration.batchMode, regularization: configuration.regularization,
      dropout: configuration.dropoutRate, initialisation: configuration.initialisation, seed: configuration.seed,
      gradientClip: configuration.gradientClip,
      inputFeatures: configuration.inputFeatures == InputFeature.plain ? nil : configuration.inputFeatures)
  }

  // MARK: - To a configuration

  /// Draws the data and assembles the engine's configuration, checking that every setting is
  /// usable and that the network can be built for the data; a problem is one line.
  public func trainingSetup() throws(SetupError) -> (configuration: TrainingConfiguration, scaling: FeatureScaling?) {
    if let problem { throw problem }
    let drawn: (dataset: Dataset, scaling: FeatureScaling?)
    do {
      drawn = try data.drawn()
    } catch {
      throw SetupError(error.description)
    }
    let dataset = drawn.dataset
    if inputFeatures != nil, dataset.inputShape != [2] {
      throw SetupError(
        "are computed from the two inputs of 2-D data (xor, circle, gaussians, spiral); '\(dataset.name)' has \(dataset.inputShape.count)",
        field: "features")
    }
    if dataset.task == .regression, let loss, loss != .meanSquaredError, loss != .square {
      throw SetupError("\(loss.rawValue) needs a classification dataset; '\(dataset.name)' is regression (use mse or square)", field: "loss")
    }
    var suggestedBatch = BatchMode.fullBatch
    if case .builtIn(let name) = data.source { suggestedBatch = name.suggestedBatchMode }
    let configuration = TrainingConfiguration(
      dataset: dataset, model: model, hiddenLayers: hiddenLayers, activation: activation,
      outputActivation: outputActivation, loss: loss, optimizer: optimizer, learningRate: learningRate,
      batchMode: batchMode ?? suggestedBatch, regularization: regularization, dropoutRate: dropout,
      initialisation: initialisation, seed: seed, gradientClip: gradientClip, inputFeatures: inputFeatures)
    do {
      _ = try configuration.buildNetwork()
    } catch {
      throw SetupError("\(error)", field: model != nil ? "model" : nil)
    }
    return (configuration, drawn.scaling)
  }

  /// The configuration alone (see `trainingSetup()`).
  public func trainingConfiguration() throws(SetupError) -> TrainingConfiguration {
    try trainingSetup().configuration
  }

  /// Why a setting is out of range, naming it, or nil.
  public var problem: SetupError? {
    if let (field, problem) = data.problem { return SetupError(problem, field: field) }
    guard learningRate.isFinite, learningRate > 0 else {
      return SetupError("must be a number greater than 0 (got \(learningRate))", field: "lr")
    }
    if case .miniBatch(let size) = batchMode, size < 2 { return SetupError("a mini-batch holds 2 samples or more (got \(size))", field: "batch") }
    if model != nil, !hiddenLayers.isEmpty { return SetupError("give a model description or hidden layer sizes, not both") }
    if let size = hiddenLayers.first(where: { !(1...ModelLimits.width).contains($0) }) {
      return SetupError("sizes must be from 1 to \(ModelLimits.width) (got \(size))", field: "layers")
    }
    switch regularization {
    case .none: break
    case .l1(let strength), .l2(let strength):
      guard strength.isFinite, strength >= 0 else {
        return SetupError("the strength must be 0 or more (got \(strength))", field: regularization.isL1 ? "l1" : "l2")
      }
    }
    guard dropout.isFinite, dropout >= 0, dropout < 1 else {
      return SetupError("must be from 0 up to (not including) 1 (got \(dropout))", field: "drop")
    }
    if case .norm(let norm) = gradientClip, !(norm.isFinite && norm > 0) {
      return SetupError("must be a number above 0, or off (got \(norm))", field: "clip")
    }
    if let inputFeatures {
      if inputFeatures.isEmpty { return SetupError("name at least one input feature", field: "features") }
      if Set(inputFeatures).count != inputFeatures.count { return SetupError("a feature is named twice", field: "features") }
    }
    if let epochs, !(1...1_000_000).contains(epochs) {
      return SetupError("must be from 1 to 1000000 (got \(epochs))", field: "epochs")
    }
    return nil
  }
}

extension Regularization {
  fileprivate var isL1: Bool {
    if case .l1 = self { return true }
    return false
  }
}
