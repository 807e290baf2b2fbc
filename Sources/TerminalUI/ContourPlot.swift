/// A heatmap with iso-lines: cells where the value crosses into another band get a dot.
///
/// For loss landscapes ("the bowl"): bands are equal steps of the colour scale's position (so
/// on a log scale, equal ratios of loss), the descent path and current point are drawn on top.
/// The iso-line dots make the shape readable even in monochrome and ASCII.
///
/// ```swift
/// let bowl = ContourPlot(
///   heatmap: Heatmap(rows: 41, columns: 41, values: losses, scale: theme.lossScale(fitting: losses),
///                    symbols: theme.symbols, xRange: -3...3, yRange: -3...3, path: descentPath),
///   levels: 8, lineStyle: theme.dim)
/// bowl.render(in: area, buffer: &buffer)
/// ```
public struct ContourPlot: Widget, Sendable {
  public var heatmap: Heatmap
  /// Number of bands the scale is cut into; iso-lines lie between them.
  public var levels: Int
  /// Foreground (and attributes) of the iso-line dots; the background stays the heatmap's.
  public var lineStyle: Style
  /// The iso-line character; nil uses `·` (Unicode) or `~` (ASCII, where `.` is a shade and a path dot).
  public var lineSymbol: String?

  public init(heatmap: Heatmap, levels: Int = 8, lineStyle: Style = .plain, lineSymbol: String? = nil) {
    self.heatmap = heatmap
    self.levels = Swift.max(1, levels)
    self.lineStyle = lineStyle
    self.lineSymbol = lineSymbol
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    heatmap.renderGrid(in: area, buffer: &buffer)
    let symbol = lineSymbol ?? (heatmap.symbols.isUnicode ? "·" : "~")
    var bands: [Int] = []
    bands.reserveCapacity(area.width * area.height)
    for row in 0..<area.height {
      for column in 0..<area.width {
        let value = heatmap.sample(column: column, width: area.width, pixelRow: row, pixelRows: area.height)
        bands.append(band(of: value))
      }
    }
    for row in 0..<area.height {
      for column in 0..<area.width {
        let here = bands[row * area.width + column]
        guard here >= 0 else { continue }
        let right = column + 1 < area.width ? bands[row * area.width + column + 1] : here
        let below = row + 1 < area.height ? bands[(row + 1) * area.width + column] : here
        // Mark only the lower band's side of each crossing, so a line is one cell thick.
        let crossesRight = right >= 0 && right > here
        let crossesBelow = below >= 0 && below > here
        let crossesLeft = column > 0 && bands[row * area.width + column - 1] > here
        let crossesAbove = row > 0 && bands[(row - 1) * area.width + column] > here
        guard crossesRight || crossesBelow || crossesLeft || crossesAbove else { continue }
        let x = area.x + column, y = area.y + row
        var style = lineStyle
        if heatmap.usesHalfBlocks {
          style.background = buffer[x, y].style.background
        }
        buffer[x, y] = Cell(symbol, style: style)
      }
    }
    heatmap.renderOverlays(in: area, buffer: &buffer)
  }

  // MARK: - Private

  /// The band index of `value` (0..<levels), or -1 for NaN.
  private func band(of value: Double) -> Int {
    guard let position = heatmap.scale.fraction(value) else { return -1 }
    return Swift.min(levels - 1, Int(position * Double(levels)))
  }
}
