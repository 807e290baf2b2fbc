import NeuralEngine
import TerminalUI

/// Train and test accuracy against steps on a fixed 0–100 % axis, with the network's parameter
/// count above, so two models can be compared by what they reach and what they cost. On a lab
/// that transfers layers: the test accuracy with them and from scratch.
struct AccuracyChartView {
  let playground: Playground

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let session = playground.session
    guard session.trainAccuracy != nil else {
      buffer.write("accuracy applies to classification", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    var chartArea = area
    // Beside a from-scratch twin the count is the same for both: the chart gets the row.
    if area.height >= 6, playground.scratchSession == nil {
      let count = session.network.parameterCount
      let line = Line([
        Span(Self.grouped(count), style: theme.value), Span(" parameters", style: theme.label),
      ])
      buffer.write(line, x: area.x, y: area.y, clip: area)
      chartArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    }
    var series: [LineChart.Series]
    if let scratch = playground.scratchSession {
      // A lab that transfers layers: its test accuracy beside the same network's from scratch,
      // step for step, so the two numbers in the legend are always at the same budget.
      // Scratch first, so the transferring run's curve is drawn over it; scratch is dashed (dots
      // in ASCII) in every mode, and without colour the legend shows the line styles.
      let symbols = theme.symbols, monochrome = theme.colorCount == 0
      series = [
        LineChart.Series(
          name: "scratch", style: theme.trainSeries, points: Self.percentPoints(scratch.history.testAccuracy),
          dashed: symbols.isUnicode, character: symbols.isUnicode ? nil : ".",
          legendSymbol: monochrome ? (symbols.isUnicode ? "┅" : ".") : nil),
        LineChart.Series(
          name: "transfer", style: theme.testSeries, points: Self.percentPoints(session.history.testAccuracy),
          legendSymbol: monochrome ? (symbols.isUnicode ? "━" : "-") : nil),
      ]
    } else {
      series = [
        LineChart.Series(name: "train %", style: theme.trainSeries, points: Self.percentPoints(session.history.trainAccuracy))
      ]
    }
    if playground.scratchSession == nil, !session.history.testAccuracy.isEmpty {
      series.append(
        LineChart.Series(name: "test %", style: theme.testSeries, points: Self.percentPoints(session.history.testAccuracy)))
    }
    LineChart(
      series: series, xRange: 0...Double(max(1, session.stepCount)), yRange: .fixed(lower: 0, upper: 100), theme: theme
    ).render(in: chartArea, buffer: &buffer)
  }

  /// `1,370`: thousands grouped, so parameter counts compare at a glance.
  static func grouped(_ count: Int) -> String {
    let digits = String(count)
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }

  private static func percentPoints(_ series: DownsampledSeries) -> [(x: Double, y: Double)] {
    series.points.map { (x: Double($0.step), y: $0.value * 100) }
  }
}
