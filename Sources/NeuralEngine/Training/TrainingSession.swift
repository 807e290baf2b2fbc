/// A live training run that advances one batch at a time and keeps what views draw.
///
/// The concerns live apart: `BatchSchedule` picks each batch, `TrainingSession+Stepping` trains
/// on it, `TrainingSession+Evaluation` measures the splits (amortised: see `EvaluationPolicy`),
/// `RunMonitor` judges the run and `TrainingRecorder` keeps the bounded histories.
///
/// Hyperparameters (`learningRate`, `batchMode`, `optimizerKind`, `regularization`,
/// `dropoutRate`, `gradientClipNorm`) may change between any two steps; the next step uses them
/// and nothing else is reset (changing the optimizer clears only its moments).
///
/// Every buffer a step touches is allocated when the session starts (or when the batch size
/// grows), so a step allocates nothing.
public struct TrainingSession: Sendable {
  /// The configuration the session started from (its hyperparameters may have changed since).
  public let configuration: TrainingConfiguration
  /// The model being trained.
  public internal(set) var network: Network
  /// The loss being minimised.
  public let lossFunction: LossFunction
  /// Loss and accuracy on both splits at the last evaluation.
  public internal(set) var metrics = Metrics()
  /// Histories, last updates and gradient norms.
  public internal(set) var recorder: TrainingRecorder
  /// Running, converged or diverged, and why.
  public internal(set) var monitor = RunMonitor()
  /// When to evaluate the whole splits.
  public var evaluationPolicy: EvaluationPolicy = .automatic
  /// The parameters before the first step, in buffer order.
  public let initialParameters: [Double]

  var optimizer: Optimizer
  let data: TrainingData
  var schedule: BatchSchedule
  var generator: SplitMix64
  var workspace: Workspace
  var gradients: [Double]
  /// Targets of a gathered batch (when the epoch order is shuffled).
  var targetBuffer: [Double]
  var ranges: [Optimizer.Range]
  /// The layer whose output gradient the loss writes (see `Network.lossGradientLayer`).
  let lossLayer: Int
  /// Whether a step takes `LinearModelPass` (one neuron, no activation, squared error) instead
  /// of the layer-by-layer passes.
  let takesLinearModelPass: Bool
  /// Training work since the last evaluation, in forward passes of one sample.
  var workSinceEvaluation = 0.0
  var epochLossSum = 0.0
  var epochLossCount = 0

  /// Loss and accuracy of both splits at one evaluation.
  public struct Metrics: Equatable, Sendable {
    /// Loss on the whole training split, with the regularization penalty.
    public var trainLoss: Double = 0
    /// Data loss on the whole test split; nil without test samples.
    public var testLoss: Double?
    /// Fraction of the training split classified correctly; nil for regression.
    public var trainAccuracy: Double?
    /// Fraction of the test split classified correctly; nil for regression or no test samples.
    public var testAccuracy: Double?
    /// The regularization penalty (already inside `trainLoss`).
    public var regularizationPenalty: Double = 0
    /// The step after which the splits were evaluated (0 = the starting parameters).
    public var step = 0
  }

  // MARK: - Starting

  /// Builds the network from `configuration` (drawing weights from the session's generator
  /// seeded with `configuration.seed`) and evaluates the starting losses.
  public init(configuration: TrainingConfiguration) throws(ModelError) {
    self.configuration = configuration
    let dataset = configuration.trainingDataset
    guard dataset.trainInputs.count > 0 else { throw ModelError(reason: "training needs at least one sample") }
    var generator = SplitMix64(seed: configuration.seed)
    network = try configuration.initialNetwork(using: &generator)
    initialParameters = network.parameters
    self.generator = generator
    lossFunction = configuration.resolvedLoss
    lossLayer = network.lossGradientLayer(for: lossFunction)
    takesLinearModelPass = Self.isLinearModel(network, loss: lossFunction)
    data = TrainingData(
      dataset: dataset, outputCount: network.outputCount, keepsColumns: network.readsInputsByFeature)
    schedule = BatchSchedule(
      sampleCount: dataset.trainInputs.count, shufflesEachEpoch: configuration.shufflesEachEpoch,
      shuffleSeed: configuration.shuffleSeed)
    optimizer = Optimizer(kind: configuration.optimizer, learningRate: configuration.learningRate)
    optimizer.clipNorm = configuration.resolvedClipNorm
    batchMode = configuration.batchMode
    regularization = configuration.regularization
    recorder = TrainingRecorder(network: network, learningRate: configuration.learningRate)
    gradients = [Double](repeating: 0, count: network.parameterCount)
    ranges = Self.optimizerRanges(of: network, frozenItems: configuration.frozenItems)
    workspace = Workspace(network: network, capacity: 1)
    targetBuffer = []
    prepareWorkspace()
    network.parameters.withBase { recorder.recordParameters($0) }
    evaluate()
    monitor.start(initialLoss: metrics.trainLoss)
  }

  /// Whether `network` is one dense neuron without activation reading at most
  /// `LinearModelPass.maximumFeatures` features by feature, trained on squared error.
  static func isLinearModel(_ network: Network, loss: LossFunction) -> Bool {
    guard network.layers.count == 1, network.readsInputsByFeature, case .dense(let dense) = network.layers[0].kind
    else { return false }
    return dense.outputCount == 1 && dense.inputCount <= LinearModelPass.maximumFeatures
      && network.parameterCount == dense.inputCount + 1
      && (loss == .meanSquaredError || loss == .square)
  }

  /// The optimizer's view of the parameter blocks: weights are regularised, frozen items' blocks
  /// never move.
  static func optimizerRanges(of network: Network, frozenItems: Set<Int>) -> [Optimizer.Range] {
    network.blocks.map { block in
      Optimizer.Range(
        start: block.offset, count: block.count, regularized: block.role == .weight,
        frozen: frozenItems.contains(network.descriptionItems[block.layer]))
    }
  }

  /// Sizes the workspace for the current batch size (and for evaluation chunks), within the
  /// workspace limit; larger batches are processed in chunks.
  mutating func prepareWorkspace() {
    let limit = Workspace.capacityLimit(for: network)
    let wanted = Swift.min(Swift.max(batchSize, Self.evaluationChunk), data.trainInputs.count + data.testInputs.count)
    let capacity = Swift.max(1, Swift.min(wanted, limit))
    if workspace.plan.capacity < capacity || workspace.plan.capacity > limit {
      workspace = Workspace(network: network, capacity: capacity)
      targetBuffer = [Double](repeating: 0, count: capacity * network.outputCount)
    }
  }

  /// Samples evaluated per pass.
  static let evaluationChunk = 256

  // MARK: - Hyperparameters that may change between steps

  public var learningRate: Double {
    get { optimizer.learningRate }
    set {
      guard newValue != optimizer.learningRate else { return }
      optimizer.learningRate = newValue
      recorder.recordLearningRate(newValue, step: stepCount)
    }
  }

  /// Applies from the next batch; the epoch's order and position are kept.
  public var batchMode: BatchMode {
    didSet { if workspace.plan.capacity < batchSize { prepareWorkspace() } }
  }

  /// Setting a different kind clears the optimizer's moments, nothing else.
  public var optimizerKind: OptimizerKind {
    get { optimizer.kind }
    set { optimizer.kind = newValue }
  }

  public var regularization: Regularization

  /// The longest gradient a step may use; nil means no clipping.
  public var gradientClipNorm: Double? {
    get { optimizer.clipNorm }
    set { optimizer.clipNorm = newValue }
  }

  /// Fraction of inputs every dropout layer drops while training.
  public var dropoutRate: Double {
    get {
      for layer in network.layers { if case .dropout(let dropout) = layer.kind { return dropout.rate } }
      return 0
    }
    set { network.setDropoutRate(Swift.min(Swift.max(newValue, 0), 0.95)) }
  }

  // MARK: - Reading

  public var state: TrainingState { monitor.state }
  /// Steps taken (the first step is 1).
  public var stepCount: Int { schedule.stepCount }
  /// Completed epochs.
  public var epochCount: Int { schedule.epochCount }
  /// Training samples of the current epoch already used.
  public var positionInEpoch: Int { schedule.position }
  /// Training-row indices of the last step's batch, in the order used (empty before a step).
  public var lastBatchIndices: [Int] { schedule.lastBatchIndices }
  /// Loss on the whole training split (with the penalty) at the last evaluation.
  public var trainLoss: Double { metrics.trainLoss }
  public var testLoss: Double? { metrics.testLoss }
  public var trainAccuracy: Double? { metrics.trainAccuracy }
  public var testAccuracy: Double? { metrics.testAccuracy }
  /// The step at which the splits were last evaluated.
  public var lastEvaluationStep: Int { metrics.step }
  public var history: TrainingHistory { recorder.history }
  /// Norm of each layer's gradient (its weights and biases together) in the last step, zeros
  /// before the first step: computed when asked, so steps do not pay for it.
  public var gradientNorms: [Double] {
    var norms = [Double](repeating: 0, count: network.layers.count)
    for block in network.blocks {
      for position in block.range { norms[block.layer] += gradients[position] * gradients[position] }
    }
    return norms.map { $0.squareRoot() }
  }
  /// The training loss before the first step.
  public var initialLoss: Double { monitor.initialLoss }
  /// Loss beyond which the run counts as diverged.
  public var divergenceBound: Double { monitor.divergenceBound }
  /// The names of the network's inputs: the dataset's features, or the engineered ones.
  public var featureNames: [String] { configuration.inputNames }
  /// The training split's inputs as the network reads them (engineered features included).
  public var trainingInputs: Samples { data.trainInputs }
  /// The dataset's target names (for classification, the class column).
  public var outputNames: [String] { configuration.dataset.targetNames }
  /// Training samples per epoch.
  public var trainCount: Int { data.trainInputs.count }
  /// Fraction of the current epoch done, 0 ..< 1.
  public var epochProgress: Double { Double(positionInEpoch) / Double(trainCount) }

  /// Samples per step in the current batch mode.
  public var batchSize: Int {
    switch batchMode {
    case .fullBatch: return trainCount
    case .miniBatch(let size): return Swift.max(1, Swift.min(size, trainCount))
    case .stochastic: return 1
    }
  }

  /// Steps one full epoch takes in the current batch mode: `⌈n / batchSize⌉`.
  public var stepsPerEpoch: Int { (trainCount + batchSize - 1) / batchSize }

  /// The parameter's most recent values, oldest first; the first entry before any step is the
  /// starting value. Empty when the network has no such parameter.
  public func parameterHistory(_ parameter: ParameterID) -> [Double] {
    guard let position = network.position(of: parameter) else { return [] }
    return recorder.parameterHistory(at: position)
  }

  /// How much the last step changed the parameter (0 before the first step or when unknown).
  public func lastUpdate(_ parameter: ParameterID) -> Double {
    guard let position = network.position(of: parameter) else { return 0 }
    return recorder.lastUpdate(at: position)
  }

  /// The gradient of the last step for the parameter (0 when unknown).
  public func gradient(_ parameter: ParameterID) -> Double {
    guard let position = network.position(of: parameter) else { return 0 }
    return gradients[position]
  }

  /// The loss surface of the training split over two parameters, the rest fixed at their
  /// current values, with the current regularization (see `LossSurface.sample`).
  public func lossSurface(
    parameters: (ParameterID, ParameterID), ranges: (ClosedRange<Double>, ClosedRange<Double>),
    columns: Int, rows: Int
  ) -> LossGrid {
    LossSurface.sample(
      network: network, inputs: data.trainInputs, targets: data.trainTargets, loss: lossFunction,
      parameters: parameters, ranges: ranges, columns: columns, rows: rows,
      regularization: regularization)
  }

  /// Gradient norms per time step of the last step's backward pass through recurrent layer
  /// `layer` (empty for other layers): how much of the loss's signal reaches each step.
  public func timeStepGradientNorms(layer: Int) -> [Double] {
    guard network.layers.indices.contains(layer),
      let index = network.layers[layer].traceSlots.firstIndex(where: { $0.name == TraceSlot.timeStepGradientNorms })
    else { return [] }
    let slot = network.layers[layer].traceSlots[index]
    let start = withUnsafeBytes(of: workspace.plan.layers[layer].slots) { $0.bindMemory(to: Int.self)[index] }
    return Array(workspace.storage[start..<(start + slot.shape.count)])
  }
}

extension TraceSlot {
  /// The name recurrent layers give the per-step gradient norms they record while back-propagating.
  public static let timeStepGradientNorms = "time-step gradient norms"
}
