import NeuralEngine

/// The surface a race's paths are drawn on, computed once when the race starts: it is the same
/// for every run (one formula, or one dataset and a network of two parameters) and its range
/// holds still, so a run that flies off leaves the picture instead of shrinking the others.
public struct RaceBowl: Sendable {
  public let grid: LossGrid
  /// Names of the horizontal and vertical axes.
  public let names: (String, String)
  /// The network parameters on the axes; nil for a formula surface (its `x` and `y`).
  public let pair: (ParameterID, ParameterID)?

  /// Grid points per side: fine enough for the largest pane's half-block pixels.
  static let columns = 120
  static let rows = 80

  /// A formula surface over its own view range.
  init(surface: OptimizationSurface) {
    grid = surface.grid(columns: Self.columns, rows: Self.rows)
    names = ("x", "y")
    pair = nil
  }

  /// The loss of `session`'s data over `pair` (default: the first weight and bias), ranged to
  /// hold the start, the lowest point and the start's mirror image across it (where a run that
  /// overshoots without diverging swings to); nil when the session has no such parameters.
  init?(session: TrainingSession, pair chosen: (ParameterID, ParameterID)?) {
    let pair = chosen ?? (ParameterID.weight(layer: 0, output: 0, input: 0), ParameterID.bias(layer: 0, output: 0))
    guard session.network.position(of: pair.0) != nil, session.network.position(of: pair.1) != nil else { return nil }
    var anchors = PlotBowlRange.anchors(session: session, pair: pair)
    if anchors.count == 2 {
      let start = anchors[0], bottom = anchors[1]
      anchors.append((2 * bottom.0 - start.0, 2 * bottom.1 - start.1))
    }
    let ranges = PlotBowlRange.choose(anchors: anchors, path: [])
    grid = session.lossSurface(parameters: pair, ranges: ranges, columns: Self.columns, rows: Self.rows)
    names = LossBowlView.names(pair, network: session.network, featureNames: session.featureNames)
    self.pair = pair
  }

  /// Where `lane` has been (oldest first) and where it is now.
  func walk(of lane: RaceLane) -> (points: [(Double, Double)], current: (Double, Double))? {
    if let descent = lane.descent {
      return (descent.path.map { ($0.x, $0.y) }, (descent.position.x, descent.position.y))
    }
    guard let session = lane.session, let pair else { return nil }
    let points = zip(session.parameterHistory(pair.0), session.parameterHistory(pair.1)).map { ($0, $1) }
    return (points, (session.network[pair.0], session.network[pair.1]))
  }
}
