/// A grid of values as colour, two vertical pixels per cell, with markers on top.
///
/// With Unicode and colour, each cell is an upper half block `▀` whose foreground is the upper
/// pixel's colour and background the lower one's. Without colour or in ASCII there are no half
/// blocks: one value per cell, drawn as a shade character (coloured when colours exist).
/// The grid is resampled (nearest value) to the rect.
///
/// Grid and markers share data coordinates: the grid spans `xRange` left to right and `yRange`
/// bottom to top, so row 0 of `values` is the top row at `yRange.upperBound`.
///
/// ```swift
/// let map = Heatmap(
///   rows: 40, columns: 40, values: outputs, scale: theme.signedScale(limit: 1), symbols: theme.symbols,
///   xRange: -6...6, yRange: -6...6, points: samples.map { .init(x: $0.x, y: $0.y, symbol: "●") })
/// map.render(in: area, buffer: &buffer)
/// ```
public struct Heatmap: Widget, Sendable {
  /// A marker drawn over the grid at a data position.
  public struct Point: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var symbol: String
    public var style: Style

    public init(x: Double, y: Double, symbol: String, style: Style = .plain) {
      self.x = x
      self.y = y
      self.symbol = symbol
      self.style = style
    }
  }

  public var rows: Int
  public var columns: Int
  /// `rows × columns` values, row-major, row 0 at the top; missing values count as NaN.
  public var values: [Double]
  public var scale: ColorScale
  public var symbols: SymbolSet
  public var xRange: ClosedRange<Double>
  public var yRange: ClosedRange<Double>
  /// Markers, drawn in order after the path (later ones win).
  public var points: [Point]
  /// A trail of positions joined by dots; its last position gets the filled "current" marker.
  public var path: [(x: Double, y: Double)]
  public var pathStyle: Style

  public init(
    rows: Int, columns: Int, values: [Double], scale: ColorScale, symbols: SymbolSet = .unicode,
    xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, points: [Point] = [],
    path: [(x: Double, y: Double)] = [], pathStyle: Style = Style(bold: true)
  ) {
    self.rows = Swift.max(0, rows)
    self.columns = Swift.max(0, columns)
    self.values = values
    self.scale = scale
    self.symbols = symbols
    self.xRange = xRange ?? 0...Double(Swift.max(1, columns))
    self.yRange = yRange ?? 0...Double(Swift.max(1, rows))
    self.points = points
    self.path = path
    self.pathStyle = pathStyle
  }

  /// Whether cells are drawn as two half-block pixels (Unicode and at least 8 colours).
  public var usesHalfBlocks: Bool { symbols.isUnicode && scale.colorCount >= 8 }

  // MARK: - Drawing

  public func render(in area: Rect, buffer: inout Buffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let pixelRows = usesHalfBlocks ? area.height * 2 : area.height
    for row in 0..<area.height {
      for column in 0..<area.width {
        let cell: Cell
        if usesHalfBlocks {
          let upper = sample(column: column, width: area.width, pixelRow: 2 * row, pixelRows: pixelRows)
          let lower = sample(column: column, width: area.width, pixelRow: 2 * row + 1, pixelRows: pixelRows)
          cell = Cell(
            symbols.upperHalf, style: Style(foreground: scale.color(upper), background: scale.color(lower)))
        } else {
          let value = sample(column: column, width: area.width, pixelRow: row, pixelRows: pixelRows)
          cell = Cell(scale.shade(value, symbols: symbols), style: Style(foreground: scale.color(value)))
        }
        buffer[area.x + column, area.y + row] = cell
      }
    }
    drawPath(in: area, buffer: &buffer)
    for point in points {
      draw(symbol: point.symbol, style: point.style, at: (point.x, point.y), in: area, buffer: &buffer)
    }
  }

  /// The cell (column, row) inside a `width`×`height` rect showing data position (`x`, `y`),
  /// or nil when it lies outside the ranges.
  public func cell(for position: (x: Double, y: Double), width: Int, height: Int) -> (column: Int, row: Int)? {
    guard width > 0, height > 0, position.x.isFinite, position.y.isFinite else { return nil }
    guard xRange.contains(position.x), yRange.contains(position.y) else { return nil }
    let xSpan = xRange.upperBound - xRange.lowerBound, ySpan = yRange.upperBound - yRange.lowerBound
    let fractionX = xSpan > 0 ? (position.x - xRange.lowerBound) / xSpan : 0.5
    let fractionY = ySpan > 0 ? (yRange.upperBound - position.y) / ySpan : 0.5
    return (Swift.min(width - 1, Int(fractionX * Double(width))), Swift.min(height - 1, Int(fractionY * Double(height))))
  }

  // MARK: - Private

  /// The grid value nearest to pixel (`column`, `pixelRow`).
  private func sample(column: Int, width: Int, pixelRow: Int, pixelRows: Int) -> Double {
    guard rows > 0, columns > 0 else { return .nan }
    let gridColumn = Swift.min(columns - 1, (2 * column + 1) * columns / (2 * width))
    let gridRow = Swift.min(rows - 1, (2 * pixelRow + 1) * rows / (2 * pixelRows))
    let index = gridRow * columns + gridColumn
    return index < values.count ? values[index] : .nan
  }

  /// The colour under data position `position` in `area` (the pixel the marker covers).
  private func backgroundColor(at position: (x: Double, y: Double), cell: (column: Int, row: Int), in area: Rect) -> Color {
    let pixel = self.cell(for: position, width: area.width, height: area.height * 2)
    let pixelRow = pixel?.row ?? cell.row * 2
    return scale.color(sample(column: cell.column, width: area.width, pixelRow: pixelRow, pixelRows: area.height * 2))
  }

  private func draw(
    symbol: String, style: Style, at position: (x: Double, y: Double), in area: Rect, buffer: inout Buffer
  ) {
    guard let cell = cell(for: position, width: area.width, height: area.height) else { return }
    var markerStyle = style
    if usesHalfBlocks, markerStyle.background == .default {
      markerStyle.background = backgroundColor(at: position, cell: cell, in: area)
    }
    buffer[area.x + cell.column, area.y + cell.row] = Cell(symbol, style: markerStyle)
  }

  private func drawPath(in area: Rect, buffer: inout Buffer) {
    guard let last = path.last else { return }
    var previous: (column: Int, row: Int)?
    for position in path {
      guard let current = cell(for: position, width: area.width, height: area.height) else {
        previous = nil
        continue
      }
      if let previous {
        for (column, row) in Self.cellsOnLine(from: previous, to: current) {
          let center = cellCenter(column: column, row: row, in: area)
          draw(symbol: symbols.markers.pathDot, style: pathStyle, at: center, in: area, buffer: &buffer)
        }
      } else {
        draw(symbol: symbols.markers.pathDot, style: pathStyle, at: position, in: area, buffer: &buffer)
      }
      previous = current
    }
    draw(symbol: symbols.markers.filled, style: pathStyle, at: last, in: area, buffer: &buffer)
  }

  /// The cells on the straight line between two cells, both ends included (Bresenham).
  private static func cellsOnLine(from start: (column: Int, row: Int), to end: (column: Int, row: Int)) -> [(Int, Int)] {
    var cells: [(Int, Int)] = []
    var x = start.column, y = start.row
    let dx = abs(end.column - x), dy = -abs(end.row - y)
    let stepX = x < end.column ? 1 : -1, stepY = y < end.row ? 1 : -1
    var error = dx + dy
    while true {
      cells.append((x, y))
      if x == end.column && y == end.row { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
    return cells
  }

  /// The data position at the centre of cell (`column`, `row`).
  private func cellCenter(column: Int, row: Int, in area: Rect) -> (x: Double, y: Double) {
    let xSpan = xRange.upperBound - xRange.lowerBound, ySpan = yRange.upperBound - yRange.lowerBound
    return (
      xRange.lowerBound + (Double(column) + 0.5) / Double(area.width) * xSpan,
      yRange.upperBound - (Double(row) + 0.5) / Double(area.height) * ySpan
    )
  }
}
