import NeuralEngine
import TerminalUI

/// What the model predicts over its input space, with the data on top.
///
/// Two inputs, classification: the class-1 probability at every half-block pixel on a diverging
/// scale (pale blue = class 0, pale orange = class 1, white at 0.5; a light shade ramp in
/// monochrome and ASCII), training points as `●` (class 1) and `○` (class 0) in the classes'
/// deep colours, test points dimmed. One input: the fitted curve over the data, x across and y
/// up. Anything else says what it would need.
public struct DecisionBoundaryView {
  private let playground: Playground

  public init(playground: Playground) {
    self.playground = playground
  }

  /// Draws inside `area` only.
  public func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let dataset = playground.session.configuration.dataset
    let inputs = dataset.trainInputs.width
    let plot = Rect(x: area.x, y: area.y, width: area.width, height: area.height - (area.height >= 4 ? 1 : 0))
    switch (dataset.task, inputs) {
    case (.classification, 2):
      drawBoundary(dataset, plot: plot, area: area, buffer: &buffer, theme: theme)
    case (_, 1):
      drawCurve(dataset, plot: plot, area: area, buffer: &buffer, theme: theme)
    default:
      let text = "boundary needs 1 or 2 inputs; \(dataset.name) has \(inputs)"
      buffer.write(text.truncated(toWidth: area.width, ellipsis: theme.symbols.ellipsis), x: area.x, y: area.y, style: theme.dim, clip: area)
    }
  }

  // MARK: - Two inputs

  private func drawBoundary(_ dataset: Dataset, plot: Rect, area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !plot.isEmpty else { return }
    let symbols = theme.symbols
    let first = Self.range(dataset, column: 0), second = Self.range(dataset, column: 1)
    let shading = PlaneShading(theme: theme)
    let halfBlocks = shading.usesHalfBlocks
    let pixelRows = plot.height * shading.pixelsPerRow
    // Evaluate on a grid of at most ~2,000 points (or one per pixel when fewer) and interpolate.
    let evaluator = PlotNetworkEvaluator(playground: playground)
    let budget = max(64, min(2_500, 400_000 / max(1, evaluator.cost)))
    var columns = plot.width, rows = pixelRows
    while columns * rows > budget, columns > 2 || rows > 2 {
      columns = max(2, (columns * 4) / 5)
      rows = max(2, (rows * 4) / 5)
    }
    var points: [(Double, Double)] = []
    points.reserveCapacity(columns * rows)
    for row in 0..<rows {
      let x1 = second.upperBound - (second.upperBound - second.lowerBound) * (Double(row) + 0.5) / Double(rows)
      for column in 0..<columns {
        let x0 = first.lowerBound + (first.upperBound - first.lowerBound) * (Double(column) + 0.5) / Double(columns)
        points.append((x0, x1))
      }
    }
    let outputs = evaluator.outputs(at: points)
    let grid = (0..<outputs.count).map { PlotNetworkEvaluator.classScore(outputs[$0]) }
    func score(_ pixelX: Int, _ pixelY: Int) -> Double {
      // Bilinear interpolation between grid-point centres.
      let gx = max(0, min(Double(columns - 1), (Double(pixelX) + 0.5) * Double(columns) / Double(plot.width) - 0.5))
      let gy = max(0, min(Double(rows - 1), (Double(pixelY) + 0.5) * Double(rows) / Double(pixelRows) - 0.5))
      let x0 = Int(gx), y0 = Int(gy)
      let x1 = min(columns - 1, x0 + 1), y1 = min(rows - 1, y0 + 1)
      let tx = gx - Double(x0), ty = gy - Double(y0)
      let top = grid[y0 * columns + x0] * (1 - tx) + grid[y0 * columns + x1] * tx
      let bottom = grid[y1 * columns + x0] * (1 - tx) + grid[y1 * columns + x1] * tx
      return top * (1 - ty) + bottom * ty
    }
    // Pale colours for the regions (the middle of the scale), deep ones for the points.
    let scale = theme.signedScale(limit: 1)
    var backgrounds = [Color](repeating: .default, count: plot.width * plot.height)
    for y in 0..<plot.height {
      for x in 0..<plot.width {
        let cell: Cell
        if halfBlocks {
          cell = shading.cell(upper: score(x, 2 * y), lower: score(x, 2 * y + 1))
          backgrounds[y * plot.width + x] = cell.style.background
        } else {
          cell = shading.cell(upper: score(x, y), lower: score(x, y))
        }
        buffer[plot.x + x, plot.y + y] = cell
      }
    }
    // Points: test first (dim), training on top.
    let classColors = (zero: scale.color(-1), one: scale.color(1))
    for (samples, targets, isTest) in [(dataset.testInputs, dataset.testTargets, true), (dataset.trainInputs, dataset.trainTargets, false)] {
      for index in 0..<samples.count {
        let point = samples[index]
        let x0 = point[point.startIndex], x1 = point[point.startIndex + 1]
        let fx = (x0 - first.lowerBound) / (first.upperBound - first.lowerBound)
        let fy = (second.upperBound - x1) / (second.upperBound - second.lowerBound)
        guard fx >= 0, fx <= 1, fy >= 0, fy <= 1 else { continue }
        let cellX = plot.x + min(plot.width - 1, Int(fx * Double(plot.width)))
        let cellY = plot.y + min(plot.height - 1, Int(fy * Double(plot.height)))
        let label = Int(targets[index][targets[index].startIndex])
        var style = label == 0 ? theme.negative : theme.positive
        if theme.colorCount > 0 { style.foreground = label == 0 ? classColors.zero : classColors.one }
        style.bold = !isTest
        style.dim = isTest
        if halfBlocks { style.background = backgrounds[(cellY - plot.y) * plot.width + (cellX - plot.x)] }
        let glyph = label == 0 ? symbols.markers.hollow : (label == 1 ? symbols.markers.filled : symbols.markers.triangle)
        buffer[cellX, cellY] = Cell(glyph, style: style)
      }
    }
    drawAxes(names: (dataset.featureNames[0], dataset.featureNames[1]), ranges: (first, second), area: area, plot: plot, buffer: &buffer, theme: theme)
  }

  // MARK: - One input

  private func drawCurve(_ dataset: Dataset, plot: Rect, area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !plot.isEmpty else { return }
    let symbols = theme.symbols
    let xRange = Self.range(dataset, column: 0)
    let yRange = Self.targetRange(dataset)
    var canvas = BrailleCanvas(width: plot.width, height: plot.height, symbols: symbols)
    func dot(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
      ((x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(canvas.pixelWidth - 1),
       (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * Double(canvas.pixelHeight - 1))
    }
    // Data points as single dots (test dimmed), the model's curve drawn over them.
    for (samples, targets, isTest) in [(dataset.testInputs, dataset.testTargets, true), (dataset.trainInputs, dataset.trainTargets, false)] {
      for index in 0..<samples.count {
        let position = dot(samples[index][samples[index].startIndex], targets[index][targets[index].startIndex])
        var style = theme.label
        style.dim = isTest
        canvas.set(x: Int(position.x.rounded()), y: Int(position.y.rounded()), style: style, rank: isTest ? 0 : 1, character: symbols.markers.pathDot)
      }
    }
    let evaluator = PlotNetworkEvaluator(playground: playground)
    var curveStyle = theme.trainSeries
    curveStyle.bold = true
    var previous: (x: Double, y: Double)?
    let xs = (0..<canvas.pixelWidth).map { column in
      xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double(column) / Double(max(1, canvas.pixelWidth - 1))
    }
    let outputs = evaluator.outputs(at: xs.map { ($0, 0) })
    for (column, x) in xs.enumerated() {
      let output = outputs[column]
      let y = dataset.task == .regression ? output[output.startIndex] : PlotNetworkEvaluator.classScore(output)
      guard y.isFinite else { previous = nil; continue }
      let point = dot(x, min(yRange.upperBound + 1e9, max(yRange.lowerBound - 1e9, y)))
      if let previous { canvas.line(from: previous, to: point, style: curveStyle, rank: 2, character: symbols.plotPoint) }
      previous = point
    }
    canvas.render(in: plot, buffer: &buffer)
    let target = dataset.targetNames.first ?? "y"
    drawAxes(names: (dataset.featureNames.first ?? "x", target), ranges: (xRange, yRange), area: area, plot: plot, buffer: &buffer, theme: theme)
  }

  // MARK: - Shared

  /// One line under the plot: `x1 -1.1…1.1 → · x2 ↑ -1.1…1.1`.
  private func drawAxes(
    names: (String, String), ranges: (ClosedRange<Double>, ClosedRange<Double>), area: Rect, plot: Rect,
    buffer: inout Buffer, theme: Theme
  ) {
    guard plot.maxY < area.maxY else { return }
    let symbols = theme.symbols
    func span(_ range: ClosedRange<Double>) -> String {
      "\(PlotText.number(range.lowerBound, width: 5, symbols: symbols))\(symbols.ellipsis)\(PlotText.number(range.upperBound, width: 5, symbols: symbols))"
    }
    let text = "\(names.0)\(symbols.markers.arrowRight) \(span(ranges.0))  \(names.1)\(symbols.markers.arrowUp) \(span(ranges.1))"
    buffer.write(text.truncated(toWidth: area.width, ellipsis: symbols.ellipsis), x: area.x, y: plot.maxY, style: theme.dim, clip: area)
  }

  /// The range of input `column` over both splits, with a 5 % margin.
  static func range(_ dataset: Dataset, column: Int) -> ClosedRange<Double> {
    var values: [Double] = []
    for samples in [dataset.trainInputs, dataset.testInputs] where column < samples.width {
      for index in 0..<samples.count { values.append(samples[index][samples[index].startIndex + column]) }
    }
    return padded(values)
  }

  private static func targetRange(_ dataset: Dataset) -> ClosedRange<Double> {
    var values: [Double] = []
    for samples in [dataset.trainTargets, dataset.testTargets] {
      for index in 0..<samples.count { values.append(samples[index][samples[index].startIndex]) }
    }
    return padded(values)
  }

  private static func padded(_ values: [Double]) -> ClosedRange<Double> {
    let finite = values.filter(\.isFinite)
    let low = finite.min() ?? -1, high = finite.max() ?? 1
    let margin = max((high - low) * 0.05, 1e-6)
    return (low - margin)...(high + margin)
  }
}
