import Foundation
import NeuralEngine
import TerminalUI

/// Train and test loss against steps: braille curves, an auto-scaled y axis (linear or log, key
/// `y`), axis labels, the current values, and a dashed mark where the learning rate changed,
/// labelled with the new rate.
///
/// Reads only the session's bounded histories, so a frame costs the same after a million steps.
struct LossChartView {
  let playground: Playground

  init(playground: Playground) {
    self.playground = playground
  }

  /// Columns for the y-axis labels, e.g. `0.0123`.
  private static let labelWidth = 6

  // MARK: - Drawing

  /// Draws the legend in the first row, the plot below it and the step axis in the last row.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    drawLegend(in: Rect(x: area.x, y: area.y, width: area.width, height: 1), buffer: &buffer, theme: theme)
    guard area.height >= 4, area.width >= Self.labelWidth + 6 else { return }
    let plot = Rect(x: area.x + Self.labelWidth + 1, y: area.y + 1, width: area.width - Self.labelWidth - 1, height: area.height - 2)
    let session = playground.session
    let logarithmic = playground.usesLogScale
    let series = [session.history.trainLoss.points, session.history.testLoss.points]
    let lastStep = max(1, session.stepCount, series.compactMap { $0.last?.step }.max() ?? 0)
    let range = Self.valueRange(series, logarithmic: logarithmic)

    drawAxes(plot: plot, range: range, lastStep: lastStep, logarithmic: logarithmic, buffer: &buffer, theme: theme)
    var grid = CorePlotGrid(columns: plot.width, rows: plot.height, braille: theme.symbols.isUnicode, layerCount: 2)
    for (layer, points) in series.enumerated() {
      var previous: (x: Int, y: Int)?
      for point in points {
        guard let y = Self.transform(point.value, logarithmic: logarithmic) else { continue }
        let dot = (
          x: Self.position(Double(point.step), in: 0...Double(lastStep), dots: grid.width),
          y: grid.height - 1 - Self.position(y, in: range, dots: grid.height))
        if let previous { grid.line(from: previous, to: dot, layer: layer) } else { grid.set(x: dot.x, y: dot.y, layer: layer) }
        previous = dot
      }
    }
    drawLearningRateChanges(plot: plot, grid: grid, lastStep: lastStep, buffer: &buffer, theme: theme)
    grid.draw(
      in: plot, buffer: &buffer, styles: [theme.trainSeries, theme.testSeries],
      asciiSymbols: [theme.symbols.plotPoint, theme.symbols.markers.filled])
  }

  /// `━ train 0.0123  ━ test 0.0130` and, on the right, the axis scale.
  private func drawLegend(in row: Rect, buffer: inout Buffer, theme: Theme) {
    let session = playground.session
    let symbols = theme.symbols
    let trainMark = symbols.isUnicode ? symbols.legendLine : symbols.plotPoint
    let testMark = symbols.isUnicode ? symbols.legendLine : symbols.markers.filled
    var spans = [
      Span(trainMark + " ", style: theme.trainSeries), Span("train ", style: theme.label),
      Span(NumberFormat.value(session.trainLoss), style: theme.value),
    ]
    if let testLoss = session.testLoss {
      spans += [
        Span("  " + testMark + " ", style: theme.testSeries), Span("test ", style: theme.label),
        Span(NumberFormat.value(testLoss), style: theme.value),
      ]
    }
    let legend = Line(spans)
    buffer.write(legend, x: row.x, y: row.y, clip: row)
    let scale = playground.usesLogScale ? "log" : "linear"
    if legend.width + 2 + scale.count <= row.width {
      buffer.write(scale, x: row.maxX - scale.count, y: row.y, style: theme.dim, clip: row)
    }
  }

  /// Y labels (top, middle, bottom), the y axis line, and the first and last step below.
  private func drawAxes(
    plot: Rect, range: ClosedRange<Double>, lastStep: Int, logarithmic: Bool, buffer: inout Buffer, theme: Theme
  ) {
    let symbols = theme.symbols
    let axisX = plot.x - 1
    for y in plot.y..<plot.maxY { buffer[axisX, y] = Cell(symbols.axisVertical, style: theme.dim) }
    let labelRows = plot.height >= 5 ? [0, plot.height / 2, plot.height - 1] : [0, plot.height - 1]
    for row in Set(labelRows) {
      let fraction = plot.height > 1 ? 1 - Double(row) / Double(plot.height - 1) : 1
      let value = range.lowerBound + fraction * (range.upperBound - range.lowerBound)
      let text = NumberFormat.compact(logarithmic ? pow(10, value) : value)
      let label = NumberFormat.padLeft(String(text.prefix(Self.labelWidth)), to: Self.labelWidth)
      buffer.write(label, x: axisX - Self.labelWidth, y: plot.y + row, style: theme.dim)
    }
    let axisRow = plot.maxY
    buffer[axisX, axisRow] = Cell(symbols.axisCorner, style: theme.dim)
    buffer.write("0", x: plot.x, y: axisRow, style: theme.dim)
    let last = "step \(lastStep)"
    let lastX = plot.maxX - last.count
    if lastX > plot.x + 2 { buffer.write(last, x: lastX, y: axisRow, style: theme.dim) }
  }

  /// A dashed vertical line at each learning-rate change after the start, labelled `lr 0.1` in
  /// the top row where the label has room; newest first, so the latest label always shows.
  private func drawLearningRateChanges(plot: Rect, grid: CorePlotGrid, lastStep: Int, buffer: inout Buffer, theme: Theme) {
    let changes = playground.session.history.learningRateChanges.filter { $0.step > 0 && $0.step <= lastStep }
    var labelLimit = plot.maxX
    for change in changes.reversed() {
      let dot = Self.position(Double(change.step), in: 0...Double(lastStep), dots: grid.width)
      let column = dot / grid.dotsAcross
      guard column < plot.width else { continue }
      for row in 0..<plot.height where !grid.isOccupied(column: column, row: row) {
        buffer[plot.x + column, plot.y + row] = Cell(theme.symbols.dashedVertical, style: theme.marker)
      }
      let label = "lr " + formatLearningRate(change.value)
      let start = plot.x + column + 1
      if start + label.count <= labelLimit {
        buffer.write(label, x: start, y: plot.y, style: theme.marker)
        labelLimit = plot.x + column - 1
      }
    }
  }

  // MARK: - Scaling

  /// The value on the chart's axis: itself, or its log10 (nil when not positive or not finite).
  private static func transform(_ value: Double, logarithmic: Bool) -> Double? {
    guard value.isFinite else { return nil }
    if logarithmic { return value > 0 ? log10(value) : nil }
    return value
  }

  /// Lowest to highest transformed value of all series, widened when flat.
  private static func valueRange(_ series: [[SeriesPoint]], logarithmic: Bool) -> ClosedRange<Double> {
    var low = Double.infinity, high = -Double.infinity
    for points in series {
      for point in points {
        guard let value = transform(point.value, logarithmic: logarithmic) else { continue }
        low = min(low, value)
        high = max(high, value)
      }
    }
    guard low <= high else { return 0...1 }
    if high - low < 1e-12 {
      let pad = logarithmic ? 0.5 : max(abs(low) * 0.1, 1e-6)
      return (low - pad)...(high + pad)
    }
    return low...high
  }

  /// The dot index (0 ..< `dots`) of `value` along `range`.
  private static func position(_ value: Double, in range: ClosedRange<Double>, dots: Int) -> Int {
    guard dots > 1 else { return 0 }
    let span = range.upperBound - range.lowerBound
    let fraction = span > 0 ? (value - range.lowerBound) / span : 0
    guard fraction.isFinite else { return 0 }
    return min(dots - 1, max(0, Int((fraction * Double(dots - 1)).rounded())))
  }
}
