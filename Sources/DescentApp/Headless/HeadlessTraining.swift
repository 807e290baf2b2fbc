import NeuralEngine

/// Trains a session for a number of epochs with no terminal, keeping one record per epoch.
public enum HeadlessTraining {
  /// Runs up to `epochs` epochs; stops early when the run diverges.
  public static func run(_ session: inout TrainingSession, epochs: Int) -> [EpochRecord] {
    var records: [EpochRecord] = []
    records.reserveCapacity(epochs)
    for _ in 0..<epochs {
      session.runEpoch()
      if case .diverged = session.state { break }
      records.append(
        EpochRecord(
          epoch: session.epochCount, trainLoss: session.trainLoss, testLoss: session.testLoss,
          trainAccuracy: session.trainAccuracy, testAccuracy: session.testAccuracy))
    }
    return records
  }
}
