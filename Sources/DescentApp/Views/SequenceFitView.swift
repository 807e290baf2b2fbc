import NeuralEngine
import TerminalUI

/// A forecast against what really came: the test part of a series (`sine-wave`), each value
/// next to the network's prediction of it from the values before it.
///
/// The test windows follow each other one step at a time, so their targets, in order, are the
/// series itself; the view draws the most recent `pointsShown` of them and the predictions for
/// the same steps as two braille curves on a fixed axis, and the mean squared error under them.
struct SequenceFitView {
  let playground: Playground

  /// Values drawn: two braille dots per column of a 35-column pane, about three periods.
  static let pointsShown = 70

  /// The true next values and the predictions for the last `pointsShown` test windows, or nil
  /// when the task is not a one-number forecast over sequences.
  static func series(for session: TrainingSession) -> (truth: [Double], predicted: [Double])? {
    let dataset = session.configuration.dataset
    guard dataset.inputShape.rank == 2, dataset.testTargets.width == 1, session.network.outputCount == 1,
      case .regression = dataset.task, dataset.testInputs.count > 0
    else { return nil }
    let count = min(pointsShown, dataset.testInputs.count)
    let first = dataset.testInputs.count - count
    let width = dataset.testInputs.width
    let inputs = Samples(width: width, values: Array(dataset.testInputs.values[(first * width)...]))
    let truth = Array(dataset.testTargets.values[first...])
    let predicted = session.network.predictions(inputs).values
    return (truth, predicted)
  }

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    guard let series = Self.series(for: playground.session) else {
      Paragraph(theme.symbols.displayable("a forecast needs a series to predict (sine-wave)"), style: theme.dim)
        .render(in: area, buffer: &buffer)
      return
    }
    let values = (series.truth + series.predicted).filter(\.isFinite)
    let lower = min(-1.2, values.min() ?? -1.2), upper = max(1.2, values.max() ?? 1.2)
    let chart = LineChart(
      series: [
        LineChart.Series(name: "series", style: theme.testSeries, values: series.truth),
        LineChart.Series(name: "forecast", style: theme.trainSeries, values: series.predicted),
      ],
      xRange: 0...Double(max(1, series.truth.count - 1)),
      yRange: .fixed(lower: max(lower, -3), upper: min(upper, 3)), yScale: .linear, theme: theme)
    let errorRow = area.height >= 6 ? 1 : 0
    chart.render(in: Rect(x: area.x, y: area.y, width: area.width, height: area.height - errorRow), buffer: &buffer)
    guard errorRow == 1 else { return }
    let squares = zip(series.truth, series.predicted).map { ($0 - $1) * ($0 - $1) }
    let error = squares.reduce(0, +) / Double(max(1, squares.count))
    let line = Line([
      Span("last \(series.truth.count) test steps ", style: theme.dim), Span("mse ", style: theme.label),
      Span(NumberFormat.compact(error), style: theme.value),
    ])
    buffer.write(line, x: area.x, y: area.maxY - 1, clip: area)
  }
}
