import TerminalUI

/// Decides which cells of a new buffer must be sent to the terminal: pure, so it is tested without curses.
public enum ScreenDiff {
  /// A cell position (column `x`, row `y`).
  public struct Position: Equatable, Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
      self.x = x
      self.y = y
    }
  }

  /// The cells to write, row by row, left to right.
  ///
  /// Every cell when `previous` is `nil` or has another size; otherwise only cells that differ. A changed
  /// continuation cell (right half of a wide character) is sent as its wide lead cell; an orphan
  /// continuation (no wide character to its left) is sent itself, and drawn as a space.
  public static func cellsToDraw(from previous: Buffer?, to next: Buffer) -> [Position] {
    let width = next.size.width
    let cells = next.cells
    let oldCells = previous.flatMap { $0.size == next.size ? $0.cells : nil }
    var positions: [Position] = []
    for y in 0..<next.size.height {
      var lastSent = -1
      let rowStart = y * width
      for x in 0..<width {
        let index = rowStart + x
        if let oldCells, oldCells[index] == cells[index] { continue }
        var target = x
        if cells[index].symbol.isEmpty, x > 0, isWideLead(cells[index - 1]) { target = x - 1 }
        if target > lastSent {
          positions.append(Position(x: target, y: y))
          lastSent = target
        }
      }
    }
    return positions
  }

  /// `true` when `cell` holds a double-width character (its right neighbour is a continuation).
  static func isWideLead(_ cell: Cell) -> Bool {
    guard let first = cell.symbol.unicodeScalars.first else { return false }
    return DisplayWidth.of(first) == 2
  }
}
