/// One character position on the screen: what is drawn there and how.
public struct Cell: Equatable, Hashable, Sendable {
  /// The grapheme shown here; empty for the right half of a double-width character.
  public var symbol: String
  public var style: Style

  public init(_ symbol: String = " ", style: Style = .plain) {
    self.symbol = symbol
    self.style = style
  }

  public static let blank = Cell()
  /// Marks the second column covered by a double-width character.
  public static let continuation = Cell("")
}

extension Cell {
  /// True when the cell holds a double-width character: its right neighbour is a continuation,
  /// and the terminal draws both columns from this cell.
  public var isWide: Bool {
    guard let first = symbol.unicodeScalars.first else { return false }
    return DisplayWidth.of(first) == 2
  }
}
