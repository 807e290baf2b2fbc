/// What one training step did, for a view or a lesson to show.
public struct StepReport: Equatable, Sendable {
  /// The step's number (the first step is 1).
  public var step: Int
  /// Completed epochs after this step.
  public var epoch: Int
  /// Training-split row indices in this batch, in the order used.
  public var sampleIndices: [Int]
  /// Mean loss of the batch (with regularization), before the update.
  public var batchLoss: Double
  /// The mean gradient (with regularization) that was applied.
  public var gradients: Gradients
  /// How every parameter changed.
  public var updates: ParameterUpdates
  /// Norm of each layer's weight and bias gradient.
  public var gradientNorms: [Double]
  /// Whether this step finished an epoch.
  public var endedEpoch: Bool
  /// Whether the whole splits were evaluated after this step.
  public var evaluated: Bool
  /// The session's state after this step.
  public var state: TrainingState
}
