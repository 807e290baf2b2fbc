import Foundation
import NeuralEngine
import TerminalUI

/// How much gradient the last step's backward pass delivered: to each time step of a recurrent
/// layer (‖∂L/∂hₜ‖, input on the left, output on the right), or to each layer of a deep network
/// (‖∂L/∂W‖, first layer on the left), as bars on a log scale.
///
/// The scale is fixed, so bars from different steps and networks compare: from 10⁻⁸ (no bar) to
/// 1 at the top, raised by whole powers of ten when a gradient is larger. A gradient that has
/// shrunk a hundred-million-fold draws nothing: vanishing, seen as bars that fade towards the
/// input, or as short bars everywhere when a whole network has stalled. Bars are coloured dark
/// (small) to bright (large); in monochrome and ASCII their heights carry it alone. Read from
/// the session after every step.
struct GradientFlowView {
  let playground: Playground

  /// Powers of ten the bars span, below the top of the scale.
  static let decadesShown = 8.0

  /// What the bars stand for.
  struct Bars: Equatable {
    enum Kind: Equatable {
      /// One bar per time step of the first recurrent layer.
      case timeSteps
      /// One bar per layer with weights.
      case layers
    }

    var kind: Kind
    /// Gradient norms, input side first.
    var norms: [Double]
    /// A short name per bar: `t0` … or `1` … for layers.
    var names: [String]
  }

  // MARK: - What is drawn

  /// The norms for the session's last step: per time step for a recurrent network, else per
  /// layer that has weights (dense, convolution, residual), nil when there is no such layer.
  static func bars(for session: TrainingSession) -> Bars? {
    let network = session.network
    if let recurrent = SequenceProbe.recurrentLayer(of: network) {
      let norms = session.timeStepGradientNorms(layer: recurrent.index)
      return Bars(kind: .timeSteps, norms: norms, names: norms.indices.map { "t\($0)" })
    }
    let perLayer = session.gradientNorms
    var squares: [Int: Double] = [:]
    var items: [Int] = []
    for (layer, norm) in perLayer.enumerated() {
      let item = network.descriptionItems[layer]
      guard network.modelDescription.layers.indices.contains(item - 1), carriesWeights(network.modelDescription.layers[item - 1])
      else { continue }
      if squares[item] == nil { items.append(item) }
      squares[item, default: 0] += norm * norm
    }
    guard !items.isEmpty else { return nil }
    let norms = items.map { (squares[$0] ?? 0).squareRoot() }
    return Bars(kind: .layers, norms: norms, names: items.indices.map { "\($0 + 1)" })
  }

  /// Whether a description item holds a weight matrix whose gradient the view follows (batch
  /// normalisation's scale and shift are left out: they are not where a signal fades).
  private static func carriesWeights(_ spec: ModelDescription.LayerSpec) -> Bool {
    switch spec {
    case .dense, .convolution, .residual, .recurrent, .lstm: true
    case .maxPool, .averagePool, .flatten, .dropout, .batchNorm, .activation: false
    }
  }

  // MARK: - Drawing

  /// Draws the header, the bars, their names and the two ends' values inside `area`.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let symbols = theme.symbols
    guard let bars = Self.bars(for: playground.session) else {
      Paragraph(symbols.displayable("no layer with weights to follow"), style: theme.dim).render(in: area, buffer: &buffer)
      return
    }
    let header = bars.kind == .timeSteps ? "gradient per step" : "gradient per layer"
    buffer.write(header, x: area.x, y: area.y, style: theme.label, clip: area)
    let top = Self.scaleTop(bars.norms)
    let range = "log \(NumberFormat.compact(pow(10, top - Self.decadesShown)))\(symbols.isUnicode ? "…" : "..")\(NumberFormat.compact(pow(10, top)))"
    if DisplayWidth.of(header) + 2 + range.count <= area.width {
      buffer.write(range, x: area.maxX - range.count, y: area.y, style: theme.dim, clip: area)
    }
    guard playground.session.stepCount > 0, bars.norms.contains(where: { $0 > 0 && $0.isFinite }) else {
      let message = "take a step (n or space): the bars show the last step's gradient"
      let rest = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
      Paragraph(symbols.displayable(message), style: theme.dim).render(in: rest, buffer: &buffer)
      return
    }
    let footerRows = area.height >= 5 ? 2 : (area.height >= 3 ? 1 : 0)
    let plot = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - footerRows)
    let placement = Placement(count: bars.norms.count, width: area.width)
    let fractions = Self.logFractions(bars.norms, placement: placement)
    drawBars(fractions, placement: placement, in: plot, buffer: &buffer, theme: theme)
    if footerRows >= 1 {
      drawNames(bars, placement: placement, y: plot.maxY, area: area, buffer: &buffer, theme: theme)
    }
    if footerRows >= 2 {
      drawEnds(bars, y: plot.maxY + 1, area: area, buffer: &buffer, theme: theme)
    }
  }

  /// Where the bars go: their width and the gap between them, or binned one per column.
  struct Placement: Equatable {
    /// Bars drawn (fewer than the norms when they are binned).
    var count: Int
    var barWidth: Int
    var gap: Int
    var axis: TimeAxis

    init(count: Int, width: Int) {
      axis = TimeAxis(steps: count, room: width)
      self.count = axis.columns
      if count > 0, count <= width {
        let pitch = (width + 1) / count
        barWidth = max(1, min(3, pitch - 1))
        gap = (barWidth + 1) * count - 1 <= width && pitch >= 2 ? 1 : 0
        if gap == 0 { barWidth = 1 }
      } else {
        barWidth = 1
        gap = 0
      }
    }

    func x(ofBar bar: Int) -> Int { bar * (barWidth + gap) }
  }

  /// log10 of the scale's top: 0 (a gradient of 1), or the next whole power of ten above a
  /// larger gradient.
  static func scaleTop(_ norms: [Double]) -> Double {
    let largest = norms.filter(\.isFinite).max() ?? 0
    return largest > 1 ? log10(largest).rounded(.up) : 0
  }

  /// Each drawn bar's height as a fraction of the log scale (mean log10 over binned bars).
  static func logFractions(_ norms: [Double], placement: Placement) -> [Double] {
    let logs = norms.map { $0 > 0 && $0.isFinite ? log10($0) : -Double.infinity }
    let top = scaleTop(norms)
    let floor = top - decadesShown
    let perBar = placement.axis.isOneStepPerColumn ? logs : placement.axis.binned(logs.map { max($0, floor) })
    return perBar.map { value in value.isFinite ? min(1, max(0, (value - floor) / decadesShown)) : 0 }
  }

  private func drawBars(_ fractions: [Double], placement: Placement, in plot: Rect, buffer: inout Buffer, theme: Theme) {
    guard !plot.isEmpty else { return }
    let eighths = theme.symbols.verticalEighths
    let levels = plot.height * 8
    for (bar, fraction) in fractions.enumerated() {
      let level = Int((fraction * Double(levels)).rounded())
      guard level > 0 else { continue }
      let style = SequenceDrawing.sequentialStyle(0.15 + 0.85 * fraction, theme: theme)
      for row in 0..<plot.height {
        let filled = min(8, level - row * 8)
        guard filled > 0 else { break }
        for dx in 0..<placement.barWidth {
          let x = plot.x + placement.x(ofBar: bar) + dx
          guard x < plot.maxX else { continue }
          buffer[x, plot.maxY - 1 - row] = Cell(eighths[filled], style: style)
        }
      }
    }
  }

  /// Names under the bars: every layer's number when they fit, else the first and last step.
  private func drawNames(_ bars: Bars, placement: Placement, y: Int, area: Rect, buffer: inout Buffer, theme: Theme) {
    let row = Rect(x: area.x, y: y, width: area.width, height: 1)
    let symbols = theme.symbols
    let pitch = placement.barWidth + placement.gap
    let widest = bars.names.map(\.count).max() ?? 0
    if placement.axis.isOneStepPerColumn, widest < pitch {
      for (bar, name) in bars.names.enumerated() {
        buffer.write(name, x: area.x + placement.x(ofBar: bar), y: y, style: theme.dim, clip: row)
      }
      return
    }
    let first = bars.names.first ?? "", last = bars.names.last ?? ""
    let lastX = area.x + placement.x(ofBar: placement.count - 1) + placement.barWidth - last.count
    let arrow = symbols.markers.arrowRight
    let side = bars.kind == .timeSteps ? " input \(arrow)" : " input side"
    buffer.write(first + symbols.displayable(side), x: area.x, y: y, style: theme.dim, clip: row)
    buffer.write(last, x: max(area.x, lastX), y: y, style: theme.dim, clip: row)
  }

  /// `t0 2.1e-9 · t29 0.034`: the gradient at the input end and at the output end.
  private func drawEnds(_ bars: Bars, y: Int, area: Rect, buffer: inout Buffer, theme: Theme) {
    guard let first = bars.norms.first, let last = bars.norms.last else { return }
    let unit = bars.kind == .timeSteps ? "" : "layer "
    let separator = " \(theme.symbols.separator) "
    let line = Line([
      Span(unit + (bars.names.first ?? ""), style: theme.label), Span(" " + NumberFormat.compact(first), style: theme.value),
      Span(separator, style: theme.dim),
      Span(unit + (bars.names.last ?? ""), style: theme.label), Span(" " + NumberFormat.compact(last), style: theme.value),
    ])
    buffer.write(line, x: area.x, y: y, clip: Rect(x: area.x, y: y, width: area.width, height: 1))
  }
}
