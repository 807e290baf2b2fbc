import TerminalUI

/// Lines and dots over a rectangle of cells: braille (2×4 dots per cell) in Unicode mode, one
/// character per cell in ASCII mode. Where lines cross, the one with the higher `rank` gives the
/// cell its style (and, in ASCII, its character).
struct PlotDotCanvas {
  /// The cells covered; nothing is drawn outside.
  let area: Rect
  let symbols: SymbolSet
  private var dots: [UInt8]
  private var characters: [String?]
  private var styles: [Style]
  private var ranks: [Double]

  init(area: Rect, symbols: SymbolSet) {
    self.area = area
    self.symbols = symbols
    let count = area.width * area.height
    dots = [UInt8](repeating: 0, count: count)
    characters = [String?](repeating: nil, count: count)
    styles = [Style](repeating: .plain, count: count)
    ranks = [Double](repeating: -.infinity, count: count)
  }

  /// Dots across and down (cells × 2 and × 4 in Unicode; one per cell in ASCII).
  var dotWidth: Int { symbols.isUnicode ? area.width * 2 : area.width }
  var dotHeight: Int { symbols.isUnicode ? area.height * 4 : area.height }

  /// True when a cell has something drawn in it.
  func isMarked(cellX: Int, cellY: Int) -> Bool {
    guard let index = index(cellX - area.x, cellY - area.y) else { return false }
    return dots[index] != 0 || characters[index] != nil
  }

  /// Raises the dot at (`x`, `y`) in dot coordinates (relative to `area`).
  mutating func plot(x: Int, y: Int, style: Style, rank: Double, character: String? = nil) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let cellX = symbols.isUnicode ? x / 2 : x
    let cellY = symbols.isUnicode ? y / 4 : y
    guard let index = index(cellX, cellY) else { return }
    if symbols.isUnicode {
      dots[index] |= Self.bit(x: x % 2, y: y % 4)
    } else if rank >= ranks[index] || characters[index] == nil {
      characters[index] = character ?? symbols.plotPoint
    }
    if rank >= ranks[index] {
      ranks[index] = rank
      styles[index] = style
    }
  }

  /// A straight line between two points in dot coordinates. `dashed` leaves every other pair of
  /// dots out (monochrome sign). In ASCII the characters follow the slope (`-`, `/`, `\`, `|`)
  /// unless `character` is given.
  mutating func line(
    from start: (x: Double, y: Double), to end: (x: Double, y: Double), style: Style, rank: Double,
    dashed: Bool = false, character: String? = nil
  ) {
    // Only the part inside the canvas is stepped through: an end far outside (a prediction
    // of 1e13) must not cost one iteration per dot of the whole line.
    guard let (start, end) = clipped(start, end) else { return }
    let dx = end.x - start.x, dy = end.y - start.y
    let steps = max(1, Int(max(abs(dx), abs(dy)).rounded(.up)))
    let glyph = character ?? slopeCharacter(dx: dx, dy: dy)
    var lastX = Int.min, lastY = Int.min
    for step in 0...steps {
      if dashed && (step / 2) % 2 == 1 { continue }
      let t = Double(step) / Double(steps)
      let x = Int((start.x + dx * t).rounded()), y = Int((start.y + dy * t).rounded())
      if x == lastX && y == lastY { continue }
      lastX = x
      lastY = y
      plot(x: x, y: y, style: style, rank: rank, character: glyph)
    }
  }

  /// The part of the segment inside the canvas (with a one-dot margin), or nil if none is
  /// (Liang–Barsky clipping).
  private func clipped(
    _ start: (x: Double, y: Double), _ end: (x: Double, y: Double)
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite else { return nil }
    let dx = end.x - start.x, dy = end.y - start.y
    var low = 0.0, high = 1.0
    let bounds: [(Double, Double)] = [
      (-dx, start.x + 1), (dx, Double(dotWidth) - start.x), (-dy, start.y + 1), (dy, Double(dotHeight) - start.y),
    ]
    for (p, q) in bounds {
      if p == 0 {
        if q < 0 { return nil }
      } else {
        let t = q / p
        if p < 0 { low = max(low, t) } else { high = min(high, t) }
        if low > high { return nil }
      }
    }
    return ((start.x + dx * low, start.y + dy * low), (start.x + dx * high, start.y + dy * high))
  }

  /// Writes the marked cells into `buffer`; `background` gives a cell's background colour.
  func draw(into buffer: inout Buffer, background: ((Int, Int) -> Color)? = nil) {
    let visible = area.intersection(buffer.area)
    guard !visible.isEmpty else { return }
    for cellY in visible.y..<visible.maxY {
      for cellX in visible.x..<visible.maxX {
        guard let index = index(cellX - area.x, cellY - area.y) else { continue }
        let symbol: String
        if symbols.isUnicode {
          guard dots[index] != 0 else { continue }
          symbol = SymbolSet.braille(dots[index])
        } else {
          guard let character = characters[index] else { continue }
          symbol = character
        }
        var style = styles[index]
        if let background { style.background = background(cellX, cellY) }
        buffer[cellX, cellY] = Cell(symbol, style: style)
      }
    }
  }

  // MARK: - Private

  private func index(_ x: Int, _ y: Int) -> Int? {
    guard x >= 0, y >= 0, x < area.width, y < area.height else { return nil }
    return y * area.width + x
  }

  private func slopeCharacter(dx: Double, dy: Double) -> String {
    if abs(dy) <= 0.4 * abs(dx) { return symbols.axisHorizontal }
    if abs(dy) >= 2.5 * abs(dx) { return symbols.axisVertical }
    return (dy > 0) == (dx > 0) ? "\\" : "/"
  }

  /// Braille bit for dot column `x` (0, 1) and row `y` (0…3) of a cell.
  private static func bit(x: Int, y: Int) -> UInt8 {
    let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
    let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
    return x == 0 ? left[y] : right[y]
  }
}
