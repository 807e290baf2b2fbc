import NeuralEngine
import TerminalUI

/// Train and test loss against steps: braille curves, an auto-scaled y axis (linear or log, key
/// `y`), axis labels, the current values, and a dashed mark where the learning rate changed,
/// labelled with the new rate.
///
/// Reads only the session's bounded histories, so a frame costs the same after a million steps;
/// the drawing is TerminalUI's `LineChart`.
struct LossChartView {
  let playground: Playground

  // MARK: - Drawing

  /// Draws the chart (legend, plot, axes) inside `area`.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    chart(theme: theme).render(in: area, buffer: &buffer)
  }

  /// The line chart for the session as it stands.
  func chart(theme: Theme) -> LineChart {
    let session = playground.session
    // Without colour the curves differ in line style: train solid, test dashed (in ASCII, test
    // is drawn in dots), and the legend shows which is which.
    let monochrome = theme.colorCount == 0
    let symbols = theme.symbols
    var series = [
      LineChart.Series(
        name: "train", style: theme.trainSeries, points: Self.points(session.history.trainLoss),
        legendSymbol: monochrome ? (symbols.isUnicode ? "━" : "-") : nil)
    ]
    if !session.history.testLoss.isEmpty {
      series.append(
        LineChart.Series(
          name: "test", style: theme.testSeries, points: Self.points(session.history.testLoss),
          dashed: monochrome && symbols.isUnicode, character: monochrome && !symbols.isUnicode ? "." : nil,
          legendSymbol: monochrome ? (symbols.isUnicode ? "┅" : ".") : nil))
    }
    let lastStep = max(1, session.stepCount)
    let markers = session.history.learningRateChanges
      .filter { $0.step > 0 && $0.step <= lastStep }
      .map { LineChart.Marker(x: Double($0.step), label: "lr " + formatLearningRate($0.value), style: theme.marker) }
    return LineChart(
      series: series, markers: markers, xRange: 0...Double(lastStep),
      yScale: playground.usesLogScale ? .logarithmic : .linear, theme: theme)
  }

  /// A history's points as (step, loss).
  private static func points(_ series: DownsampledSeries) -> [(x: Double, y: Double)] {
    series.points.map { (x: Double($0.step), y: $0.value) }
  }
}
