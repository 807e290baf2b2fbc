import NeuralEngine

/// The loss surface the bowl view draws: computed in `update`, at most once per frame, never in
/// `render`.
///
/// A single linear neuron's surface, or that of any network whose only parameters are the pair
/// shown, depends only on its ranges, so it is kept until they change; any other network's
/// surface moves with the parameters not shown, so it follows every step.
public struct BowlSurface: Sendable {
  public let first: ParameterID
  public let second: ParameterID
  public let ranges: (ClosedRange<Double>, ClosedRange<Double>)
  public let grid: LossGrid
  /// Points the ranges always hold (the initial values, the bowl's bottom), kept for the run.
  let anchors: [(Double, Double)]

  /// Grid points sampled per frame for networks whose surface needs a forward pass per sample.
  static let forwardPassBudget = 20_000

  /// The surface for `pair` after the session's latest step, reusing `previous` when it still holds.
  static func refreshed(_ previous: BowlSurface?, session: TrainingSession, pair: (ParameterID, ParameterID)) -> BowlSurface {
    let samePair = previous.map { $0.first == pair.0 && $0.second == pair.1 } ?? false
    let anchors = samePair ? previous?.anchors ?? [] : PlotBowlRange.anchors(session: session, pair: pair)
    let path = zip(session.parameterHistory(pair.0), session.parameterHistory(pair.1)).map { ($0, $1) }
    let current = (session.network[pair.0], session.network[pair.1])
    let ranges = PlotBowlRange.choose(anchors: anchors, path: path + [current])
    let linear = PlotBowlRange.isLinearUnit(session)
    if PlotBowlRange.hasFixedSurface(session), samePair, let previous, previous.ranges == ranges {
      return previous
    }
    let (columns, rows) = resolution(
      linear: linear, fixed: PlotBowlRange.hasFixedSurface(session), trainCount: session.trainCount)
    let grid = session.lossSurface(parameters: pair, ranges: ranges, columns: columns, rows: rows)
    return BowlSurface(first: pair.0, second: pair.1, ranges: ranges, grid: grid, anchors: anchors)
  }

  /// Grid size: pixel-fine for the linear unit (O(1) per point); within a larger one-off
  /// budget for another fixed surface (computed once per range, not per frame); else within the
  /// per-frame forward-pass budget.
  private static func resolution(linear: Bool, fixed: Bool, trainCount: Int) -> (columns: Int, rows: Int) {
    if linear { return (120, 80) }
    let budget = fixed ? 20 * forwardPassBudget : forwardPassBudget
    let points = max(16, budget / max(1, trainCount))
    var columns = 60, rows = 40
    while columns * rows > points, columns > 4 {
      columns = columns * 3 / 4
      rows = max(4, rows * 3 / 4)
    }
    return (columns, rows)
  }
}
