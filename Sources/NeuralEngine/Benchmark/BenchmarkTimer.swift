/// Times whole trainings with a monotonic clock, as `WORKLOADS.md` prescribes.
enum BenchmarkTimer {
  /// Repeats `train` on fresh state from `prepare` until `minimumSeconds` of training were timed.
  ///
  /// Only `train` runs inside the clock (`ContinuousClock`, monotonic); `prepare` (building the
  /// session: data, initial parameters, the starting evaluation) does not. Returns the last
  /// trained state, the timed seconds and the number of repetitions.
  static func repeatTraining<State>(
    minimumSeconds: Double, prepare: () throws -> State, train: (inout State) -> Void
  ) rethrows -> (state: State, seconds: Double, repetitions: Int) {
    let clock = ContinuousClock()
    var seconds = 0.0
    var repetitions = 0
    var state = try prepare()
    repeat {
      state = try prepare()
      let start = clock.now
      train(&state)
      seconds += start.duration(to: clock.now).inSeconds
      repetitions += 1
    } while seconds < minimumSeconds
    return (state, seconds, repetitions)
  }
}
