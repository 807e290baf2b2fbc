import Foundation

/// A live training run that advances one batch (or one epoch) at a time and records what views
/// draw: losses, accuracy, parameter histories, last updates, gradient norms and a state.
///
/// Hyperparameters (`learningRate`, `batchMode`, `optimizerKind`, `regularization`,
/// `dropoutRate`) may change between any two steps; the next step uses them and nothing else is
/// reset (changing the optimizer clears only its moments).
///
/// Convergence: at the end of every epoch, the run is `converged` when the training loss is
/// below `convergedLoss`, or when the best epoch loss of the last `convergenceWindow` epochs
/// improves on the best loss before them by less than `convergenceTolerance` (relative).
/// Stepping a converged session is allowed and re-judges it at each epoch end.
///
/// Divergence: a step whose batch loss or evaluated training loss is NaN, infinite or above
/// `divergenceBound`, or whose update makes a parameter non-finite, stops the run with a reason.
/// The network keeps its last finite parameters, and nothing non-finite enters a history.
public struct TrainingSession: Sendable {
  /// The configuration the session started from (its hyperparameters may have changed since).
  public let configuration: TrainingConfiguration
  /// The model being trained.
  public private(set) var network: Network
  /// The loss being minimised.
  public let lossFunction: LossFunction
  public private(set) var state: TrainingState = .running
  /// Steps taken (the first step is 1).
  public private(set) var stepCount = 0
  /// Completed epochs.
  public private(set) var epochCount = 0
  /// Training samples of the current epoch already used.
  public private(set) var positionInEpoch = 0
  /// Loss on the whole training split, with the regularization penalty, at the last evaluation.
  public private(set) var trainLoss: Double = 0
  /// Data loss on the whole test split at the last evaluation (no penalty); `nil` without test
  /// samples.
  public private(set) var testLoss: Double?
  /// Fraction of the training split classified correctly; `nil` for regression.
  public private(set) var trainAccuracy: Double?
  /// Fraction of the test split classified correctly; `nil` for regression or no test samples.
  public private(set) var testAccuracy: Double?
  /// The regularization penalty at the last evaluation (already inside `trainLoss`).
  public private(set) var regularizationPenalty: Double = 0
  /// The step at which the splits were last evaluated (0 = initial parameters).
  public private(set) var lastEvaluationStep = 0
  /// Everything recorded so far, bounded.
  public private(set) var history = TrainingHistory()
  /// Norm of each layer's gradient in the last step (zeros before the first step).
  public private(set) var gradientNorms: [Double]
  /// When to evaluate the whole splits.
  public var evaluationPolicy: EvaluationPolicy = .automatic
  /// How many times its starting loss (and at least 1e6) a loss may grow before the run counts
  /// as diverged: relative, so data in large units (prices in dollars) is not stopped at once.
  public var divergenceFactor: Double = 1e6
  /// The training loss before the first step.
  public private(set) var initialLoss: Double = 0
  /// Loss beyond which the run counts as diverged.
  public var divergenceBound: Double { divergenceFactor * Swift.max(1, initialLoss.isFinite ? initialLoss : 1) }
  /// Minimum relative improvement over `convergenceWindow` epochs.
  public var convergenceTolerance: Double = 1e-4
  /// Epochs over which improvement is judged.
  public var convergenceWindow: Int = 20
  /// A training loss below this counts as converged at once.
  public var convergedLoss: Double = 1e-12
  /// Values kept per parameter in `parameterHistory(_:)`: 256, fewer for large networks so the
  /// history never holds more than about a million numbers (8 MB), but always at least 8.
  public let parameterHistoryCapacity: Int

  private var optimizer: Optimizer
  private var generator: SplitMix64
  private var order: [Int]
  private let trainInputs: Samples
  private let trainTargets: Samples
  private let testInputs: Samples
  private let testTargets: Samples
  private let classCount: Int?
  private var trace: ForwardTrace
  private var sampleGradients: Gradients
  private var updates: ParameterUpdates
  private var lastUpdates: [Double]
  private var parameterRing: [Double]
  private var ringNext = 0
  private var ringCount = 0
  private var samplesSinceEvaluation = 0
  private var recentEpochLosses: [Double] = []
  private var bestLossBeforeWindow = Double.infinity

  // MARK: - Starting

  /// Builds the network from `configuration` (drawing weights from the session's generator
  /// seeded with `configuration.seed`) and evaluates the initial losses.
  public init(configuration: TrainingConfiguration) {
    self.configuration = configuration
    let dataset = configuration.dataset
    precondition(dataset.trainInputs.count > 0, "training needs at least one sample")
    lossFunction = configuration.resolvedLoss
    var generator = SplitMix64(seed: configuration.seed)
    let outputCount = configuration.outputCount
    network = configuration.initialNetwork(using: &generator)

    self.generator = generator
    optimizer = Optimizer(kind: configuration.optimizer, learningRate: configuration.learningRate)
    batchMode = configuration.batchMode
    regularization = configuration.regularization
    dropoutRate = configuration.dropoutRate
    trainInputs = dataset.trainInputs
    testInputs = dataset.testInputs
    if case .classification(let count) = dataset.task {
      classCount = count
      trainTargets = TrainingSession.encode(dataset.trainTargets, outputCount: outputCount)
      testTargets = TrainingSession.encode(dataset.testTargets, outputCount: outputCount)
    } else {
      classCount = nil
      trainTargets = dataset.trainTargets
      testTargets = dataset.testTargets
    }
    order = Array(0..<dataset.trainInputs.count)
    trace = ForwardTrace(shapeOf: network)
    sampleGradients = Gradients(zeroFor: network)
    updates = ParameterUpdates(zeroFor: network)
    gradientNorms = [Double](repeating: 0, count: network.layers.count)
    lastUpdates = [Double](repeating: 0, count: network.parameterCount)
    parameterHistoryCapacity = Swift.max(8, Swift.min(256, 1_000_000 / Swift.max(1, network.parameterCount)))
    parameterRing = [Double](repeating: 0, count: network.parameterCount * parameterHistoryCapacity)
    history.learningRateChanges = [SeriesPoint(step: 0, value: configuration.learningRate)]
    recordParameters()
    evaluate()
    initialLoss = trainLoss
    history.trainLoss.append(trainLoss, step: 0)
    if let testLoss { history.testLoss.append(testLoss, step: 0) }
  }

  // MARK: - Hyperparameters that may change between steps

  public var learningRate: Double {
    get { optimizer.learningRate }
    set {
      guard newValue != optimizer.learningRate else { return }
      optimizer.learningRate = newValue
      history.learningRateChanges.append(SeriesPoint(step: stepCount, value: newValue))
      if history.learningRateChanges.count > 1024 { history.learningRateChanges.removeFirst() }
    }
  }

  /// Applies from the next batch; the epoch's order and position are kept.
  public var batchMode: BatchMode

  /// Setting a different kind clears the optimizer's moments, nothing else.
  public var optimizerKind: OptimizerKind {
    get { optimizer.kind }
    set { optimizer.kind = newValue }
  }

  public var regularization: Regularization

  /// Fraction of hidden nodes dropped per training sample; evaluation never drops.
  public var dropoutRate: Double

  // MARK: - Reading

  /// The dataset's feature names.
  public var featureNames: [String] { configuration.dataset.featureNames }
  /// The dataset's target names (for classification, the class column).
  public var outputNames: [String] { configuration.dataset.targetNames }
  /// Training samples per epoch.
  public var trainCount: Int { trainInputs.count }
  /// Fraction of the current epoch done, 0 ..< 1.
  public var epochProgress: Double { Double(positionInEpoch) / Double(trainInputs.count) }

  /// Samples per step in the current batch mode.
  public var batchSize: Int {
    switch batchMode {
    case .fullBatch: return trainInputs.count
    case .miniBatch(let size): return Swift.max(1, Swift.min(size, trainInputs.count))
    case .stochastic: return 1
    }
  }

  /// Steps one full epoch takes in the current batch mode: `⌈n / batchSize⌉`.
  public var stepsPerEpoch: Int { (trainInputs.count + batchSize - 1) / batchSize }

  /// The parameter's most recent values (at most `parameterHistoryCapacity`), oldest first; the
  /// first entry before any step is the initial value.
  public func parameterHistory(_ parameter: ParameterID) -> [Double] {
    let index = network.flatIndex(of: parameter)
    let count = network.parameterCount
    let oldest = (ringNext - ringCount + parameterHistoryCapacity) % parameterHistoryCapacity
    return (0..<ringCount).map { offset in
      parameterRing[((oldest + offset) % parameterHistoryCapacity) * count + index]
    }
  }

  /// How much the last step changed the parameter (0 before the first step).
  public func lastUpdate(_ parameter: ParameterID) -> Double {
    lastUpdates[network.flatIndex(of: parameter)]
  }

  /// The loss surface of the training split over two parameters, the rest fixed at their
  /// current values, with the current regularization (see `LossSurface.sample`).
  public func lossSurface(
    parameters: (ParameterID, ParameterID), ranges: (ClosedRange<Double>, ClosedRange<Double>),
    columns: Int, rows: Int
  ) -> LossGrid {
    LossSurface.sample(
      network: network, inputs: trainInputs, targets: trainTargets, loss: lossFunction,
      parameters: parameters, ranges: ranges, columns: columns, rows: rows,
      regularization: regularization)
  }

  // MARK: - Training

  /// Trains on one batch: forward, loss, backward, update; then records and judges the step.
  /// A diverged session does nothing and reports its state.
  @discardableResult
  public mutating func step() -> StepReport {
    let sampleCount = trainInputs.count
    if case .diverged = state {
      return report(indices: [], batchLoss: trainLoss, endedEpoch: false, evaluated: false)
    }
    if positionInEpoch == 0, batchMode != .fullBatch { generator.shuffle(&order) }
    let size = Swift.min(batchSize, sampleCount - positionInEpoch)
    let indices = Array(order[positionInEpoch..<(positionInEpoch + size)])

    sampleGradients.zeroParameterGradients()
    var lossSum = 0.0
    for index in indices {
      network.forward(trainInputs[index], into: &trace, dropoutRate: dropoutRate, using: &generator)
      lossSum += network.backward(
        trace, target: trainTargets[index], loss: lossFunction, into: &sampleGradients,
        accumulate: true)
    }
    sampleGradients.scale(by: 1 / Double(size))
    regularization.addGradient(of: network, to: &sampleGradients)
    let batchLoss = lossSum / Double(size) + regularization.penalty(of: network)
    stepCount += 1

    if let reason = divergenceReason(loss: batchLoss, what: "loss") {
      stop(reason: reason)
      return report(indices: indices, batchLoss: batchLoss, endedEpoch: false, evaluated: false)
    }
    let previousNetwork = network
    optimizer.apply(sampleGradients, to: &network, updates: &updates)
    if !network.isFinite {
      network = previousNetwork
      stop(reason: "parameters became non-finite at step \(stepCount)")
      return report(indices: indices, batchLoss: batchLoss, endedEpoch: false, evaluated: false)
    }

    positionInEpoch += size
    samplesSinceEvaluation += size
    let endedEpoch = positionInEpoch == sampleCount
    if endedEpoch {
      positionInEpoch = 0
      epochCount += 1
    }
    for layer in network.layers.indices { gradientNorms[layer] = sampleGradients.norm(layer: layer) }
    history.batchLoss.append(batchLoss, step: stepCount)

    let evaluated = endedEpoch || evaluationIsDue()
    if evaluated {
      evaluate()
      let reason =
        divergenceReason(loss: trainLoss, what: "training loss")
        ?? testLoss.flatMap { divergenceReason(loss: $0, what: "test loss") }
      if let reason {
        network = previousNetwork
        evaluate()
        stop(reason: reason)
        return report(indices: indices, batchLoss: batchLoss, endedEpoch: endedEpoch, evaluated: true)
      }
      history.trainLoss.append(trainLoss, step: stepCount)
      if let testLoss { history.testLoss.append(testLoss, step: stepCount) }
    }
    recordUpdates()
    recordParameters()
    if endedEpoch { finishEpoch() }
    return report(indices: indices, batchLoss: batchLoss, endedEpoch: endedEpoch, evaluated: evaluated)
  }

  /// Takes `count` steps, stopping early if the run diverges.
  public mutating func step(count: Int) {
    for _ in 0..<count {
      if case .diverged = state { return }
      step()
    }
  }

  /// Steps until the current epoch ends (a whole epoch when at its start), or the run diverges.
  public mutating func runEpoch() {
    let epoch = epochCount
    while epochCount == epoch {
      if case .diverged = state { return }
      step()
    }
  }

  // MARK: - Evaluation

  /// Recomputes loss and accuracy on both splits with the current parameters, without dropout.
  public mutating func evaluate() {
    let penalty = regularization.penalty(of: network)
    regularizationPenalty = penalty
    let train = measure(inputs: trainInputs, targets: trainTargets)
    trainLoss = train.loss + penalty
    trainAccuracy = train.accuracy
    if testInputs.count > 0 {
      let test = measure(inputs: testInputs, targets: testTargets)
      testLoss = test.loss
      testAccuracy = test.accuracy
    } else {
      testLoss = nil
      testAccuracy = nil
    }
    lastEvaluationStep = stepCount
    samplesSinceEvaluation = 0
  }

  /// Mean data loss and (for classification) accuracy over one split.
  private mutating func measure(inputs: Samples, targets: Samples) -> (loss: Double, accuracy: Double?) {
    var total = 0.0
    var correct = 0
    var unusedGenerator = SplitMix64(seed: 0)
    for row in 0..<inputs.count {
      network.forward(inputs[row], into: &trace, dropoutRate: 0, using: &unusedGenerator)
      total += network.loss(trace, target: targets[row], loss: lossFunction)
      if classCount != nil, predictedClass(trace.output) == trueClass(targets[row]) { correct += 1 }
    }
    let count = Double(inputs.count)
    return (total / count, classCount == nil ? nil : Double(correct) / count)
  }

  private func predictedClass(_ output: [Double]) -> Int {
    if output.count == 1 { return output[0] >= 0.5 ? 1 : 0 }
    var best = 0
    for index in output.indices where output[index] > output[best] { best = index }
    return best
  }

  private func trueClass(_ target: ArraySlice<Double>) -> Int {
    if target.count == 1 { return Int(target[target.startIndex]) }
    var best = target.startIndex
    for index in target.indices where target[index] > target[best] { best = index }
    return best - target.startIndex
  }

  private func evaluationIsDue() -> Bool {
    let total = trainInputs.count + testInputs.count
    switch evaluationPolicy {
    case .everyStep:
      return true
    case .everySteps(let interval):
      return stepCount % Swift.max(1, interval) == 0
    case .automatic:
      return total <= EvaluationPolicy.smallDatasetLimit || samplesSinceEvaluation * 16 >= total
    }
  }

  // MARK: - Recording and judging

  private func divergenceReason(loss: Double, what: String) -> String? {
    if loss.isNaN { return "\(what) became NaN at step \(stepCount)" }
    if loss.isInfinite { return "\(what) became infinite at step \(stepCount)" }
    if loss > divergenceBound {
      return "\(what) \(TrainingSession.format(loss)) exceeded the bound \(TrainingSession.format(divergenceBound)) at step \(stepCount)"
    }
    return nil
  }

  /// Marks the run diverged and clears the step's gradients and updates, which may hold
  /// non-finite numbers a view must not draw.
  private mutating func stop(reason: String) {
    state = .diverged(reason: reason)
    sampleGradients = Gradients(zeroFor: network)
    updates = ParameterUpdates(zeroFor: network)
  }

  private mutating func finishEpoch() {
    history.epochTrainLoss.append(trainLoss, step: epochCount)
    if let testLoss { history.epochTestLoss.append(testLoss, step: epochCount) }
    if let trainAccuracy { history.epochTrainAccuracy.append(trainAccuracy, step: epochCount) }
    if let testAccuracy { history.epochTestAccuracy.append(testAccuracy, step: epochCount) }

    recentEpochLosses.append(trainLoss)
    if recentEpochLosses.count > convergenceWindow {
      bestLossBeforeWindow = Swift.min(bestLossBeforeWindow, recentEpochLosses.removeFirst())
    }
    if trainLoss < convergedLoss {
      state = .converged
    } else if bestLossBeforeWindow.isFinite, let bestInWindow = recentEpochLosses.min() {
      let improvement = (bestLossBeforeWindow - bestInWindow) / Swift.max(bestLossBeforeWindow, 1e-300)
      state = improvement < convergenceTolerance ? .converged : .running
    }
  }

  private mutating func recordUpdates() {
    var offset = 0
    for layer in updates.weightUpdates.indices {
      for value in updates.weightUpdates[layer] {
        lastUpdates[offset] = value
        offset += 1
      }
      for value in updates.biasUpdates[layer] {
        lastUpdates[offset] = value
        offset += 1
      }
    }
  }

  private mutating func recordParameters() {
    var offset = ringNext * network.parameterCount
    for layer in network.layers {
      for value in layer.weights {
        parameterRing[offset] = value
        offset += 1
      }
      for value in layer.biases {
        parameterRing[offset] = value
        offset += 1
      }
    }
    ringNext = (ringNext + 1) % parameterHistoryCapacity
    ringCount = Swift.min(ringCount + 1, parameterHistoryCapacity)
  }

  private func report(indices: [Int], batchLoss: Double, endedEpoch: Bool, evaluated: Bool)
    -> StepReport
  {
    StepReport(
      step: stepCount, epoch: epochCount, sampleIndices: indices, batchLoss: batchLoss,
      gradients: sampleGradients, updates: updates, gradientNorms: gradientNorms,
      endedEpoch: endedEpoch, evaluated: evaluated, state: state)
  }

  /// Class indices as the network's targets: unchanged for one output, one-hot for several.
  private static func encode(_ classes: Samples, outputCount: Int) -> Samples {
    guard outputCount > 1 else { return classes }
    var encoded = Samples(width: outputCount)
    for row in 0..<classes.count {
      var oneHot = [Double](repeating: 0, count: outputCount)
      let index = Int(classes[row][classes[row].startIndex])
      if oneHot.indices.contains(index) { oneHot[index] = 1 }
      encoded.append(oneHot)
    }
    return encoded
  }

  /// Short text for reasons: `3.2e9`, `1e6`, `0.5`.
  static func format(_ value: Double) -> String {
    let text = String(format: "%.3g", value)
    guard let exponentStart = text.firstIndex(of: "e") else { return text }
    let mantissa = text[..<exponentStart]
    var exponent = text[text.index(after: exponentStart)...]
    let negative = exponent.hasPrefix("-")
    exponent = exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" }
    return "\(mantissa)e\(negative ? "-" : "")\(exponent.isEmpty ? "0" : String(exponent))"
  }
}
