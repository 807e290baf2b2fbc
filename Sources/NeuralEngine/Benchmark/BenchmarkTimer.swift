import Foundation

/// Times whole trainings with a monotonic clock, as `WORKLOADS.md` prescribes.
enum BenchmarkTimer {
  /// Repeats `train` on fresh state from `prepare` until `minimumSeconds` of training were timed.
  ///
  /// Only `train` runs inside the clock (`ContinuousClock`, monotonic); `prepare` (initial
  /// parameters) does not. Returns the last trained state, the timed seconds and the number of
  /// repetitions.
  static func repeatTraining<State>(
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
}
