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
  /// The shape of one input sample: `[features]`, `[channels, height, width]` for images,
  /// `[time steps, features]` for sequences. Its count is the width of every input row.
  public var inputShape: TensorShape
  /// One name per target column, e.g. `price`; for classification, the single column `class`.
  public var targetNames: [String]
  public var task: LearningTask
  public var trainInputs: Samples
  public var trainTargets: Samples
  public var testInputs: Samples
  public var testTargets: Samples

  public init(
    name: String, featureNames: [String], inputShape: TensorShape? = nil, targetNames: [String],
    task: LearningTask, trainInputs: Samples, trainTargets: Samples, testInputs: Samples,
    testTargets: Samples
  ) {
    let shape = inputShape ?? TensorShape([trainInputs.width])
    precondition(shape.count == trainInputs.width, "the input shape \(shape) must hold one input row")
    self.name = name
    self.featureNames = featureNames
    self.inputShape = shape
    self.targetNames = targetNames
    self.task = task
    self.trainInputs = trainInputs
    self.trainTargets = trainTargets
    self.testInputs = testInputs
    self.testTargets = testTargets
  }
}

extension Dataset {
  /// The same data with only the first `count` training rows; the test split is unchanged, so
  /// a small training set is still judged on plenty of unseen rows.
  public func limitingTraining(to count: Int) -> Dataset {
    let kept = Swift.max(1, Swift.min(count, trainInputs.count))
    var limited = self
    limited.trainInputs = Samples(width: trainInputs.width, values: Array(trainInputs.values.prefix(kept * trainInputs.width)))
    limited.trainTargets = Samples(width: trainTargets.width, values: Array(trainTargets.values.prefix(kept * trainTargets.width)))
    return limited
  }
}
