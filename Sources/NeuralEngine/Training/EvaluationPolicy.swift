/// When a session recomputes loss and accuracy on the whole training and test splits.
///
/// A full evaluation costs one forward pass per sample of both splits, which for a large dataset
/// and small batches would be far more work than training. Views that need fresh numbers ask
/// for them (`TrainingSession.refreshMetrics()`).
public enum EvaluationPolicy: Equatable, Hashable, Sendable {
  /// After every step.
  case everyStep
  /// After every `n`-th step.
  case everySteps(Int)
  /// Whenever evaluating would cost at most `automaticShare` of the training done since the last
  /// evaluation (a training sample counts as 1.5 forward passes, the least measured, and the
  /// linear model's fused step as one, or as half of one when it classifies: see
  /// `LinearModelPass`).
  case automatic
  /// Only when asked.
  case onRequest

  /// The most evaluation may cost under `automatic`, as a fraction of training time.
  public static let automaticShare = 0.1
}
