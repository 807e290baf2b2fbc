import Foundation

/// The three training workloads of `shared/bench/WORKLOADS.md`, runnable and timed.
///
/// Each workload is followed exactly (SplitMix64 data, initialisation order, training order,
/// float64 arithmetic up to summation order); only the training itself is timed, repeated with
/// fresh initial parameters until at least `minimumSeconds` have been timed.
public enum BenchmarkWorkload: String, CaseIterable, Sendable {
  /// Linear regression on 1,000 houses, 2,000 epochs of full-batch gradient descent.
  case w1
  /// TF Playground's default 2-4-2-1 tanh network on 500 circle points, 200 epochs.
  case w2
  /// A 2-64-64-1 tanh network on 1,000 spiral points, 50 epochs of mini-batches of 32.
  case w3

  /// A short human-readable name.
  public var title: String {
    switch self {
    case .w1: "house"
    case .w2: "playground"
    case .w3: "wide"
    }
  }

  /// Runs the workload, timed, in float64, and reports the `WORKLOADS.md` line.
  public func run(minimumSeconds: Double = 1.0) -> BenchmarkResult {
    switch self {
    case .w1: HouseWorkload().run(minimumSeconds: minimumSeconds)
    case .w2: PlaygroundWorkload().run(minimumSeconds: minimumSeconds)
    case .w3: WideWorkload().run(minimumSeconds: minimumSeconds)
    }
  }

  /// Runs one whole training, untimed, and returns the final loss (float64).
  public func finalLoss() -> Double {
    switch self {
    case .w1: HouseWorkload().trainedLoss()
    case .w2: PlaygroundWorkload().trainedLoss()
    case .w3: WideWorkload().trainedLoss()
    }
  }

  /// Runs `workload` timed: `Benchmark.run(.w2)` reads like the API.
  public static func run(_ workload: BenchmarkWorkload, minimumSeconds: Double = 1.0)
    -> BenchmarkResult
  {
    workload.run(minimumSeconds: minimumSeconds)
  }
}

// MARK: - Timing

/// Repeats `train` on fresh state from `prepare` until `minimumSeconds` of training were timed.
///
/// Only `train` is inside the monotonic clock; `prepare` (initial parameters) is not.
/// Returns the last trained state, the timed seconds and the number of repetitions.
func timeRepeatedly<State>(
  minimumSeconds: Double, prepare: () -> State, train: (inout State) -> Void
) -> (state: State, seconds: Double, repetitions: Int) {
  let clock = ContinuousClock()
  var seconds = 0.0
  var repetitions = 0
  var state = prepare()
  repeat {
    state = prepare()
    let start = clock.now
    train(&state)
    let elapsed = start.duration(to: clock.now).components
    seconds += Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    repetitions += 1
  } while seconds < minimumSeconds
  return (state, seconds, repetitions)
}
