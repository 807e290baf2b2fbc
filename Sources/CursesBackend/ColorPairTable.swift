import TerminalUI

/// Hands out curses colour pairs lazily, one per (foreground, background) combination actually drawn.
///
/// Pure bookkeeping: `pair(foreground:background:)` says which pair to use and whether it still needs an
/// `init_pair`; the backend makes the curses call. Pair 0 is the terminal default and never allocated.
/// When the terminal runs out of pairs, further combinations fall back to pair 0.
public struct ColorPairTable: Sendable {
  /// A curses colour-number combination.
  public struct Colors: Hashable, Sendable {
    public var foreground: Int16
    public var background: Int16

    public init(foreground: Int16, background: Int16) {
      self.foreground = foreground
      self.background = background
    }
  }

  /// The answer for one combination.
  public struct Assignment: Equatable, Sendable {
    /// The pair number to draw with.
    public var pair: Int32
    /// `true` the first time a pair is handed out: the caller must `init_pair` it.
    public var isNew: Bool
  }

  /// The highest usable pair number (`COLOR_PAIRS - 1`, capped at `Int16.max` for `init_pair`).
  public let capacity: Int32
  private var pairs: [Colors: Int32] = [:]
  private let defaultColors: Colors

  /// - Parameters:
  ///   - colorPairs: the terminal's `COLOR_PAIRS`.
  ///   - defaultColors: the combination pair 0 already shows (the terminal's defaults).
  public init(colorPairs: Int, defaultColors: Colors) {
    capacity = Int32(max(0, min(colorPairs - 1, Int(Int16.max))))
    self.defaultColors = defaultColors
  }

  /// How many pairs have been handed out.
  public var count: Int { pairs.count }

  /// The pair for `colors`, allocating the next free number when the combination is new.
  public mutating func pair(for colors: Colors) -> Assignment {
    if colors == defaultColors { return Assignment(pair: 0, isNew: false) }
    if let existing = pairs[colors] { return Assignment(pair: existing, isNew: false) }
    guard pairs.count < Int(capacity) else { return Assignment(pair: 0, isNew: false) }
    let number = Int32(pairs.count + 1)
    pairs[colors] = number
    return Assignment(pair: number, isNew: true)
  }

  /// Forgets every pair (e.g. after the screen was re-created).
  public mutating func removeAll() {
    pairs.removeAll()
  }
}
