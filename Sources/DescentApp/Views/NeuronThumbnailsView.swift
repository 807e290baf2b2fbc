import NeuralEngine
import TerminalUI

/// Each hidden neuron's output over the input plane as a small heatmap, one column per hidden
/// layer, first neuron at the top (TF Playground draws them inside the nodes): what each neuron
/// has learned to detect, in the decision boundary's colours.
///
/// A neuron's output is read on the same scale as a class probability: tanh's −1…1 and
/// sigmoid's 0…1 spread over the whole scale, any other activation clamped to −1…1. Thumbnails
/// are square-ish (6×3 or 4×2 cells) a row apart, with a row of layer names when there is room;
/// a layer taller than the area shows its first neurons and `+n`. Only for data with two inputs.
struct NeuronThumbnailsView {
  let playground: Playground

  /// Sizes chosen for an area: thumbnail cells, the row between thumbnails, the header row, and
  /// how many thumbnails each column shows.
  struct Layout: Equatable {
    var thumbnailWidth: Int
    var thumbnailHeight: Int
    var gap: Int
    var hasHeader: Bool
    /// Thumbnails shown per hidden layer (fewer than its neurons when cut).
    var shown: [Int]
    var width: Int { shown.count * thumbnailWidth + max(0, shown.count - 1) }
  }

  /// The hidden layers' sizes, or nil when there is nothing to draw: data without two inputs,
  /// a network that is not a dense stack, or no hidden layer.
  static func hiddenSizes(of playground: Playground) -> [Int]? {
    let network = playground.session.network
    guard playground.configuration.dataset.inputShape == [2], network.isDenseStack else { return nil }
    let sizes = network.denseStages.dropLast().map(\.outputCount)
    return sizes.isEmpty ? nil : Array(sizes)
  }

  /// The most generous layout that fits `height` rows and `width` columns: big thumbnails with
  /// gaps and a header first; then smaller, tighter ones; then the first neurons of each layer
  /// with `+n`. Nil when not even one thumbnail per layer fits.
  static func layout(sizes: [Int], width: Int, height: Int) -> Layout? {
    guard let tallest = sizes.max(), tallest > 0 else { return nil }
    // A row between thumbnails always: touching heatmaps read as one strip.
    let attempts: [(height: Int, gap: Int, header: Bool)] = [(3, 1, true), (2, 1, true), (2, 1, false)]
    func fits(_ layout: Layout) -> Bool { layout.width <= width }
    for attempt in attempts {
      let needed = (attempt.header ? 1 : 0) + tallest * attempt.height + (tallest - 1) * attempt.gap
      let layout = Layout(
        thumbnailWidth: 2 * attempt.height, thumbnailHeight: attempt.height, gap: attempt.gap, hasHeader: attempt.header,
        shown: sizes)
      if needed <= height, fits(layout) { return layout }
    }
    // Cut: the first neurons of each layer, each followed by a gap, and a `+n` row under them.
    let header = height >= 2 * 3 + 2 ? 1 : 0
    let room = (height - header - 1) / 3
    guard room >= 1 else { return nil }
    let layout = Layout(
      thumbnailWidth: 4, thumbnailHeight: 2, gap: 1, hasHeader: header == 1, shown: sizes.map { min($0, room) })
    return fits(layout) ? layout : nil
  }

  // MARK: - Drawing

  /// Draws inside `area` only; nothing when no layout fits.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty, let sizes = Self.hiddenSizes(of: playground),
      let layout = Self.layout(sizes: sizes, width: area.width, height: area.height)
    else { return }
    buffer.fill(area, with: .blank)
    let network = playground.session.network
    let stages = Array(network.denseStages.dropLast())
    let shading = PlaneShading(theme: theme)
    let columns = layout.thumbnailWidth, pixelRows = layout.thumbnailHeight * shading.pixelsPerRow
    // One pass over the pixel grid gives every neuron's output at every pixel.
    let dataset = playground.configuration.dataset
    let first = DecisionBoundaryView.range(dataset, column: 0), second = DecisionBoundaryView.range(dataset, column: 1)
    var points: [(Double, Double)] = []
    for row in 0..<pixelRows {
      let x2 = second.upperBound - (second.upperBound - second.lowerBound) * (Double(row) + 0.5) / Double(pixelRows)
      for column in 0..<columns {
        points.append((first.lowerBound + (first.upperBound - first.lowerBound) * (Double(column) + 0.5) / Double(columns), x2))
      }
    }
    let trace = PlotNetworkEvaluator(playground: playground).trace(at: points)
    let focused = playground.focusedHiddenLayer
    let x0 = area.x + (area.width - layout.width) / 2
    for (index, stage) in stages.enumerated() {
      let x = x0 + index * (columns + 1)
      var y = area.y
      if layout.hasHeader {
        // Layer names; the layer the neuron keys act on stands out.
        let name = "L\(index + 1)"
        let left = max(0, (columns - name.count) / 2)
        let label = String(repeating: " ", count: left) + name + String(repeating: " ", count: max(0, columns - left - name.count))
        buffer.write(label, x: x, y: y, style: index == focused ? theme.highlight : theme.dim, clip: area)
        y += 1
      }
      let layer = network.activatedLayer(of: stage)
      let outputs = points.indices.map { trace.layerOutput(layer, sample: $0).values }
      for neuron in 0..<layout.shown[index] {
        let scores = outputs.map { Self.score($0[neuron], activation: stage.activation) }
        for row in 0..<layout.thumbnailHeight {
          for column in 0..<columns {
            let upper = scores[(row * shading.pixelsPerRow) * columns + column]
            let lower = scores[(row * shading.pixelsPerRow + shading.pixelsPerRow - 1) * columns + column]
            guard area.contains(x: x + column, y: y + row) else { continue }
            buffer[x + column, y + row] = shading.cell(upper: upper, lower: lower, fillsRamp: true)
          }
        }
        y += layout.thumbnailHeight + layout.gap
      }
      let hidden = stage.outputCount - layout.shown[index]
      if hidden > 0 {
        buffer.write("+\(hidden)".truncated(toWidth: columns, ellipsis: theme.symbols.ellipsis), x: x, y: y, style: theme.dim, clip: area)
      }
    }
  }

  /// A neuron's output on the boundary's 0…1 scale: tanh's −1…1 and sigmoid's 0…1 fill it,
  /// anything else is clamped to −1…1 first.
  static func score(_ output: Double, activation: Activation) -> Double {
    guard output.isFinite else { return 0.5 }
    switch activation {
    case .sigmoid: return min(1, max(0, output))
    default: return (min(1, max(-1, output)) + 1) / 2
    }
  }
}
