import Foundation
import NeuralEngine
import TerminalUI

/// Every shown run's training loss against steps in one chart: one curve per run in the run's
/// colour, with the run's mark along it and at its end (in ASCII the curve is drawn with the
/// mark), on a log or linear axis (`y`).
///
/// The axis spans the runs still going: a diverged run's curve climbs off the top instead of
/// squashing the others flat; and on a log axis it reaches at most `logDecades` below the top, so
/// a run that has all but reached zero does not squash the others either.
struct RaceLossChartView {
  let race: Race

  /// Powers of ten the log axis spans at most.
  static let logDecades = 6.0

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    chart(theme: theme).render(in: area, buffer: &buffer)
  }

  func chart(theme: Theme) -> LineChart {
    var series: [LineChart.Series] = []
    var shown: [RaceLane] = []
    for (index, lane) in race.lanes.enumerated() where !race.hiddenLanes.contains(index) {
      shown.append(lane)
      let look = RaceLaneLook(index: index, theme: theme)
      let points = lane.lossPoints.map { (x: Double($0.step), y: $0.value) }
      series.append(
        LineChart.Series(
          name: lane.label, style: look.style, points: points,
          character: theme.symbols.isUnicode ? nil : look.mark, mark: look.mark))
    }
    var chart = LineChart(
      series: series, xRange: 0...Double(max(1, race.stepCount)),
      yRange: Self.yRange(lanes: shown, logarithmic: race.usesLogScale),
      yScale: race.usesLogScale ? .logarithmic : .linear, theme: theme)
    chart.showsLegend = false
    return chart
  }

  /// The y span for `lanes`' curves: the runs still going with 5 % to spare (automatic when no
  /// run has a value yet).
  static func yRange(lanes: [RaceLane], logarithmic: Bool) -> LineChart.YRange {
    func values(_ lane: RaceLane) -> [Double] {
      lane.lossPoints.map(\.value).filter { $0.isFinite && (!logarithmic || $0 > 0) }
    }
    let going = lanes.filter { !$0.hasDiverged }.flatMap(values)
    let all = lanes.flatMap(values)
    guard let lowestAll = all.min(), let highestAll = all.max() else { return .automatic(padding: 0.05) }
    let highest = going.max() ?? highestAll
    let lowest = Swift.min(lowestAll, highest)
    if logarithmic {
      // 5 % of the span (at least 0.02 of a decade) above and below, in powers of ten.
      let top = Foundation.log10(highest), bottom = Foundation.log10(lowest)
      let pad = Swift.max(0.02, 0.05 * (top - bottom))
      let upper = top + pad
      let lower = Swift.max(bottom - pad, upper - logDecades)
      return .fixed(lower: Foundation.pow(10, lower), upper: Foundation.pow(10, upper))
    }
    let pad = Swift.max(1e-12, 0.05 * (highest - lowest))
    return .fixed(lower: lowest >= 0 ? Swift.max(0, lowest - pad) : lowest - pad, upper: highest + pad)
  }
}
