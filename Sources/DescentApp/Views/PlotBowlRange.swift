import Foundation
import NeuralEngine

/// The parameter ranges the loss bowl shows: stable from frame to frame.
///
/// Built from the points that must be visible (the run's initial values, the recorded path, the
/// current values and, for a single linear unit, the least-loss point of a coarse grid), padded
/// and snapped outwards to round steps. The range therefore changes only when the path leaves it,
/// never because of a small move inside it.
enum PlotBowlRange {
  /// Ranges for (`pair.0`, `pair.1`) that hold `anchors` (see `anchors(session:pair:)`) and
  /// `path`, snapped outwards to round steps.
  static func choose(anchors: [(Double, Double)], path: [(Double, Double)]) -> (ClosedRange<Double>, ClosedRange<Double>) {
    let points = anchors + path.filter { $0.0.isFinite && $0.1.isFinite }
    return (snapped(points.map(\.0)), snapped(points.map(\.1)))
  }

  /// The points every range must hold whatever the path does: the run's initial values and,
  /// when the surface is fixed (`hasFixedSurface`), its lowest point, so a learner sees where
  /// the deepest valley lies before the path gets there. They depend only on the configuration
  /// and the pair, so the caller keeps them for the whole run.
  static func anchors(session: TrainingSession, pair: (ParameterID, ParameterID)) -> [(Double, Double)] {
    let initial = initialValues(session: session, pair: pair)
    // Searched around the initial point only, so the answer is the same every frame.
    if hasFixedSurface(session), let bottom = coarseMinimum(session: session, pair: pair, around: [initial]) {
      return [initial, bottom]
    }
    return [initial]
  }

  /// True when the shown pair are all the network has, or it is a linear unit: the surface then
  /// depends on nothing the path changes, and is computed once per range.
  static func hasFixedSurface(_ session: TrainingSession) -> Bool {
    isLinearUnit(session) || session.network.parameterCount == 2
  }

  /// True for a single linear neuron under mean squared error: its surface is a fixed quadratic
  /// the engine samples in O(1) per point.
  static func isLinearUnit(_ session: TrainingSession) -> Bool {
    let network = session.network
    return network.layers.count == 1 && network.outputCount == 1 && network.outputActivation == .linear
      && session.lossFunction == .meanSquaredError
  }

  // MARK: - Private

  /// The pair's values before the first step (the engine draws them from the seed).
  private static func initialValues(session: TrainingSession, pair: (ParameterID, ParameterID)) -> (Double, Double) {
    let parameters = session.initialParameters
    guard let first = session.network.position(of: pair.0), let second = session.network.position(of: pair.1) else {
      return (0, 0)
    }
    return (parameters[first], parameters[second])
  }

  /// The least-loss point of a 15×15 grid, widened until it is not on the grid's edge, refined
  /// once on a grid around it.
  private static func coarseMinimum(
    session: TrainingSession, pair: (ParameterID, ParameterID), around points: [(Double, Double)]
  ) -> (Double, Double)? {
    var first = bounds(points.map(\.0)), second = bounds(points.map(\.1))
    let side = 15
    for _ in 0..<6 {
      let padFirst = max(first.upperBound - first.lowerBound, 1.5)
      let padSecond = max(second.upperBound - second.lowerBound, 1.5)
      let ranges = ((first.lowerBound - padFirst)...(first.upperBound + padFirst), (second.lowerBound - padSecond)...(second.upperBound + padSecond))
      let grid = session.lossSurface(parameters: pair, ranges: ranges, columns: side, rows: side)
      let location = grid.minimumLocation
      let point = (grid.firstValue(column: location.column), grid.secondValue(row: location.row))
      let onEdge = location.column == 0 || location.column == side - 1 || location.row == 0 || location.row == side - 1
      if !onEdge {
        let cellWidth = (ranges.0.upperBound - ranges.0.lowerBound) / Double(side - 1)
        let cellHeight = (ranges.1.upperBound - ranges.1.lowerBound) / Double(side - 1)
        let fine = session.lossSurface(
          parameters: pair,
          ranges: ((point.0 - cellWidth)...(point.0 + cellWidth), (point.1 - cellHeight)...(point.1 + cellHeight)),
          columns: side, rows: side)
        let best = fine.minimumLocation
        return (fine.firstValue(column: best.column), fine.secondValue(row: best.row))
      }
      first = ranges.0
      second = ranges.1
    }
    return nil
  }

  private static func bounds(_ values: [Double]) -> ClosedRange<Double> {
    let low = values.min() ?? 0, high = values.max() ?? 0
    return low...high
  }

  /// `values`' span padded by 15 % (at least ±0.25) and snapped out to a round step.
  private static func snapped(_ values: [Double]) -> ClosedRange<Double> {
    let raw = bounds(values)
    let span = max(raw.upperBound - raw.lowerBound, 0.5)
    let step = niceStep(span / 4)
    let low = Foundation.floor((raw.lowerBound - 0.15 * span) / step) * step
    let high = Foundation.ceil((raw.upperBound + 0.15 * span) / step) * step
    return low...max(high, low + step)
  }

  /// 1, 2 or 5 times a power of ten, at least `value`.
  private static func niceStep(_ value: Double) -> Double {
    guard value.isFinite, value > 0 else { return 1 }
    let power = Foundation.pow(10, Foundation.floor(Foundation.log10(value)))
    for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
    return 10 * power
  }
}
