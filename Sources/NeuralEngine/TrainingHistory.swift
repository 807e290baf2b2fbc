/// What a training session has recorded so far, bounded in memory, for charts.
///
/// Per-step series are indexed by step number (the first step is 1); per-epoch series by epoch
/// number (the first epoch is 1). Only finite values are ever recorded.
public struct TrainingHistory: Equatable, Sendable {
  /// Mean loss (with regularization) of each step's batch, before its update.
  public var batchLoss = DownsampledSeries()
  /// Loss (with regularization) on the whole training split, at each evaluated step (and at
  /// step 0, before training).
  public var trainLoss = DownsampledSeries()
  /// Loss on the whole test split, at each evaluated step (and at step 0).
  public var testLoss = DownsampledSeries()
  /// Training-split loss at the end of each epoch.
  public var epochTrainLoss = DownsampledSeries()
  /// Test-split loss at the end of each epoch.
  public var epochTestLoss = DownsampledSeries()
  /// Training-split accuracy (0…1) at the end of each epoch; classification only.
  public var epochTrainAccuracy = DownsampledSeries()
  /// Test-split accuracy (0…1) at the end of each epoch; classification only.
  public var epochTestAccuracy = DownsampledSeries()
  /// Learning rates in force, with the step after which each took effect (0 = from the start);
  /// the most recent 1024 changes.
  public var learningRateChanges: [SeriesPoint] = []

  public init() {}
}
