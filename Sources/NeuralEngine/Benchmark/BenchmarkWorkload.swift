/// The training workloads of `shared/bench/WORKLOADS.md`, each built through the same public
/// configuration and the same `TrainingSession` that `descent train` and the lessons use, with
/// the session's default recording and evaluation. This file holds only what the workloads
/// specify (data, model, seeds, optimizer) and the timing; the training is the engine's.
public enum BenchmarkWorkload: String, CaseIterable, Sendable {
  /// Linear regression on 1,000 houses, 2,000 epochs of full-batch gradient descent.
  case w1
  /// TF Playground's default 2-4-2-1 tanh network on 500 circle points, 200 epochs.
  case w2
  /// A 2-64-64-1 tanh network on 1,000 spiral points, 50 epochs of mini-batches of 32.
  case w3
  /// A small convolutional network on the 1,797 8×8 handwritten digits, 10 epochs.
  case w4
  /// An LSTM on 1,000 adding-problem sequences of 20 steps, 10 epochs of Adam.
  case w5

  /// A short human-readable name.
  public var title: String {
    switch self {
    case .w1: "house"
    case .w2: "playground"
    case .w3: "wide"
    case .w4: "digits (CNN)"
    case .w5: "adding (LSTM)"
    }
  }

  /// Passes over the training set per training.
  public var epochs: Int {
    switch self {
    case .w1: 2000
    case .w2: 200
    case .w3: 50
    case .w4: 10
    case .w5: 10
    }
  }

  /// The workload as a training configuration: data, model description, seeds, optimizer.
  public var configuration: TrainingConfiguration {
    switch self {
    case .w1:
      return TrainingConfiguration(
        dataset: WorkloadData.houses(), model: ModelDescription(layers: [.dense(units: 1, activation: nil)]),
        loss: .meanSquaredError, optimizer: .sgd, learningRate: 0.5, batchMode: .fullBatch, initialisation: .zeros,
        seed: 1)
    case .w2:
      return TrainingConfiguration(
        dataset: WorkloadData.playgroundCircle(), model: Self.tanhStack([4, 2, 1]), loss: .square, optimizer: .sgd,
        learningRate: 0.03, batchMode: .miniBatch(size: 10), initialisation: .uniform, initialBias: 0.1, seed: 1002,
        shufflesEachEpoch: false)
    case .w3:
      return TrainingConfiguration(
        dataset: WorkloadData.playgroundSpiral(), model: Self.tanhStack([64, 64, 1]), loss: .square, optimizer: .sgd,
        learningRate: 0.03, batchMode: .miniBatch(size: 32), initialisation: .xavier, seed: 1003, shuffleSeed: 3003)
    case .w4:
      return TrainingConfiguration(
        dataset: WorkloadData.digits(),
        model: ModelDescription(layers: [
          .convolution(filters: 8, kernel: 3, stride: 1, padding: 0, activation: .relu), .maxPool(size: 2, stride: 2),
          .dense(units: 10, activation: .softmax),
        ]),
        loss: .categoricalCrossEntropy, optimizer: .sgd, learningRate: 0.1, batchMode: .miniBatch(size: 32),
        initialisation: .xavier, seed: 4004, shuffleSeed: 5005)
    case .w5:
      return TrainingConfiguration(
        dataset: WorkloadData.adding(),
        model: ModelDescription(layers: [.lstm(units: 16, returnsSequences: false), .dense(units: 1, activation: nil)]),
        loss: .square, optimizer: .adam, learningRate: 0.01, batchMode: .miniBatch(size: 20), initialisation: .fanIn,
        seed: 7007, shuffleSeed: 8008, gradientClip: .off)
    }
  }

  /// Dense layers of `sizes` with tanh on every one, the output included (TF Playground).
  private static func tanhStack(_ sizes: [Int]) -> ModelDescription {
    ModelDescription(layers: sizes.map { .dense(units: $0, activation: .tanh) })
  }

  /// Runs the workload, timed, and reports the `WORKLOADS.md` line.
  public func run(minimumSeconds: Double = 1.0) throws(ModelError) -> BenchmarkResult {
    let configuration = self.configuration
    let epochs = self.epochs
    let timing: (state: TrainingSession, seconds: Double, repetitions: Int)
    do {
      timing = try BenchmarkTimer.repeatTraining(
        minimumSeconds: minimumSeconds, prepare: { try TrainingSession(configuration: configuration) },
        train: { session in for _ in 0..<epochs { session.runEpoch() } })
    } catch let error as ModelError {
      throw error
    } catch {
      throw ModelError(reason: "\(error)")
    }
    var session = timing.state
    session.evaluate()
    let samples = Double(epochs * configuration.dataset.trainInputs.count * timing.repetitions)
    var extras = [("epochs_per_s", BenchmarkResult.compact(Double(epochs * timing.repetitions) / timing.seconds))]
    if let accuracy = session.trainAccuracy { extras.append(("accuracy", String(format: "%.6f", accuracy))) }
    return BenchmarkResult(
      workload: self, implementation: "descent", samplesPerSecond: samples / timing.seconds,
      finalLoss: session.trainLoss, repetitions: timing.repetitions, seconds: timing.seconds, extras: extras)
  }

  /// Runs one whole training, untimed, and returns the final loss over the training set.
  public func finalLoss() throws(ModelError) -> Double {
    var session = try TrainingSession(configuration: configuration)
    for _ in 0..<epochs { session.runEpoch() }
    session.evaluate()
    return session.trainLoss
  }
}
