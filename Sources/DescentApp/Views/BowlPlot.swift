import NeuralEngine
import TerminalUI

/// A loss surface over two parameters drawn as a heatmap (log shading; shade rings without
/// colour or half blocks), with the grid's lowest point (`×`), paths over it and a mark at each
/// path's current point, a caption line and the axes.
///
/// The one drawing of the loss bowl: the playground's bowl draws one path, a race one per run.
struct BowlPlot {
  /// One walk over the surface.
  struct Path {
    /// Points visited, oldest first (non-finite or out-of-range points break nothing; they are
    /// skipped).
    var points: [(Double, Double)]
    /// Where the walk is now (drawn on top with `mark`).
    var current: (Double, Double)
    /// The path's colour.
    var style: Style
    /// What an ASCII canvas draws the path with.
    var character: String
    /// The current point's symbol and style (over the heatmap's colour where it has one).
    var mark: String
    var markStyle: Style
  }

  let grid: LossGrid
  /// Names of the horizontal and vertical parameters.
  let names: (String, String)
  /// The first row's text; nil leaves the row to the plot.
  let caption: String?
  let paths: [Path]

  var ranges: (ClosedRange<Double>, ClosedRange<Double>) { (grid.firstRange, grid.secondRange) }

  /// Draws everything inside `area` only.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let symbols = theme.symbols
    let layout = Layout(area: area, ranges: ranges, symbols: symbols)
    drawLabels(layout, buffer: &buffer, theme: theme)
    let plot = layout.plot
    guard !plot.isEmpty else { return }

    // The surface, one value per half-block pixel (or per cell without half blocks).
    let pixelRows = plot.height * 2
    let columns = grid.columns, rows = grid.rows
    let scale = theme.lossScale(fitting: grid.values, logarithmic: true)
    func value(pixelX: Int, pixelY: Int) -> Double {
      let column = plot.width > 1 ? (pixelX * (columns - 1) + (plot.width - 1) / 2) / (plot.width - 1) : 0
      let row = pixelRows > 1 ? (pixelY * (rows - 1) + (pixelRows - 1) / 2) / (pixelRows - 1) : 0
      return grid[column: min(columns - 1, column), row: min(rows - 1, row)]
    }
    let halfBlocks = theme.colorCount > 0 && symbols.isUnicode
    var backgrounds = [Color](repeating: .default, count: plot.width * plot.height)
    for y in 0..<plot.height {
      for x in 0..<plot.width {
        let top = value(pixelX: x, pixelY: 2 * y), bottom = value(pixelX: x, pixelY: 2 * y + 1)
        let cell: Cell
        if halfBlocks {
          let bottomColor = scale.color(bottom)
          backgrounds[y * plot.width + x] = bottomColor
          cell = Cell(symbols.upperHalf, style: Style(foreground: scale.color(top), background: bottomColor))
        } else {
          // Shade rings from the lighter part of the ramp, so the path and markers stand out.
          let mean = (top + bottom) / 2
          let style = theme.colorCount > 0 ? Style(foreground: scale.color(mean)) : theme.dim
          let lightest = symbols.isUnicode ? 0.75 : 0.6
          cell = Cell(symbols.shade(lightest * (scale.fraction(mean) ?? 0)), style: style)
        }
        buffer[plot.x + x, plot.y + y] = cell
      }
    }
    func background(_ x: Int, _ y: Int) -> Color {
      let index = (y - plot.y) * plot.width + (x - plot.x)
      return index >= 0 && index < backgrounds.count ? backgrounds[index] : .default
    }

    // The lowest grid point, the paths, then the current points on top.
    let bottom = grid.minimumLocation
    if let cell = layout.cell(of: (grid.firstValue(column: bottom.column), grid.secondValue(row: bottom.row))) {
      var style = theme.label
      style.background = background(cell.x, cell.y)
      buffer[cell.x, cell.y] = Cell(symbols.markers.cross, style: style)
    }
    var canvas = BrailleCanvas(width: plot.width, height: plot.height, symbols: symbols)
    for (rank, path) in paths.enumerated() {
      let dots = (path.points + [path.current]).compactMap { layout.dot(of: $0, canvas: canvas) }
      for (start, end) in zip(dots, dots.dropFirst()) {
        canvas.line(from: start, to: end, style: path.style, rank: Double(rank), character: path.character)
      }
      if dots.count == 1, let only = dots.first {
        canvas.set(x: Int(only.x), y: Int(only.y), style: path.style, rank: Double(rank), character: path.character)
      }
    }
    canvas.render(in: plot, buffer: &buffer, background: halfBlocks ? background : nil)
    for path in paths {
      guard let cell = layout.cell(of: path.current) else { continue }
      var style = path.markStyle
      if halfBlocks { style.background = background(cell.x, cell.y) }
      buffer[cell.x, cell.y] = Cell(path.mark, style: style)
    }
  }

  private func drawLabels(_ layout: Layout, buffer: inout Buffer, theme: Theme) {
    let area = layout.area, plot = layout.plot, symbols = theme.symbols
    if layout.hasCaption, let caption {
      buffer.write(caption.truncated(toWidth: area.width, ellipsis: symbols.ellipsis), x: area.x, y: area.y, style: theme.label, clip: area)
    }
    guard layout.hasAxis, !plot.isEmpty else { return }
    // Vertical axis: top and bottom values, the name between.
    let top = PlotText.number(layout.ranges.1.upperBound, width: 5, symbols: symbols)
    let low = PlotText.number(layout.ranges.1.lowerBound, width: 5, symbols: symbols)
    buffer.write(top, x: plot.x - 1 - top.count, y: plot.y, style: theme.dim, clip: area)
    if plot.height >= 2 { buffer.write(low, x: plot.x - 1 - low.count, y: plot.maxY - 1, style: theme.dim, clip: area) }
    if plot.height >= 3 {
      let name = names.1.truncated(toWidth: layout.labelWidth - 1, ellipsis: symbols.ellipsis)
      buffer.write(name, x: plot.x - 1 - DisplayWidth.of(name), y: plot.y + plot.height / 2, style: theme.label, clip: area)
    }
    // Horizontal axis under the plot.
    let axisY = plot.maxY
    let left = PlotText.number(layout.ranges.0.lowerBound, width: 6, symbols: symbols)
    let right = PlotText.number(layout.ranges.0.upperBound, width: 6, symbols: symbols)
    buffer.write(left, x: plot.x, y: axisY, style: theme.dim, clip: area)
    buffer.write(right, x: plot.maxX - right.count, y: axisY, style: theme.dim, clip: area)
    let name = names.0.truncated(toWidth: max(0, plot.width - left.count - right.count - 2), ellipsis: symbols.ellipsis)
    buffer.write(name, x: plot.x + (plot.width - DisplayWidth.of(name)) / 2, y: axisY, style: theme.label, clip: area)
  }
}

// MARK: - Layout

extension BowlPlot {
  /// Where the plot and its labels go, and how parameter values map to cells and dots.
  struct Layout {
    let area: Rect
    /// The heatmap.
    let plot: Rect
    let ranges: (ClosedRange<Double>, ClosedRange<Double>)
    let labelWidth: Int
    let hasCaption: Bool
    let hasAxis: Bool

    init(area: Rect, ranges: (ClosedRange<Double>, ClosedRange<Double>), symbols: SymbolSet) {
      self.area = area
      self.ranges = ranges
      hasCaption = area.height >= 5 && area.width >= 16
      hasAxis = area.height >= 4 && area.width >= 16
      let labels = [ranges.1.lowerBound, ranges.1.upperBound].map { PlotText.number($0, width: 5, symbols: symbols).count }
      labelWidth = hasAxis ? (labels.max() ?? 1) + 1 : 0
      plot = Rect(
        x: area.x + labelWidth, y: area.y + (hasCaption ? 1 : 0), width: area.width - labelWidth,
        height: area.height - (hasCaption ? 1 : 0) - (hasAxis ? 1 : 0))
    }

    /// The plot cell showing `point`, or nil when it lies outside the ranges.
    func cell(of point: (Double, Double)) -> (x: Int, y: Int)? {
      guard let fractions = fractions(point) else { return nil }
      let x = Int((fractions.0 * Double(plot.width - 1)).rounded())
      let pixelY = Int((fractions.1 * Double(plot.height * 2 - 1)).rounded())
      return (plot.x + x, plot.y + pixelY / 2)
    }

    /// `point` in the canvas's dot coordinates, or nil outside the ranges.
    func dot(of point: (Double, Double), canvas: BrailleCanvas) -> (x: Double, y: Double)? {
      guard let fractions = fractions(point) else { return nil }
      return (fractions.0 * Double(canvas.pixelWidth - 1), fractions.1 * Double(canvas.pixelHeight - 1))
    }

    /// Horizontal fraction (0 left) and vertical fraction (0 top) of `point`.
    private func fractions(_ point: (Double, Double)) -> (Double, Double)? {
      guard !plot.isEmpty, point.0.isFinite, point.1.isFinite else { return nil }
      let first = ranges.0, second = ranges.1
      let x = (point.0 - first.lowerBound) / (first.upperBound - first.lowerBound)
      let y = (second.upperBound - point.1) / (second.upperBound - second.lowerBound)
      guard x >= 0, x <= 1, y >= 0, y <= 1 else { return nil }
      return (x, y)
    }
  }
}
