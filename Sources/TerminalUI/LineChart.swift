import Foundation

/// Curves against x in braille resolution, with axes, labels, markers and a legend.
///
/// The loss chart: train and test loss against steps, linear or log10 y, a dashed mark where the
/// learning rate changed, and the latest values in the legend. The chart owns its rect (it is
/// cleared first). In tiny areas it drops the legend, then the axes, and never draws outside.
///
/// ```swift
/// let chart = LineChart(
///   series: [.init(name: "train", style: theme.trainSeries, points: trainLoss)],
///   markers: [.init(x: 300, label: "lr")], yScale: .logarithmic, theme: theme)
/// chart.render(in: area, buffer: &buffer)
/// ```
public struct LineChart: Widget, Sendable {
  /// One named curve.
  public struct Series: Sendable {
    public var name: String
    public var style: Style
    /// In drawing order; a non-finite y (or non-positive y on a log scale) breaks the curve.
    public var points: [(x: Double, y: Double)]
    /// Drawn with gaps, so the curve is told apart from a solid one without colour.
    public var dashed: Bool
    /// What an ASCII canvas draws the curve with; nil follows the slope (`-`, `/`, `\`, `|`).
    public var character: String?
    /// The mark before the name in the legend; nil is the filled marker.
    public var legendSymbol: String?
    /// A symbol set on the curve at its last point and at a few points spread along it (each
    /// series at its own offsets, so curves on top of each other still show every mark): tells
    /// many curves apart without colour. nil draws the curve alone.
    public var mark: String?

    public init(
      name: String, style: Style = .plain, points: [(x: Double, y: Double)], dashed: Bool = false,
      character: String? = nil, legendSymbol: String? = nil, mark: String? = nil
    ) {
      self.name = name
      self.style = style
      self.points = points
      self.dashed = dashed
      self.character = character
      self.legendSymbol = legendSymbol
      self.mark = mark
    }

    /// A curve from equally spaced values: the i-th value is at `startX + i × stepX`.
    public init(name: String, style: Style = .plain, values: [Double], startX: Double = 0, stepX: Double = 1) {
      self.init(
        name: name, style: style,
        points: values.enumerated().map { (x: startX + Double($0.offset) * stepX, y: $0.element) })
    }
  }

  /// A dashed vertical line at `x` with a short label under the axis.
  public struct Marker: Equatable, Sendable {
    public var x: Double
    public var label: String
    public var style: Style

    public init(x: Double, label: String = "", style: Style = .plain) {
      self.x = x
      self.label = label
      self.style = style
    }
  }

  /// How y values map to rows.
  public enum YScale: Equatable, Sendable {
    case linear
    /// log10 of y; values ≤ 0 are skipped.
    case logarithmic
  }

  /// Which y values the plot spans.
  public enum YRange: Equatable, Sendable {
    /// From the smallest to the largest shown value, widened by `padding` of the span each side
    /// (in log10 units on a log scale); never below zero for non-negative data on a linear scale.
    case automatic(padding: Double)
    /// Exactly `lower…upper` (values outside are clipped).
    case fixed(lower: Double, upper: Double)

    public static let automatic = YRange.automatic(padding: 0.05)
  }

  public var series: [Series]
  public var markers: [Marker]
  /// The x span; nil spans the data.
  public var xRange: ClosedRange<Double>?
  public var yRange: YRange
  public var yScale: YScale
  public var symbols: SymbolSet
  public var axisStyle: Style
  public var labelStyle: Style
  public var showsLegend: Bool

  public init(
    series: [Series], markers: [Marker] = [], xRange: ClosedRange<Double>? = nil, yRange: YRange = .automatic,
    yScale: YScale = .linear, symbols: SymbolSet = .unicode, axisStyle: Style = .plain, labelStyle: Style = .plain,
    showsLegend: Bool = true
  ) {
    self.series = series
    self.markers = markers
    self.xRange = xRange
    self.yRange = yRange
    self.yScale = yScale
    self.symbols = symbols
    self.axisStyle = axisStyle
    self.labelStyle = labelStyle
    self.showsLegend = showsLegend
  }

  /// A chart with the theme's symbols and axis and label styles.
  public init(
    series: [Series], markers: [Marker] = [], xRange: ClosedRange<Double>? = nil, yRange: YRange = .automatic,
    yScale: YScale = .linear, theme: Theme
  ) {
    self.init(
      series: series, markers: markers, xRange: xRange, yRange: yRange, yScale: yScale, symbols: theme.symbols,
      axisStyle: theme.dim, labelStyle: theme.label)
  }

  // MARK: - Scales

  /// The y value as plotted (log10 on a log scale); nil when it cannot be shown.
  func transformed(_ y: Double) -> Double? {
    guard y.isFinite else { return nil }
    switch yScale {
    case .linear: return Swift.min(1e150, Swift.max(-1e150, y))
    case .logarithmic: return y > 0 ? log10(y) : nil
    }
  }

  private func untransformed(_ value: Double) -> Double {
    yScale == .logarithmic ? pow(10, value) : value
  }

  /// The x span shown: `xRange` or the data's, widened when it is a single value.
  func xBounds() -> (lower: Double, upper: Double) {
    if let xRange, xRange.lowerBound.isFinite, xRange.upperBound.isFinite, xRange.upperBound > xRange.lowerBound {
      return (xRange.lowerBound, xRange.upperBound)
    }
    var lower = Double.infinity, upper = -Double.infinity
    for item in series {
      for point in item.points where point.x.isFinite {
        lower = Swift.min(lower, point.x)
        upper = Swift.max(upper, point.x)
      }
    }
    if lower > upper { return (0, 1) }
    if lower == upper { return (lower - 0.5, upper + 0.5) }
    return (Swift.max(-1e150, lower), Swift.min(1e150, upper))
  }

  /// The transformed y span shown.
  func yBounds() -> (lower: Double, upper: Double) {
    switch yRange {
    case .fixed(let lower, let upper):
      if let low = transformed(lower), let high = transformed(upper), high > low { return (low, high) }
      return yScale == .logarithmic ? (0, 1) : (0, 1)
    case .automatic(let padding):
      var lower = Double.infinity, upper = -Double.infinity
      var rawMinimum = Double.infinity
      for item in series {
        for point in item.points {
          guard let value = transformed(point.y) else { continue }
          lower = Swift.min(lower, value)
          upper = Swift.max(upper, value)
          rawMinimum = Swift.min(rawMinimum, point.y)
        }
      }
      if lower > upper { return (0, 1) }
      if lower == upper {
        let half = lower == 0 ? 0.5 : (yScale == .logarithmic ? 0.5 : abs(lower) * 0.1)
        lower -= half
        upper += half
      } else {
        let pad = (upper - lower) * Swift.max(0, padding.isFinite ? padding : 0)
        lower -= pad
        upper += pad
        // Values that differ in the fourth digit (a loss on a plateau) get a window wide
        // enough that the axis labels differ and the noise is not blown up to full height:
        // 2 %, doubled while the labels (two digits in scientific form) still read the same.
        var narrowest = yScale == .logarithmic ? 0.01 : 0.02 * Swift.max(abs(lower), abs(upper))
        if upper - lower < narrowest {
          let middle = (lower + upper) / 2
          for _ in 0..<8 {
            lower = middle - narrowest / 2
            upper = middle + narrowest / 2
            if NumberFormat.compact(untransformed(lower)) != NumberFormat.compact(untransformed(upper)) { break }
            narrowest *= 2
          }
        }
      }
      if yScale == .linear, rawMinimum >= 0, lower < 0 { lower = 0 }
      return (lower, upper)
    }
  }

  // MARK: - Drawing

  public func render(in area: Rect, buffer: inout Buffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    var chart = area
    if showsLegend, !series.isEmpty, area.height >= 5 {
      drawLegend(in: Rect(x: area.x, y: area.y, width: area.width, height: 1), buffer: &buffer)
      chart = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    }
    let (xLow, xHigh) = xBounds()
    let (yLow, yHigh) = yBounds()
    let labels = yLabels(low: yLow, high: yHigh, rows: chart.height - 2)
    let labelWidth = labels.map { DisplayWidth.of($0.text) }.max() ?? 0
    let hasAxes = chart.height >= 4 && chart.width >= labelWidth + 1 + 4
    var plot = chart
    if hasAxes {
      plot = Rect(x: chart.x + labelWidth + 1, y: chart.y, width: chart.width - labelWidth - 1, height: chart.height - 2)
      drawAxes(plot: plot, labelWidth: labelWidth, labels: labels, xLow: xLow, xHigh: xHigh, buffer: &buffer)
    }
    var canvas = BrailleCanvas(width: plot.width, height: plot.height, symbols: symbols)
    let xScale = Double(canvas.pixelWidth - 1) / (xHigh - xLow)
    let yScaleFactor = Double(canvas.pixelHeight - 1) / (yHigh - yLow)
    func pixel(_ point: (x: Double, y: Double)) -> (x: Double, y: Double)? {
      guard point.x.isFinite, let value = transformed(point.y) else { return nil }
      return ((point.x - xLow) * xScale, (yHigh - value) * yScaleFactor)
    }
    // Markers first, so curves draw over them.
    let dashed = symbols.dashedVertical
    for marker in markers where marker.x.isFinite && marker.x >= xLow && marker.x <= xHigh {
      let column = plot.x + Int(((marker.x - xLow) * xScale).rounded()) / (canvas.usesBraille ? 2 : 1)
      for row in plot.y..<plot.maxY where column < plot.maxX {
        buffer[column, row] = Cell(dashed, style: marker.style)
      }
      if hasAxes, !marker.label.isEmpty { drawMarkerLabel(marker, column: column, plot: plot, buffer: &buffer) }
    }
    for item in series {
      var previous: (x: Double, y: Double)?
      for (index, point) in item.points.enumerated() {
        guard let current = pixel(point) else {
          previous = nil
          continue
        }
        if let previous {
          canvas.line(from: previous, to: current, style: item.style, dashed: item.dashed, character: item.character)
        } else if index + 1 >= item.points.count || pixel(item.points[index + 1]) == nil {
          canvas.point(x: current.x, y: current.y, style: item.style, character: item.character)
        }
        previous = current
      }
    }
    canvas.render(in: plot, buffer: &buffer)
    drawMarks(plot: plot, canvas: canvas, pixel: pixel, buffer: &buffer)
  }

  // MARK: - Private

  /// Sets each marked series' symbol at its last drawable point and near evenly spaced x
  /// positions, staggered by the series' place so that identical curves show all their marks.
  private func drawMarks(
    plot: Rect, canvas: BrailleCanvas, pixel: ((x: Double, y: Double)) -> (x: Double, y: Double)?,
    buffer: inout Buffer
  ) {
    let dotsPerColumn = canvas.usesBraille ? 2.0 : 1.0, dotsPerRow = canvas.usesBraille ? 4.0 : 1.0
    let slots = Swift.max(1, plot.width / 12)
    for (index, item) in series.enumerated() {
      guard let mark = item.mark else { continue }
      let drawable = item.points.compactMap { pixel($0) }
      guard let last = drawable.last else { continue }
      var targets: [(x: Double, y: Double)] = []
      let offset = (Double(index) + 1) / Double(series.count + 1)
      let span = Double(canvas.pixelWidth - 1)
      for slot in 0..<slots {
        let x = span * (Double(slot) + offset) / Double(slots)
        guard x < last.x, let nearest = drawable.min(by: { Swift.abs($0.x - x) < Swift.abs($1.x - x) }) else { continue }
        targets.append(nearest)
      }
      for target in targets + [last] {
        let column = plot.x + Int(target.x / dotsPerColumn), row = plot.y + Int(target.y / dotsPerRow)
        guard column >= plot.x, column < plot.maxX, row >= plot.y, row < plot.maxY else { continue }
        buffer[column, row] = Cell(mark, style: item.style)
      }
    }
  }

  private struct AxisLabel {
    var text: String
    var rowFromTop: Int
  }

  /// Labels for the top, bottom and (when there is room) middle rows of a plot `rows` high.
  private func yLabels(low: Double, high: Double, rows: Int) -> [AxisLabel] {
    guard rows >= 2 else { return [] }
    var labels = [
      AxisLabel(text: NumberFormat.compact(untransformed(high)), rowFromTop: 0),
      AxisLabel(text: NumberFormat.compact(untransformed(low)), rowFromTop: rows - 1),
    ]
    if rows >= 7 {
      let middleRow = (rows - 1) / 2
      let value = high - (high - low) * Double(middleRow) / Double(rows - 1)
      labels.append(AxisLabel(text: NumberFormat.compact(untransformed(value)), rowFromTop: middleRow))
    }
    return labels
  }

  private func drawAxes(
    plot: Rect, labelWidth: Int, labels: [AxisLabel], xLow: Double, xHigh: Double, buffer: inout Buffer
  ) {
    let axisColumn = plot.x - 1
    let vertical = Cell(symbols.axisVertical, style: axisStyle)
    let horizontal = Cell(symbols.axisHorizontal, style: axisStyle)
    for row in plot.y..<plot.maxY {
      buffer[axisColumn, row] = vertical
    }
    buffer[axisColumn, plot.maxY] = Cell(symbols.axisCorner, style: axisStyle)
    for column in plot.x..<plot.maxX {
      buffer[column, plot.maxY] = horizontal
    }
    let labelClip = Rect(x: plot.x - 1 - labelWidth, y: plot.y, width: labelWidth, height: plot.height)
    for label in labels {
      let text = NumberFormat.padLeft(label.text, to: labelWidth)
      buffer.write(text, x: labelClip.x, y: plot.y + label.rowFromTop, style: labelStyle, clip: labelClip)
    }
    let row = plot.maxY + 1
    let rowClip = Rect(x: plot.x, y: row, width: plot.width, height: 1)
    let left = NumberFormat.compact(xLow), right = NumberFormat.compact(xHigh)
    let rightWidth = DisplayWidth.of(right)
    if DisplayWidth.of(left) + 1 + rightWidth <= plot.width {
      buffer.write(left, x: plot.x, y: row, style: labelStyle, clip: rowClip)
      buffer.write(right, x: plot.maxX - rightWidth, y: row, style: labelStyle, clip: rowClip)
    } else {
      buffer.write(right, x: plot.maxX - rightWidth, y: row, style: labelStyle, clip: rowClip)
    }
  }

  /// Writes the marker's label under the axis, centred on its column, when it does not touch the
  /// end labels.
  private func drawMarkerLabel(_ marker: Marker, column: Int, plot: Rect, buffer: inout Buffer) {
    let (xLow, xHigh) = xBounds()
    let width = DisplayWidth.of(marker.label)
    let start = Swift.min(plot.maxX - width, Swift.max(plot.x, column - width / 2))
    let leftEnd = plot.x + DisplayWidth.of(NumberFormat.compact(xLow))
    let rightStart = plot.maxX - DisplayWidth.of(NumberFormat.compact(xHigh))
    guard start > leftEnd, start + width < rightStart else { return }
    buffer.write(marker.label, x: start, y: plot.maxY + 1, style: marker.style, clip: plot.row(at: plot.maxY + 1))
  }

  /// One entry per series: its marker, name and latest value.
  private func drawLegend(in row: Rect, buffer: inout Buffer) {
    var column = row.x
    for item in series {
      if column > row.x { column += 2 }
      column = buffer.write(item.legendSymbol ?? symbols.markers.filled, x: column, y: row.y, style: item.style, clip: row)
      column = buffer.write(" \(item.name) ", x: column, y: row.y, style: labelStyle, clip: row)
      let latest = item.points.last.map { NumberFormat.compact($0.y) } ?? NumberFormat.notANumber
      column = buffer.write(latest, x: column, y: row.y, style: item.style, clip: row)
    }
  }
}

extension Rect {
  /// The one-row rect at `row` spanning the same columns.
  fileprivate func row(at row: Int) -> Rect {
    Rect(x: x, y: row, width: width, height: 1)
  }
}
