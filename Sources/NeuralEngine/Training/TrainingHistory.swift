/// What a training session has recorded so far, bounded in memory, for charts.
///
/// Per-step series are indexed by step number (the first step is 1; evaluated series start at
/// step 0, before training); per-epoch series by epoch number (the first epoch is 1). Only
/// finite values are ever recorded.
public struct TrainingHistory: Equatable, Sendable {
  /// Mean loss (with regularization) of each step's batch, before its update.
  public var batchLoss = DownsampledSeries()
  /// Loss (with regularization) on the whole training split, at each evaluation.
  public var trainLoss = DownsampledSeries()
  /// Loss on the whole test split, at each evaluation.
  public var testLoss = DownsampledSeries()
  /// Training-split accuracy (0…1) at each evaluation; classification only.
  public var trainAccuracy = DownsampledSeries()
  /// Test-split accuracy (0…1) at each evaluation; classification only.
  public var testAccuracy = DownsampledSeries()
  /// Mean batch loss of each epoch.
  public var epochLoss = DownsampledSeries()
  /// Learning rates in force, with the step after which each took effect (0 = from the start);
  /// the most recent 1024 changes.
  public var learningRateChanges: [SeriesPoint] = []

  public init() {}
}
