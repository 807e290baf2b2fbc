/// A drawing surface of dots: 2×4 braille dots per cell, or one character per cell in ASCII mode.
///
/// Coordinates are canvas dots: `x` grows right from 0 to `pixelWidth - 1`, `y` grows *down*
/// from 0 to `pixelHeight - 1` (callers flip for charts). Each dot is drawn with a `rank`: where
/// dots of different strokes share a cell, the highest rank gives the cell its style (and, in
/// ASCII, its character); equal ranks go to the later stroke ("last series wins"). Cells with no
/// dots are transparent when rendered.
///
/// In ASCII a line's cells show its slope (`-`, `/`, `\`, `|`) unless a character is given; a
/// dashed line leaves every other pair of dots out (the pattern runs on across calls), so a second curve or a negative weight stays
/// distinguishable without colour.
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
  /// Braille dots when true; otherwise one character per cell.
  public let usesBraille: Bool
  /// What ASCII cells are drawn with when a stroke names no character and has no slope (points).
  public var pointSymbol: String

  private var dots: [UInt8]
  private var characters: [String?]
  private var styles: [Style]
  private var ranks: [Double]
  /// Dots stepped through by dashed lines so far: the dash pattern runs on from one segment to
  /// the next, so a curve made of many short segments is dashed too.
  private var dashPhase = 0

  public init(width: Int, height: Int, symbols: SymbolSet = .unicode) {
    self.width = Swift.max(0, width)
    self.height = Swift.max(0, height)
    usesBraille = symbols.isUnicode
    pointSymbol = symbols.plotPoint
    let count = self.width * self.height
    dots = Array(repeating: 0, count: count)
    characters = Array(repeating: nil, count: count)
    styles = Array(repeating: .plain, count: count)
    ranks = Array(repeating: -.infinity, count: count)
  }

  /// Dots across: 2 per cell with braille, 1 without.
  public var pixelWidth: Int { usesBraille ? width * 2 : width }
  /// Dots down: 4 per cell with braille, 1 without.
  public var pixelHeight: Int { usesBraille ? height * 4 : height }

  // MARK: - Plotting

  /// Raises the dot at (`x`, `y`); outside the canvas it is ignored. In ASCII the cell shows
  /// `character` (default `pointSymbol`) unless a stroke of higher rank holds it.
  public mutating func set(x: Int, y: Int, style: Style = .plain, rank: Double = 0, character: String? = nil) {
    guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
    let column = usesBraille ? x / 2 : x
    let row = usesBraille ? y / 4 : y
    let index = row * width + column
    if usesBraille {
      dots[index] |= Self.dotBits[y % 4][x % 2]
    } else {
      dots[index] = 1
      if rank >= ranks[index] || characters[index] == nil { characters[index] = character ?? pointSymbol }
    }
    if rank >= ranks[index] {
      ranks[index] = rank
      styles[index] = style
    }
  }

  /// Whether any dot in cell (`column`, `row`) is raised.
  public func isOccupied(column: Int, row: Int) -> Bool {
    guard column >= 0, row >= 0, column < width, row < height else { return false }
    return dots[row * width + column] != 0
  }

  /// Raises the dot nearest to (`x`, `y`) in fractional dot coordinates; non-finite is ignored.
  public mutating func point(x: Double, y: Double, style: Style = .plain, rank: Double = 0, character: String? = nil) {
    guard x.isFinite, y.isFinite, x > -1, y > -1, x < Double(pixelWidth), y < Double(pixelHeight) else { return }
    set(x: Int(x.rounded()), y: Int(y.rounded()), style: style, rank: rank, character: character)
  }

  /// A straight line of dots between two dots, both ends included.
  public mutating func line(
    from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: Style = .plain, rank: Double = 0,
    dashed: Bool = false, character: String? = nil
  ) {
    line(
      from: (Double(start.x), Double(start.y)), to: (Double(end.x), Double(end.y)), style: style, rank: rank,
      dashed: dashed, character: character)
  }

  /// A line between fractional dot coordinates. Only the part inside the canvas is stepped
  /// through, so far-away or huge coordinates (a prediction of 1e13) cost nothing; non-finite
  /// ends draw nothing.
  public mutating func line(
    from start: (x: Double, y: Double), to end: (x: Double, y: Double), style: Style = .plain, rank: Double = 0,
    dashed: Bool = false, character: String? = nil
  ) {
    guard pixelWidth > 0, pixelHeight > 0, let (start, end) = clipped(start, end) else { return }
    let dx = end.x - start.x, dy = end.y - start.y
    let steps = Swift.max(1, Int(Swift.max(abs(dx), abs(dy)).rounded(.up)))
    let glyph = character ?? slopeCharacter(dx: dx, dy: dy)
    var lastX = Int.min, lastY = Int.min
    for step in 0...steps {
      let t = Double(step) / Double(steps)
      let x = Int((start.x + dx * t).rounded()), y = Int((start.y + dy * t).rounded())
      if x == lastX && y == lastY { continue }
      lastX = x
      lastY = y
      if dashed {
        let gap = (dashPhase / 2) % 2 == 1
        dashPhase += 1
        if gap { continue }
      }
      set(x: x, y: y, style: style, rank: rank, character: glyph)
    }
  }

  // MARK: - Drawing

  /// Draws the occupied cells into `area` (from its top-left corner, clipped to it and to the
  /// buffer).
  public func render(in area: Rect, buffer: inout Buffer) {
    render(in: area, buffer: &buffer, background: nil)
  }

  /// Draws the occupied cells into `area`; `background`, when given, sets each drawn cell's
  /// background from its buffer position (so dots sit on a heatmap's colours).
  public func render(in area: Rect, buffer: inout Buffer, background: ((_ x: Int, _ y: Int) -> Color)?) {
    let rows = Swift.min(height, area.height), columns = Swift.min(width, area.width)
    guard rows > 0, columns > 0 else { return }
    for row in 0..<rows {
      for column in 0..<columns {
        let index = row * width + column
        guard dots[index] != 0 else { continue }
        let symbol = usesBraille ? SymbolSet.braille(dots[index]) : (characters[index] ?? pointSymbol)
        let x = area.x + column, y = area.y + row
        var style = styles[index]
        if let background { style.background = background(x, y) }
        buffer[x, y] = Cell(symbol, style: style)
      }
    }
  }

  // MARK: - Private

  /// Braille bits by [row][column] inside a cell (Unicode dot numbering 1-8).
  private static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

  /// The ASCII character that follows a line's slope.
  private func slopeCharacter(dx: Double, dy: Double) -> String {
    if abs(dy) <= 0.4 * abs(dx) { return "-" }
    if abs(dy) >= 2.5 * abs(dx) { return "|" }
    return (dy > 0) == (dx > 0) ? "\\" : "/"
  }

  /// The part of the segment inside the canvas (to half a dot beyond its edges), or nil if none
  /// is (Cohen–Sutherland). A clipped end is set exactly on the boundary, so ends far away
  /// (1e300) keep full precision.
  private func clipped(
    _ start: (x: Double, y: Double), _ end: (x: Double, y: Double)
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite else { return nil }
    let minimum = -0.49
    let right = Double(pixelWidth) - 0.51, bottom = Double(pixelHeight) - 0.51
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
