import NeuralEngine

/// Trains a session for a number of epochs with no terminal, writing the report as it goes:
/// memory and time stay linear in the number of epochs, however many there are.
public enum HeadlessTraining {
  /// Runs up to `epochs` epochs (stopping early when the run diverges), evaluating both splits
  /// after each, and writes `format`'s report through `write` (one call per line or part).
  public static func run(
    _ session: inout TrainingSession, epochs: Int, format: ReportFormat, write: (String) -> Void
  ) {
    let writer = ReportWriter(configuration: session.configuration, network: session.network, format: format)
    session.evaluationPolicy = .onRequest
    write(writer.header)
    for index in 0..<epochs {
      session.runEpoch()
      if case .diverged = session.state { break }
      session.evaluate()
      if case .diverged = session.state { break }
      let record = EpochRecord(
        epoch: session.epochCount, trainLoss: session.trainLoss, testLoss: session.testLoss,
        trainAccuracy: session.trainAccuracy, testAccuracy: session.testAccuracy)
      write(writer.line(for: record, first: index == 0))
    }
    write(writer.footer(for: session))
  }
}
