import NeuralEngine
import TerminalUI

/// The loss over two parameters as a heatmap (log scale; shade rings in monochrome), with the
/// path gradient descent took, the grid's lowest point (`×`) and the current point (`●`), drawn
/// by `BowlPlot`.
///
/// The two parameters are `playground.bowlPair` (w and b of the first neuron by default). The
/// surface and its ranges are `playground.bowlSurface`, computed in `update`; this view only
/// resamples the grid to the pane's pixels and draws.
public struct LossBowlView {
  private let playground: Playground

  public init(playground: Playground) {
    self.playground = playground
  }

  /// Draws the bowl inside `area` only.
  public func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let symbols = theme.symbols
    guard let pair = playground.bowlPair, let surface = playground.bowlSurface else {
      buffer.fill(area, with: .blank)
      buffer.write("no parameters to show".truncated(toWidth: area.width, ellipsis: symbols.ellipsis), x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    let session = playground.session
    let path = zip(session.parameterHistory(pair.0), session.parameterHistory(pair.1)).map { ($0, $1) }
    let current = (session.network[pair.0], session.network[pair.1])
    let names = Self.names(pair, network: session.network, featureNames: session.featureNames)
    let caption =
      "loss \(PlotText.number(session.trainLoss, width: 7, symbols: symbols)) at \(names.0) \(PlotText.number(current.0, width: 6, symbols: symbols)), "
      + "\(names.1) \(PlotText.number(current.1, width: 6, symbols: symbols))"
    var pathStyle = theme.value
    pathStyle.bold = true
    let walk = BowlPlot.Path(
      points: path, current: current, style: pathStyle, character: symbols.plotPoint, mark: symbols.markers.filled,
      markStyle: theme.marker)
    BowlPlot(grid: surface.grid, names: names, caption: caption, paths: [walk]).render(in: area, buffer: &buffer, theme: theme)
  }

  /// Axis names: `w` and `b` for a neuron on one feature, `w(size)` for one on several, else the
  /// engine's `w1[0,2]` form.
  static func names(_ pair: (ParameterID, ParameterID), network: Network, featureNames: [String]) -> (String, String) {
    func name(_ parameter: ParameterID) -> String {
      guard network.blocks.count == 2, network.outputCount == 1, parameter.block == "w1" || parameter.block == "b1" else {
        return parameter.description
      }
      switch parameter.indices.count {
      case 1: return "b"
      default:
        let input = parameter.indices[1]
        if network.inputCount == 1 { return "w" }
        return input < featureNames.count ? "w(\(featureNames[input]))" : parameter.description
      }
    }
    return (name(pair.0), name(pair.1))
  }
}

// MARK: - Layout

extension LossBowlView {
  /// Where the bowl's plot and labels go (the shared `BowlPlot` layout).
  typealias Layout = BowlPlot.Layout
}
