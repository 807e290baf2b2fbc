/// How many training steps fit in one frame, learned from how long recent steps took.
///
/// Keeps each frame's training inside its time budget so keys are read at least once a frame,
/// whatever the network's size.
struct StepBudget {
  /// Seconds of training allowed per frame.
  let secondsPerFrame: Double
  /// Smoothed cost of one step, in seconds; starts pessimistic so the first frame is short.
  private(set) var secondsPerStep = 1e-3

  init(secondsPerFrame: Double) {
    self.secondsPerFrame = secondsPerFrame
  }

  var steps: Int { max(1, Int(secondsPerFrame / secondsPerStep)) }

  /// Folds in a measurement of `steps` steps that took `seconds`.
  mutating func record(steps: Int, seconds: Double) {
    guard steps > 0, seconds > 0 else { return }
    let measured = seconds / Double(steps)
    secondsPerStep = 0.5 * secondsPerStep + 0.5 * measured
  }
}
