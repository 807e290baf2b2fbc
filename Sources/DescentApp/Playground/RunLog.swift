import NeuralEngine

/// What the playground remembers of its run for `w`: every step's batch loss and learning rate,
/// and every measurement of both splits, in the columns `descent train --history` writes.
///
/// `--history` measures both splits at each epoch's end; the playground measures them on its
/// own schedule (often enough for its charts, cheaply), so its file has `evaluation` rows where
/// a headless run has `epoch` rows. Memory is bounded: once a kind of row reaches `capacity`,
/// neighbouring rows are merged in pairs (the mean of their numbers, at the later step), so a
/// run of millions of steps keeps the shape of its curves in a file of bounded size.
struct RunLog: Sendable {
  /// Most rows of each kind kept.
  static let capacity = 50_000

  struct StepRow: Equatable, Sendable {
    var step: Int
    var epoch: Int
    var batchLoss: Double
    var learningRate: Double
  }

  struct EvaluationRow: Equatable, Sendable {
    var step: Int
    var record: EpochRecord
  }

  private(set) var steps: [StepRow] = []
  private(set) var evaluations: [EvaluationRow] = []
  /// Steps one step row stands for (1 until the rows were first merged).
  private(set) var stepsPerRow = 1
  /// A step row still collecting `stepsPerRow` steps.
  private var pendingStep: (row: StepRow, count: Int)?
  private var lastMetrics: TrainingSession.Metrics?

  /// A log of `session` from where it stands: its latest measurement first.
  init(session: TrainingSession) {
    recordEvaluation(of: session)
  }

  private init() {}

  /// An empty log that holds no buffers, to stand in while the real one is out being written.
  static let placeholder = RunLog()

  // MARK: - Recording

  /// Notes a step (at `learningRate`) and the measurement it may have brought.
  mutating func record(_ report: TrainingSession.StepReport, learningRate: Double) {
    let row = StepRow(step: report.step, epoch: report.epoch, batchLoss: report.batchLoss, learningRate: learningRate)
    if let pending = pendingStep {
      let merged = Self.merged(pending.row, row, weights: (pending.count, 1))
      pendingStep = (merged, pending.count + 1)
    } else {
      pendingStep = (row, 1)
    }
    if let pending = pendingStep, pending.count == stepsPerRow {
      steps.append(pending.row)
      pendingStep = nil
      if steps.count == Self.capacity {
        steps = Self.pairedUp(steps) { Self.merged($0, $1, weights: (1, 1)) }
        stepsPerRow *= 2
      }
    }
    if report.metrics.step == report.step { record(report.metrics, epoch: report.epoch) }
  }

  /// Notes the session's latest measurement, unless it is already noted.
  mutating func recordEvaluation(of session: TrainingSession) {
    record(session.metrics, epoch: session.epochCount)
  }

  private mutating func record(_ metrics: TrainingSession.Metrics, epoch: Int) {
    guard metrics != lastMetrics, metrics.trainLoss.isFinite else { return }
    lastMetrics = metrics
    let record = EpochRecord(
      epoch: epoch, trainLoss: metrics.trainLoss, testLoss: metrics.testLoss, trainAccuracy: metrics.trainAccuracy,
      testAccuracy: metrics.testAccuracy)
    evaluations.append(EvaluationRow(step: metrics.step, record: record))
    if evaluations.count == Self.capacity {
      evaluations = Self.pairedUp(evaluations) { earlier, later in
        func mean(_ a: Double?, _ b: Double?) -> Double? { a.flatMap { a in b.map { (a + $0) / 2 } } }
        let record = EpochRecord(
          epoch: later.record.epoch, trainLoss: (earlier.record.trainLoss + later.record.trainLoss) / 2,
          testLoss: mean(earlier.record.testLoss, later.record.testLoss),
          trainAccuracy: mean(earlier.record.trainAccuracy, later.record.trainAccuracy),
          testAccuracy: mean(earlier.record.testAccuracy, later.record.testAccuracy))
        return EvaluationRow(step: later.step, record: record)
      }
    }
  }

  // MARK: - Merging

  /// `earlier` and `later` as one row: the weighted mean batch loss at the later step.
  private static func merged(_ earlier: StepRow, _ later: StepRow, weights: (Int, Int)) -> StepRow {
    let total = Double(weights.0 + weights.1)
    var row = later
    row.batchLoss = (earlier.batchLoss * Double(weights.0) + later.batchLoss * Double(weights.1)) / total
    return row
  }

  private static func pairedUp<Row>(_ rows: [Row], _ merge: (Row, Row) -> Row) -> [Row] {
    stride(from: 0, to: rows.count - 1, by: 2).map { merge(rows[$0], rows[$0 + 1]) }
  }

  // MARK: - The file

  /// The history as CSV text: `HistoryFile`'s header, then the rows in step order (at one step,
  /// the step row before the measurement it led to).
  var csvText: String {
    // Sorted by step, then kind, then the order recorded (two measurements at one step: before
    // and after a weight was set).
    var events: [(step: Int, order: Int, index: Int, event: HeadlessTraining.Event)] = []
    events.reserveCapacity(steps.count + evaluations.count + 1)
    for row in steps + (pendingStep.map { [$0.row] } ?? []) {
      events.append((row.step, 0, events.count, .step(step: row.step, epoch: row.epoch, batchLoss: row.batchLoss, learningRate: row.learningRate)))
    }
    for row in evaluations { events.append((row.step, 1, events.count, .evaluation(row.record, step: row.step))) }
    events.sort { ($0.step, $0.order, $0.index) < ($1.step, $1.order, $1.index) }
    var text = HistoryFile.header + "\n"
    for entry in events { text += HistoryFile.row(for: entry.event) + "\n" }
    return text
  }
}
