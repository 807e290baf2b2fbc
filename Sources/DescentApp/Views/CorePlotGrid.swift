import TerminalUI

/// A grid of dots over a cell rectangle: 2×4 dots per cell (braille) or 1×1 (ASCII), one layer
/// per series so each cell can be styled by the series drawn in it.
///
/// Small and private to the playground's views until TerminalUI has a `BrailleCanvas`.
struct CorePlotGrid {
  /// Cells covered.
  let columns: Int
  let rows: Int
  /// Dots per cell across and down: 2×4 with braille, 1×1 without.
  let dotsAcross: Int
  let dotsDown: Int
  /// One dot mask per cell, per layer.
  private var layers: [[UInt8]]

  init(columns: Int, rows: Int, braille: Bool, layerCount: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    dotsAcross = braille ? 2 : 1
    dotsDown = braille ? 4 : 1
    layers = Array(repeating: Array(repeating: 0, count: self.columns * self.rows), count: max(1, layerCount))
  }

  /// Dots across the whole grid.
  var width: Int { columns * dotsAcross }
  /// Dots down the whole grid.
  var height: Int { rows * dotsDown }

  // MARK: - Plotting

  /// Raises the dot at (`x`, `y`) (0 at the top-left) on `layer`; outside dots are ignored.
  mutating func set(x: Int, y: Int, layer: Int) {
    guard x >= 0, y >= 0, x < width, y < height, layers.indices.contains(layer) else { return }
    let cell = (y / dotsDown) * columns + x / dotsAcross
    layers[layer][cell] |= Self.bit(dx: x % dotsAcross, dy: y % dotsDown, braille: dotsAcross == 2)
  }

  /// Raises every dot on the straight line from (`x0`, `y0`) to (`x1`, `y1`) (Bresenham).
  mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), layer: Int) {
    var x = start.x, y = start.y
    let dx = abs(end.x - x), dy = -abs(end.y - y)
    let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
    var error = dx + dy
    var guardCount = 0
    while guardCount <= width + height + 2 {
      set(x: x, y: y, layer: layer)
      if x == end.x && y == end.y { break }
      let doubled = 2 * error
      if doubled >= dy { error += dy; x += sx }
      if doubled <= dx { error += dx; y += sy }
      guardCount += 1
    }
  }

  /// Whether any layer has a dot in cell (`column`, `row`).
  func isOccupied(column: Int, row: Int) -> Bool {
    guard column >= 0, row >= 0, column < columns, row < rows else { return false }
    return layers.contains { $0[row * columns + column] != 0 }
  }

  // MARK: - Drawing

  /// Draws occupied cells into `area` (top-left at the grid's origin): braille characters, or
  /// `asciiSymbols[layer]` without braille; each cell takes the style of its first layer with dots.
  func draw(in area: Rect, buffer: inout Buffer, styles: [Style], asciiSymbols: [String]) {
    for row in 0..<min(rows, area.height) {
      for column in 0..<min(columns, area.width) {
        let index = row * columns + column
        var dots: UInt8 = 0
        var owner = -1
        for layer in layers.indices where layers[layer][index] != 0 {
          dots |= layers[layer][index]
          if owner < 0 { owner = layer }
        }
        guard owner >= 0 else { continue }
        let style = styles.indices.contains(owner) ? styles[owner] : .plain
        let symbol =
          dotsAcross == 2
          ? SymbolSet.braille(dots) : (asciiSymbols.indices.contains(owner) ? asciiSymbols[owner] : "*")
        buffer[area.x + column, area.y + row] = Cell(symbol, style: style)
      }
    }
  }

  /// The braille bit of dot (`dx`, `dy`) in a cell; 1 for a one-dot ASCII cell.
  private static func bit(dx: Int, dy: Int, braille: Bool) -> UInt8 {
    guard braille else { return 1 }
    switch (dx, dy) {
    case (0, 3): return 0x40
    case (1, 3): return 0x80
    case (0, _): return UInt8(1) << UInt8(dy)
    default: return UInt8(1) << UInt8(dy + 3)
    }
  }
}
