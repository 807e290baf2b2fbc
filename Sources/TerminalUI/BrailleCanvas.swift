/// A drawing surface of dots: 2×4 braille dots per cell, or one dot per cell in ASCII mode.
///
/// Coordinates are canvas dots: `x` grows right from 0 to `pixelWidth - 1`, `y` grows *down*
/// from 0 to `pixelHeight - 1` (callers flip for charts). Each cell remembers the style of the
/// last dot set in it ("last series wins"). Cells with no dots are transparent when rendered.
///
/// ```swift
/// var canvas = BrailleCanvas(width: area.width, height: area.height, symbols: theme.symbols)
/// canvas.line(from: (0, 0), to: (canvas.pixelWidth - 1, canvas.pixelHeight - 1), style: theme.trainSeries)
/// canvas.render(in: area, buffer: &buffer)
/// ```
public struct BrailleCanvas: Widget, Sendable {
  /// Size in cells.
  public let width: Int
  public let height: Int
  /// Braille dots when true; otherwise one `symbols.plotPoint` per cell.
  public let usesBraille: Bool
  /// What ASCII cells are drawn with.
  public var pointSymbol: String

  private var dots: [UInt8]
  private var styles: [Style]

  public init(width: Int, height: Int, symbols: SymbolSet = .unicode) {
    self.width = Swift.max(0, width)
    self.height = Swift.max(0, height)
    usesBraille = symbols.isUnicode
    pointSymbol = symbols.plotPoint
    dots = Array(repeating: 0, count: self.width * self.height)
    styles = Array(repeating: .plain, count: self.width * self.height)
  }

  /// Dots across: 2 per cell with braille, 1 without.
  public var pixelWidth: Int { usesBraille ? width * 2 : width }
  /// Dots down: 4 per cell with braille, 1 without.
  public var pixelHeight: Int { usesBraille ? height * 4 : height }

  // MARK: - Plotting

  /// Raises the dot at (`x`, `y`); outside the canvas it is ignored.
  public mutating func set(x: Int, y: Int, style: Style = .plain) {
    guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
    let column = usesBraille ? x / 2 : x
    let row = usesBraille ? y / 4 : y
    let index = row * width + column
    dots[index] |= usesBraille ? Self.dotBits[y % 4][x % 2] : 1
    styles[index] = style
  }

  /// Whether any dot in cell (`column`, `row`) is raised.
  public func isOccupied(column: Int, row: Int) -> Bool {
    guard column >= 0, row >= 0, column < width, row < height else { return false }
    return dots[row * width + column] != 0
  }

  /// Raises the dot nearest to (`x`, `y`) in fractional dot coordinates; non-finite is ignored.
  public mutating func point(x: Double, y: Double, style: Style = .plain) {
    guard x.isFinite, y.isFinite, x > -1, y > -1, x < Double(pixelWidth), y < Double(pixelHeight) else { return }
    set(x: Int(x.rounded()), y: Int(y.rounded()), style: style)
  }

  /// A straight line of dots between two dots, both ends included (Bresenham).
  public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: Style = .plain) {
    line(from: (Double(start.x), Double(start.y)), to: (Double(end.x), Double(end.y)), style: style)
  }

  /// A line between fractional dot coordinates, clipped to the canvas first so far-away or huge
  /// coordinates cost nothing; non-finite ends draw nothing.
  public mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), style: Style = .plain) {
    guard pixelWidth > 0, pixelHeight > 0 else { return }
    guard let clipped = Self.clip(
      start, end, maxX: Double(pixelWidth) - 0.5, maxY: Double(pixelHeight) - 0.5)
    else { return }
    var x0 = Int(clipped.0.x.rounded()), y0 = Int(clipped.0.y.rounded())
    let x1 = Int(clipped.1.x.rounded()), y1 = Int(clipped.1.y.rounded())
    let dx = abs(x1 - x0), dy = -abs(y1 - y0)
    let stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1
    var error = dx + dy
    while true {
      set(x: x0, y: y0, style: style)
      if x0 == x1 && y0 == y1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x0 += stepX
      }
      if doubled <= dx {
        error += dx
        y0 += stepY
      }
    }
  }

  // MARK: - Drawing

  /// Draws the occupied cells into `area` (from its top-left corner, clipped to it).
  public func render(in area: Rect, buffer: inout Buffer) {
    let rows = Swift.min(height, area.height), columns = Swift.min(width, area.width)
    guard rows > 0, columns > 0 else { return }
    for row in 0..<rows {
      for column in 0..<columns {
        let index = row * width + column
        let pattern = dots[index]
        guard pattern != 0 else { continue }
        let symbol = usesBraille ? SymbolSet.braille(pattern) : pointSymbol
        buffer[area.x + column, area.y + row] = Cell(symbol, style: styles[index])
      }
    }
  }

  // MARK: - Private

  /// Braille bits by [row][column] inside a cell (Unicode dot numbering 1-8).
  private static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

  /// Cohen–Sutherland clipping of a segment to [-0.49, maxX]×[-0.49, maxY]. A clipped end is
  /// set exactly on the boundary, so ends far away (1e300) keep full precision.
  private static func clip(
    _ start: (x: Double, y: Double), _ end: (x: Double, y: Double), maxX: Double, maxY: Double
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite else { return nil }
    let minimum = -0.49
    let right = maxX - 0.01, bottom = maxY - 0.01
    func code(_ point: (x: Double, y: Double)) -> Int {
      (point.x < minimum ? 1 : 0) | (point.x > right ? 2 : 0) | (point.y < minimum ? 4 : 0) | (point.y > bottom ? 8 : 0)
    }
    var a = start, b = end
    var codeA = code(a), codeB = code(b)
    for _ in 0..<8 {
      if codeA | codeB == 0 { return (a, b) }
      if codeA & codeB != 0 { return nil }
      let outside = codeA != 0 ? codeA : codeB
      let from = codeA != 0 ? a : b, to = codeA != 0 ? b : a
      var moved = from
      if outside & 1 != 0 {
        moved = (minimum, from.y + (to.y - from.y) * ((minimum - from.x) / (to.x - from.x)))
      } else if outside & 2 != 0 {
        moved = (right, from.y + (to.y - from.y) * ((right - from.x) / (to.x - from.x)))
      } else if outside & 4 != 0 {
        moved = (from.x + (to.x - from.x) * ((minimum - from.y) / (to.y - from.y)), minimum)
      } else {
        moved = (from.x + (to.x - from.x) * ((bottom - from.y) / (to.y - from.y)), bottom)
      }
      guard moved.x.isFinite, moved.y.isFinite else { return nil }
      if codeA != 0 {
        a = moved
        codeA = code(a)
      } else {
        b = moved
        codeB = code(b)
      }
    }
    return codeA | codeB == 0 ? (a, b) : nil
  }
}
