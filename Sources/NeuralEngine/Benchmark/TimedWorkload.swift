/// One workload of `WORKLOADS.md`: a fresh initial state, a timed training, a final loss.
///
/// The timing rule is shared: the whole training repeats from fresh initial parameters until at
/// least `minimumSeconds` have been timed, and only `train` runs inside the clock.
protocol TimedWorkload {
  associatedtype State
  static var workload: BenchmarkWorkload { get }
  static var epochs: Int { get }
  /// Training samples per epoch.
  static var samplesPerEpoch: Int { get }
  static func initialState() -> State
  func train(_ state: inout State)
  func loss(_ state: State) -> Double
  /// Extra `key=value` pairs for the report line.
  func extras(_ state: State, epochsPerSecond: Double) -> [(String, String)]
}

extension TimedWorkload {
  func extras(_ state: State, epochsPerSecond: Double) -> [(String, String)] { [] }

  /// Trains repeatedly for at least `minimumSeconds` and reports the `WORKLOADS.md` line.
  func run(minimumSeconds: Double) -> BenchmarkResult {
    let timing = BenchmarkTimer.repeatTraining(minimumSeconds: minimumSeconds, prepare: { Self.initialState() }) {
      train(&$0)
    }
    let epochsPerSecond = Double(Self.epochs * timing.repetitions) / timing.seconds
    return BenchmarkResult(
      workload: Self.workload, implementation: "descent",
      samplesPerSecond: epochsPerSecond * Double(Self.samplesPerEpoch), finalLoss: loss(timing.state),
      repetitions: timing.repetitions, seconds: timing.seconds,
      extras: extras(timing.state, epochsPerSecond: epochsPerSecond))
  }

  /// One untimed training from the initial state; returns the final loss.
  func trainedLoss() -> Double {
    var state = Self.initialState()
    train(&state)
    return loss(state)
  }
}
