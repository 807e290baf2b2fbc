/// A grid of cells that views draw into; the backend shows it. Drawing outside is clipped.
public struct Buffer: Equatable, Sendable {
  public let size: Size
  public private(set) var cells: [Cell]

  public init(size: Size, filling cell: Cell = .blank) {
    self.size = Size(width: max(0, size.width), height: max(0, size.height))
    cells = Array(repeating: cell, count: self.size.width * self.size.height)
  }

  public init(width: Int, height: Int, filling cell: Cell = .blank) {
    self.init(size: Size(width: width, height: height), filling: cell)
  }

  public var area: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

  public subscript(x: Int, y: Int) -> Cell {
    get { area.contains(x: x, y: y) ? cells[y * size.width + x] : .blank }
    set { if area.contains(x: x, y: y) { cells[y * size.width + x] = newValue } }
  }

  /// Writes `text` from (`x`, `y`) on one line, clipped to `clip` (default: the whole buffer).
  /// Wide characters take two cells; one that would straddle the clip edge is left out.
  /// Control characters are skipped (defence in depth: text from files is sanitised when it is read).
  /// Returns the column after the last character written.
  @discardableResult
  public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
    let bounds = (clip ?? area).intersection(area)
    guard y >= bounds.y, y < bounds.maxY else { return x }
    var column = x
    for character in text {
      // Control characters (C0, DEL, C1) never reach the terminal, whatever a caller passes.
      if let first = character.unicodeScalars.first, first.value < 0x20 || (0x7F...0x9F).contains(first.value) {
        continue
      }
      let width = DisplayWidth.of(character)
      if width == 0 { continue }
      if column >= bounds.maxX { break }
      if column >= bounds.x, column + width <= bounds.maxX {
        self[column, y] = Cell(String(character), style: style)
        if width == 2 { self[column + 1, y] = Cell(Cell.continuation.symbol, style: style) }
      }
      column += width
    }
    return column
  }

  /// Paints every cell of `rect` with `cell`, a row slice at a time.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let target = rect.intersection(area)
    guard !target.isEmpty else { return }
    for y in target.y..<target.maxY {
      let start = y * size.width + target.x
      cells.replaceSubrange(start..<(start + target.width), with: repeatElement(cell, count: target.width))
    }
  }


  /// Changes only the style of every cell in `rect`, keeping the characters.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let target = rect.intersection(area)
    for y in target.y..<target.maxY {
      for x in target.x..<target.maxX { self[x, y].style = style }
    }
  }

  /// The buffer as plain text, one line per row, trailing spaces kept: what golden files hold.
  public var lines: [String] {
    (0..<size.height).map { y in
      (0..<size.width).reduce(into: "") { line, x in line += self[x, y].symbol }
    }
  }
}
