/// One point of a series: the step (or epoch) it belongs to and its value.
public struct SeriesPoint: Equatable, Sendable {
  public var step: Int
  public var value: Double

  public init(step: Int, value: Double) {
    self.step = step
    self.value = value
  }
}

/// A bounded series for charts: once `capacity` points are stored, neighbours are merged
/// pairwise (their mean, at the later step) and from then on every point averages twice as many
/// values. Memory stays bounded for runs of millions of steps; the shape of the curve stays.
public struct DownsampledSeries: Equatable, Sendable {
  /// Most points ever stored (even, at least 2).
  public let capacity: Int
  /// How many appended values one stored point averages.
  public private(set) var valuesPerPoint = 1
  /// Values appended in total.
  public private(set) var appendedCount = 0
  /// The most recently appended value.
  public private(set) var lastValue: Double?
  private var stored: [SeriesPoint] = []
  private var pendingSum = 0.0
  private var pendingCount = 0
  private var pendingStep = 0

  public init(capacity: Int = 1024) {
    self.capacity = Swift.max(2, capacity + capacity % 2)
  }

  /// The points to draw, oldest first; the last may average fewer values than the others.
  public var points: [SeriesPoint] {
    guard pendingCount > 0 else { return stored }
    return stored + [SeriesPoint(step: pendingStep, value: pendingSum / Double(pendingCount))]
  }

  public var isEmpty: Bool { appendedCount == 0 }

  /// Adds the value recorded at `step` (steps should increase).
  public mutating func append(_ value: Double, step: Int) {
    appendedCount += 1
    lastValue = value
    pendingSum += value
    pendingCount += 1
    pendingStep = step
    guard pendingCount == valuesPerPoint else { return }
    stored.append(SeriesPoint(step: step, value: pendingSum / Double(pendingCount)))
    pendingSum = 0
    pendingCount = 0
    if stored.count == capacity { mergeNeighbours() }
  }

  /// Merges neighbours in place (a merged point lands at or before both of its halves).
  private mutating func mergeNeighbours() {
    let merged = stored.count / 2
    for index in 0..<merged {
      let (earlier, later) = (stored[2 * index], stored[2 * index + 1])
      stored[index] = SeriesPoint(step: later.step, value: (earlier.value + later.value) / 2)
    }
    stored.removeLast(stored.count - merged)
    valuesPerPoint *= 2
  }
}
