/// What a session keeps for views, bounded in memory: the loss series and each parameter's
/// recent values, whose last two give the last change of each parameter.
public struct TrainingRecorder: Sendable {
  /// The loss and accuracy series.
  public internal(set) var history = TrainingHistory()
  /// Values kept per parameter in `parameterHistory(at:)`: 256, fewer for large networks so the
  /// ring never holds more than 65,536 numbers (512 KB: it is written every step and must stay
  /// in cache), but always at least 8.
  public let parameterHistoryCapacity: Int
  private var parameterRing: [Double]
  /// Whether the ring's newest values came from a step (not from the start or an edit), so that
  /// their difference from the values before them is that step's change.
  private var newestIsStep = false
  private var ringNext = 0
  private var ringCount = 0
  private let parameterCount: Int

  init(network: Network, learningRate: Double) {
    parameterCount = network.parameterCount
    parameterHistoryCapacity = Swift.max(8, Swift.min(256, 65_536 / Swift.max(1, parameterCount)))
    parameterRing = [Double](repeating: 0, count: parameterCount * parameterHistoryCapacity)
    history.learningRateChanges = [SeriesPoint(step: 0, value: learningRate)]
  }

  /// The parameter's most recent values (at most `parameterHistoryCapacity`), oldest first.
  public func parameterHistory(at position: Int) -> [Double] {
    let oldest = (ringNext - ringCount + parameterHistoryCapacity) % parameterHistoryCapacity
    return (0..<ringCount).map { offset in
      parameterRing[((oldest + offset) % parameterHistoryCapacity) * parameterCount + position]
    }
  }

  /// How much the last step changed the parameter at `position`: the difference of its two
  /// newest values (0 before the first step, after an edit and after a stopped step). Computed
  /// when asked, so a step writes one stream of numbers fewer.
  public func lastUpdate(at position: Int) -> Double {
    guard newestIsStep, ringCount >= 2 else { return 0 }
    let newest = (ringNext + parameterHistoryCapacity - 1) % parameterHistoryCapacity
    let previous = (ringNext + parameterHistoryCapacity - 2) % parameterHistoryCapacity
    return parameterRing[newest * parameterCount + position] - parameterRing[previous * parameterCount + position]
  }

  /// Runs `body` with the ring's next slot, for a step to fill with the new parameters (see
  /// `Optimizer.step`); the slot joins the history when `body` returns true.
  mutating func recordStep(_ body: (_ slot: UnsafeMutablePointer<Double>) -> Bool) -> Bool {
    let start = ringNext * parameterCount
    let recorded = parameterRing.withBase { ring in body(ring + start) }
    guard recorded else { return false }
    ringNext = (ringNext + 1) % parameterHistoryCapacity
    ringCount = Swift.min(ringCount + 1, parameterHistoryCapacity)
    newestIsStep = true
    return true
  }

  /// Appends the current parameters to the ring.
  mutating func recordParameters(_ parameters: UnsafePointer<Double>) {
    let start = ringNext * parameterCount
    parameterRing.withBase { ring in (ring + start).update(from: parameters, count: parameterCount) }
    ringNext = (ringNext + 1) % parameterHistoryCapacity
    ringCount = Swift.min(ringCount + 1, parameterHistoryCapacity)
    newestIsStep = false
  }

  /// Notes a new learning rate from the step after `step`.
  mutating func recordLearningRate(_ rate: Double, step: Int) {
    history.learningRateChanges.append(SeriesPoint(step: step, value: rate))
    if history.learningRateChanges.count > 1024 { history.learningRateChanges.removeFirst() }
  }

  /// Forgets the last updates (after a stopped step, whose numbers a view must not draw).
  mutating func clearUpdates() {
    newestIsStep = false
  }
}
