/// Which training samples the next step uses: the epoch's order, the position in it, and the
/// counts of steps and epochs.
struct BatchSchedule: Sendable {
  /// Training-row indices in the current epoch's order.
  private(set) var order: [Int]
  /// Samples of the current epoch already used.
  private(set) var position = 0
  private(set) var stepCount = 0
  private(set) var epochCount = 0
  /// Whether `order` is still `0, 1, 2, …` (so a batch can be read in place).
  private(set) var isStoredOrder = true
  let shufflesEachEpoch: Bool
  /// Draws the shuffles when the configuration seeds them apart from the weights.
  private var shuffleGenerator: SplitMix64?

  init(sampleCount: Int, shufflesEachEpoch: Bool, shuffleSeed: UInt64?) {
    order = Array(0..<sampleCount)
    self.shufflesEachEpoch = shufflesEachEpoch
    shuffleGenerator = shuffleSeed.map(SplitMix64.init(seed:))
  }

  var sampleCount: Int { order.count }

  /// Starts an epoch when at its beginning: a new order unless the batch is the whole set or
  /// the order is kept. Returns the size of the next batch.
  mutating func nextBatchSize(batchSize: Int, wholeSet: Bool, generator: inout SplitMix64) -> Int {
    if position == 0, shufflesEachEpoch, !wholeSet {
      if shuffleGenerator != nil {
        shuffleGenerator?.shuffle(&order)
      } else {
        generator.shuffle(&order)
      }
      isStoredOrder = false
    }
    return Swift.min(batchSize, order.count - position)
  }

  /// Positions in `order` of the last step's batch.
  private(set) var lastBatch = 0..<0

  /// Training-row indices of the last step's batch, in the order used.
  var lastBatchIndices: [Int] { Array(order[lastBatch]) }

  /// Records a finished step of `size` samples; returns whether it ended an epoch.
  mutating func advance(by size: Int) -> Bool {
    lastBatch = position..<(position + size)
    stepCount += 1
    position += size
    guard position >= order.count else { return false }
    position = 0
    epochCount += 1
    return true
  }
}
