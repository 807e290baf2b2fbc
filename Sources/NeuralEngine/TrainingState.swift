/// Where a training run stands.
public enum TrainingState: Equatable, Sendable {
  /// Still improving (or not yet judged).
  case running
  /// The epoch loss stopped improving; stepping further is allowed.
  case converged
  /// A loss or parameter became NaN, infinite or too large; the run is stopped.
  case diverged(reason: String)
}
