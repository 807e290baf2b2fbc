import TerminalUI

/// A small grid of numbers drawn as square pixels: a digit (ink 0…1, white on black) or a
/// kernel or feature map (signed, on the blue ↔ orange scale of the weights).
///
/// With Unicode and 256 colours two pixel rows share a cell (upper half block, foreground the
/// upper pixel, background the lower), so a pixel at `scale` 1 is one column by half a row.
/// Otherwise each pixel is characters: two columns per row at `scale` 1 (cells are about twice
/// as tall as wide), a shade ramp for ink and signed characters (`+`/`#` positive, `-`/`=`
/// negative) for weights in monochrome, so nothing depends on colour.
struct PixelGrid {
  /// How the values map to what is drawn.
  enum Kind: Equatable {
    /// 0 (no ink) … 1 (full ink).
    case ink
    /// Signed, symmetric around 0 over `-limit…limit`.
    case signed(limit: Double)
    /// Signed like `signed`, but dark at 0 and glowing orange (positive) or blue (negative)
    /// with the magnitude: for feature maps, where most values are 0 and what matters is where
    /// a filter answers.
    case response(limit: Double)
  }

  let values: [Double]
  let rows: Int
  let columns: Int
  let kind: Kind

  init(values: [Double], rows: Int, columns: Int, kind: Kind) {
    precondition(values.count >= rows * columns, "a grid needs rows × columns values")
    self.values = values
    self.rows = rows
    self.columns = columns
    self.kind = kind
  }

  /// A signed grid scaled to its own largest magnitude (1 when all are 0).
  static func signed(_ values: [Double], rows: Int, columns: Int) -> PixelGrid {
    PixelGrid(values: values, rows: rows, columns: columns, kind: .signed(limit: largestMagnitude(values)))
  }

  /// The largest finite |value|, or 1 when there is none above 0.
  static func largestMagnitude(_ values: [Double]) -> Double {
    let largest = values.reduce(0) { $1.isFinite ? max($0, abs($1)) : $0 }
    return largest > 0 ? largest : 1
  }

  /// Whether `theme` draws pixels as half blocks: with Unicode and 256 colours, or 8 colours
  /// for signed values (eight colours have no greys for ink, but enough hues for a sign).
  static func usesHalfBlocks(_ theme: Theme, kind: Kind) -> Bool {
    guard theme.symbols.isUnicode else { return false }
    if case .ink = kind { return theme.colorCount >= 256 }
    return theme.colorCount >= 8
  }

  /// Whether this grid is drawn with half blocks in `theme`.
  func usesHalfBlocks(_ theme: Theme) -> Bool { Self.usesHalfBlocks(theme, kind: kind) }

  /// Columns and rows the grid takes at `scale` (≥ 1).
  func size(scale: Int, theme: Theme) -> Size {
    let scale = max(1, scale)
    if usesHalfBlocks(theme) {
      return Size(width: columns * scale, height: (rows * scale + 1) / 2)
    }
    return Size(width: columns * 2 * scale, height: rows * scale)
  }

  /// The largest scale (1…`limit`) at which the grid fits in `size`; 0 when not even 1 fits.
  func largestScale(fitting size: Size, theme: Theme, limit: Int = 4) -> Int {
    var best = 0
    for scale in 1...max(1, limit) {
      let needed = self.size(scale: scale, theme: theme)
      if needed.width <= size.width, needed.height <= size.height { best = scale }
    }
    return best
  }

  // MARK: - Drawing

  /// Draws the grid with its top-left corner at (`x`, `y`), clipped to `clip`.
  func render(x: Int, y: Int, scale: Int, buffer: inout Buffer, theme: Theme, clip: Rect) {
    let scale = max(1, scale)
    let drawn = size(scale: scale, theme: theme)
    for cellRow in 0..<drawn.height {
      for cellColumn in 0..<drawn.width {
        let cellX = x + cellColumn, cellY = y + cellRow
        guard clip.contains(x: cellX, y: cellY) else { continue }
        buffer[cellX, cellY] = cell(row: cellRow, column: cellColumn, scale: scale, theme: theme)
      }
    }
  }

  /// The cell at (`row`, `column`) of the drawn grid.
  func cell(row: Int, column: Int, scale: Int, theme: Theme) -> Cell {
    if usesHalfBlocks(theme) {
      let pixelColumn = column / scale
      let top = value(row: (2 * row) / scale, column: pixelColumn)
      let lowerHalfRow = 2 * row + 1
      let bottom = lowerHalfRow < rows * scale ? value(row: lowerHalfRow / scale, column: pixelColumn) : nil
      var style = Style(foreground: color(top, theme: theme))
      if let bottom { style.background = color(bottom, theme: theme) }
      return Cell(theme.symbols.upperHalf, style: style)
    }
    let value = self.value(row: row / scale, column: column / (2 * scale))
    return characterCell(value, theme: theme)
  }

  /// The value of pixel (`row`, `column`).
  func value(row: Int, column: Int) -> Double {
    guard (0..<rows).contains(row), (0..<columns).contains(column) else { return 0 }
    return values[row * columns + column]
  }

  /// The colour of `value`: a grey from black to white for ink (256 colours), the weights'
  /// diverging scale for signed values, a glow from black for responses.
  func color(_ value: Double, theme: Theme) -> Color {
    switch kind {
    case .ink:
      return .indexed(UInt8(232 + Int((Self.clampedUnit(value) * 23).rounded())))
    case .signed(let limit):
      return theme.signedScale(limit: limit).color(value)
    case .response(let limit):
      let magnitude = limit > 0 && value.isFinite ? min(1, abs(value) / limit) : 0
      if theme.colorCount < 256 {
        // Black, then red and yellow for positive, blue and cyan for negative.
        if magnitude < 0.15 { return .black }
        return value < 0 ? (magnitude < 0.5 ? .blue : .cyan) : (magnitude < 0.5 ? .red : .yellow)
      }
      return .indexed(Self.responseColor(magnitude: magnitude, negative: value < 0))
    }
  }

  /// A pixel as a character: shades of ink, or the sign's character whose weight grows with the
  /// magnitude; coloured when the terminal has colours.
  func characterCell(_ value: Double, theme: Theme) -> Cell {
    let symbols = theme.symbols
    switch kind {
    case .ink:
      let style = theme.colorCount >= 8 ? Style(foreground: .white) : .plain
      return Cell(symbols.shade(Self.clampedUnit(value)), style: style)
    case .signed(let limit), .response(let limit):
      let magnitude = limit > 0 && value.isFinite ? min(1, abs(value) / limit) : 0
      if theme.colorCount >= 8 {
        let scale = theme.signedScale(limit: limit)
        return Cell(magnitude < 0.15 ? " " : symbols.fullBlock, style: Style(foreground: scale.color(value)))
      }
      return Cell(Self.signedCharacter(value, magnitude: magnitude), style: magnitude >= 0.67 ? Style(bold: true) : .plain)
    }
  }

  /// Colour stops in the xterm 6×6×6 cube from 0 to full magnitude: black through red to
  /// orange and pale yellow for positive values, black through navy to blue and pale cyan for
  /// negative ones (a "glow" that stays readable at low values).
  private static let positiveStops: [(Double, Double, Double)] = [(0, 0, 0), (2, 0, 0), (4, 1, 0), (5, 3, 0), (5, 5, 2)]
  private static let negativeStops: [(Double, Double, Double)] = [(0, 0, 0), (0, 0, 2), (0, 1, 4), (1, 3, 5), (3, 5, 5)]

  /// The glow colour of a response of `magnitude` (0…1).
  static func responseColor(magnitude: Double, negative: Bool) -> UInt8 {
    guard magnitude >= 0.05 else { return 233 }
    let stops = negative ? negativeStops : positiveStops
    let scaled = min(1, magnitude) * Double(stops.count - 1)
    let low = min(stops.count - 2, Int(scaled))
    let t = scaled - Double(low)
    func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
    let (from, to) = (stops[low], stops[low + 1])
    return UInt8(16 + 36 * channel(from.0, to.0) + 6 * channel(from.1, to.1) + channel(from.2, to.2))
  }

  /// `·` near zero, then `+` and `#` for positive, `-` and `=` for negative values, in ASCII.
  static func signedCharacter(_ value: Double, magnitude: Double) -> String {
    if magnitude < 0.15 || !value.isFinite { return "." }
    let strong = magnitude >= 0.5
    return value > 0 ? (strong ? "#" : "+") : (strong ? "=" : "-")
  }

  private static func clampedUnit(_ value: Double) -> Double {
    value.isFinite ? min(1, max(0, value)) : 0
  }
}
