/// What the model is asked to predict.
public enum LearningTask: Equatable, Sendable {
  /// Real-valued targets, one column per output.
  case regression
  /// One target column holding a class index `0 ..< classCount`.
  case classification(classCount: Int)
}

/// Labelled examples split into a training and a test part, with the names a lesson shows.
public struct Dataset: Equatable, Sendable {
  /// Short name, e.g. `house`.
  public var name: String
  /// One name per input column, e.g. `size`, `bedrooms`, `location`.
  public var featureNames: [String]
  /// One name per target column, e.g. `price`; for classification, the single column `class`.
  public var targetNames: [String]
  public var task: LearningTask
  public var trainInputs: Samples
  public var trainTargets: Samples
  public var testInputs: Samples
  public var testTargets: Samples

  public init(
    name: String, featureNames: [String], targetNames: [String], task: LearningTask,
    trainInputs: Samples, trainTargets: Samples, testInputs: Samples, testTargets: Samples
  ) {
    self.name = name
    self.featureNames = featureNames
    self.targetNames = targetNames
    self.task = task
    self.trainInputs = trainInputs
    self.trainTargets = trainTargets
    self.testInputs = testInputs
    self.testTargets = testTargets
  }
}
