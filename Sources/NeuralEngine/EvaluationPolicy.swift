/// When a session recomputes loss and accuracy on the whole training and test splits.
///
/// A full evaluation costs one forward pass per sample of both splits, which for a large dataset
/// and small batches is far more work than the step itself. Evaluation always happens at the end
/// of every epoch.
public enum EvaluationPolicy: Equatable, Hashable, Sendable {
  /// After every step.
  case everyStep
  /// After every `n`-th step.
  case everySteps(Int)
  /// After every step when both splits together have at most `smallDatasetLimit` samples;
  /// otherwise once at least 1/16 of that many samples have been trained on since the last
  /// evaluation (so evaluating costs about 16 times the training it follows, at most).
  case automatic

  /// Datasets up to this many samples (train + test) are evaluated after every step by
  /// `automatic`.
  public static let smallDatasetLimit = 512
}
