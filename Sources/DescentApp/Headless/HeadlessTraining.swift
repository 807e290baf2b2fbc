import NeuralEngine

/// Trains a session for a number of epochs with no terminal, writing the report as it goes:
/// memory and time stay linear in the number of epochs, however many there are.
public enum HeadlessTraining {
  /// What happened, for a history file or a plot, as it happens.
  public enum Event: Sendable {
    /// A step was taken: its number, the epochs completed, its batch loss and the learning rate.
    case step(step: Int, epoch: Int, batchLoss: Double, learningRate: Double)
    /// An epoch ended (after step `step`) and both splits were evaluated.
    case epoch(EpochRecord, step: Int)
    /// Both splits were measured after step `step`, not at an epoch's end: the playground
    /// measures on its own schedule (and right after a weight is set by hand).
    case evaluation(EpochRecord, step: Int)
  }

  /// Runs up to `epochs` epochs (stopping early when the run diverges), evaluating both splits
  /// after each, and writes `format`'s report through `write` (one call per line or part);
  /// `observe` sees every step and epoch. `setup`, the run's setup string, heads the table.
  public static func run(
    _ session: inout TrainingSession, epochs: Int, format: ReportFormat, setup: String? = nil,
    write: (String) -> Void, observe: (Event) -> Void = { _ in }
  ) {
    let writer = ReportWriter(configuration: session.configuration, network: session.network, format: format, setup: setup)
    session.evaluationPolicy = .onRequest
    write(writer.header)
    for index in 0..<epochs {
      let epoch = session.epochCount
      while session.epochCount == epoch {
        if case .diverged = session.state { break }
        session.step()
        if session.stepCount > 0, session.history.batchLoss.lastValue != nil, !isDiverged(session) {
          observe(
            .step(
              step: session.stepCount, epoch: session.epochCount,
              batchLoss: session.history.batchLoss.lastValue ?? 0, learningRate: session.learningRate))
        }
      }
      if isDiverged(session) { break }
      session.evaluate()
      if isDiverged(session) { break }
      let record = EpochRecord(
        epoch: session.epochCount, trainLoss: session.trainLoss, testLoss: session.testLoss,
        trainAccuracy: session.trainAccuracy, testAccuracy: session.testAccuracy)
      observe(.epoch(record, step: session.stepCount))
      write(writer.line(for: record, first: index == 0))
    }
    write(writer.footer(for: session))
  }

  private static func isDiverged(_ session: TrainingSession) -> Bool {
    if case .diverged = session.state { return true }
    return false
  }
}
