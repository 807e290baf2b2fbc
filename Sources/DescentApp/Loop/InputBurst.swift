/// Counts keys that arrive without the input going idle, to tell typing from a paste.
///
/// The first `limit` keys of a burst are admitted; the rest are dropped and counted, and the count
/// is reported once when the input next goes idle.
struct InputBurst {
  /// Keys admitted per burst.
  let limit: Int
  /// Keys read since the input was last idle.
  private(set) var keysInBurst = 0
  /// Keys dropped in the current burst.
  private(set) var dropped = 0
  private var finishedDropCount: Int?

  init(limit: Int) {
    self.limit = limit
  }

  /// Counts a key; false when it must be dropped.
  mutating func admitKey() -> Bool {
    keysInBurst += 1
    guard keysInBurst > limit else { return true }
    dropped += 1
    return false
  }

  /// A read found nothing queued: the burst is over.
  mutating func inputWentIdle() {
    if dropped > 0 { finishedDropCount = dropped }
    keysInBurst = 0
    dropped = 0
  }

  /// The number of keys a finished burst dropped, once.
  mutating func takeDroppedReport() -> Int? {
    defer { finishedDropCount = nil }
    return finishedDropCount
  }
}
