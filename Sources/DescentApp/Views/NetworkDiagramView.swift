import Foundation
import NeuralEngine
import TerminalUI

/// The network as columns of nodes joined by its weights, with each node's activation for the
/// training sample the learner picked (`x` cycles it).
///
/// Connections are coloured by the weight's sign (`theme.positive`/`theme.negative`; dashed for
/// negative in monochrome) and drawn by its size relative to its layer's largest: bold from two
/// thirds, plain from one third, dim and dotted below. Only the links worth reading are drawn
/// (every one of a third of the largest or more, and each node's strongest input, as many as
/// the gap has room for); the caption counts the rest. A layer taller than the pane shows its
/// first nodes, `⋮` and `+n`; a network that does not fit side by side is listed as
/// `Dense(2→64, tanh)` lines. While the learner chooses a weight here (`e`), its link is drawn
/// on top in the highlight style, or for a bias its node.
public struct NetworkDiagramView {
  private let playground: Playground

  public init(playground: Playground) {
    self.playground = playground
  }

  /// Draws the diagram inside `area` only.
  public func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let model = Model(playground: playground, symbols: theme.symbols)
    if model.network.isDenseStack, let layout = ColumnLayout(model: model, area: area) {
      drawColumns(model, layout, area: area, buffer: &buffer, theme: theme)
    } else {
      drawList(model, area: area, buffer: &buffer, theme: theme)
    }
  }
}

// MARK: - What is drawn

extension NetworkDiagramView {
  /// The numbers the diagram shows, read once from the playground.
  fileprivate struct Model {
    let network: Network
    /// The dense layers with their activations (drawn as columns for a dense stack).
    let stages: [DenseStage]
    /// Node values per column: the sample's features, then each layer's activations.
    let values: [[Double]]
    let inputNames: [String]
    let outputNames: [String]
    let sampleIndex: Int
    let sampleCount: Int
    /// The column of the hidden layer the neuron keys act on, where the learner can reshape.
    let focusedColumn: Int?

    /// Names are spelled for `symbols` here, so the layout measures what is drawn (`x₁²` is
    /// four columns in ASCII: `x1^2`).
    init(playground: Playground, symbols: SymbolSet) {
      let session = playground.session
      network = session.network
      let reshapes = playground.unlockedControls.contains(.layers) || playground.unlockedControls.contains(.neurons)
      focusedColumn = reshapes ? playground.focusedHiddenLayer.map { $0 + 1 } : nil
      let inputs = session.trainingInputs
      sampleCount = inputs.count
      sampleIndex = sampleCount == 0 ? 0 : playground.shownSampleIndex % sampleCount
      let input = sampleCount == 0 ? [Double](repeating: 0, count: network.inputCount) : Array(inputs[sampleIndex])
      let trace = network.trace(input)
      stages = network.denseStages
      // Each column shows a stage's activations.
      values = [input] + stages.map { [network] stage in trace.layerOutput(network.activatedLayer(of: stage)).values }
      inputNames = (0..<network.inputCount).map { index in
        symbols.displayable(index < session.featureNames.count ? session.featureNames[index] : "x\(index + 1)")
      }
      let targets = session.outputNames
      if network.outputCount == 1 {
        outputNames = [symbols.displayable(targets.first ?? "ŷ")]
      } else if targets.count == network.outputCount {
        outputNames = targets.map(symbols.displayable)
      } else {
        let base = symbols.displayable(targets.first ?? "ŷ")
        outputNames = (0..<network.outputCount).map { "\(base) \($0)" }
      }
    }

    var counts: [Int] { [network.inputCount] + stages.map(\.outputCount) }
  }

  /// Where columns, nodes and labels go when the diagram is drawn as columns.
  fileprivate struct ColumnLayout {
    let leftLabelWidth: Int
    let rightLabelWidth: Int
    /// Whether each column prints its nodes' values after their glyphs.
    let showsValues: [Bool]
    /// Left cell of each column's node glyph.
    let columnX: [Int]
    /// Rows of the shown nodes per column; a truncated column lists only its first nodes.
    let nodeRows: [[Int]]
    /// Hidden node count per column (0 when every node is shown).
    let hiddenCounts: [Int]
    /// Row of the `sample i/n` caption, if there is room for it.
    let captionRow: Int?
    /// Columns between neighbouring node columns, where the links run.
    let gap: Int

    /// Columns taken by a node of `column`: the glyph, plus four for its value.
    func nodeWidth(_ column: Int) -> Int { showsValues[column] ? 5 : 1 }

    init?(model: Model, area: Rect) {
      let counts = model.counts
      let columns = counts.count
      let longestInput = model.inputNames.map(\.count).max() ?? 0
      let longestOutput = model.outputNames.map(\.count).max() ?? 0
      // Most generous first: every value and full labels, then fewer extras, until it fits with
      // room for the connections between columns.
      let every = [Bool](repeating: true, count: columns)
      let ends = (0..<columns).map { $0 == 0 || $0 == columns - 1 }
      let output = (0..<columns).map { $0 == columns - 1 }
      let none = [Bool](repeating: false, count: columns)
      let left = min(longestInput, 8), right = min(longestOutput, 7)
      // Gaps wide enough for the links to read come before the inputs' values.
      let attempts: [(values: [Bool], left: Int, right: Int, gap: Int)] = [
        (every, left, right, 6), (ends, left, right, 6), (output, left, right, 6), (ends, left, right, 4),
        (output, left, right, 4), (none, left, right, 4), (none, left, right, 3), (none, min(left, 3), min(right, 3), 3),
      ]
      guard let choice = attempts.first(where: { attempt in
        let fixed = Self.fixedWidth(values: attempt.values, left: attempt.left, right: attempt.right)
        return fixed + (columns - 1) * attempt.gap <= area.width
      }) else { return nil }
      let tallest = counts.max() ?? 1
      guard area.height >= min(tallest, 3) else { return nil }
      showsValues = choice.values
      leftLabelWidth = choice.left
      rightLabelWidth = choice.right
      let fixed = Self.fixedWidth(values: choice.values, left: choice.left, right: choice.right)
      gap = min(16, (area.width - fixed) / max(1, columns - 1))
      let used = fixed + gap * (columns - 1)
      var x = area.x + (area.width - used) / 2 + (choice.left > 0 ? choice.left + 1 : 0)
      var columnX: [Int] = []
      for column in 0..<columns {
        columnX.append(x)
        x += (choice.values[column] ? 5 : 1) + gap
      }
      self.columnX = columnX
      // A caption row when every column fits with two rows to spare.
      let caption = tallest + 2 <= area.height
      captionRow = caption ? area.maxY - 1 : nil
      let rows = area.height - (caption ? 1 : 0)
      var nodeRows: [[Int]] = []
      var hiddenCounts: [Int] = []
      for count in counts {
        if count <= rows {
          nodeRows.append((0..<count).map { area.y + (2 * $0 + 1) * rows / (2 * count) })
          hiddenCounts.append(0)
        } else {
          let shown = max(1, rows - 2)
          nodeRows.append((0..<shown).map { area.y + $0 })
          hiddenCounts.append(count - shown)
        }
      }
      self.nodeRows = nodeRows
      self.hiddenCounts = hiddenCounts
    }

    private static func fixedWidth(values: [Bool], left: Int, right: Int) -> Int {
      (left > 0 ? left + 1 : 0) + values.reduce(0) { $0 + ($1 ? 5 : 1) } + (right > 0 ? right + 1 : 0)
    }
  }
}

// MARK: - Sharing the pane

extension NetworkDiagramView {
  /// Whether the diagram drawn in `narrowed` reads as well as in `full`: the same labels, the
  /// inputs' and outputs' values wherever `full` shows them, and links as roomy (up to four
  /// columns). Hidden nodes may lose their values: the thumbnails that take the room show what
  /// those neurons compute over the whole plane.
  static func fitsAsWell(playground: Playground, symbols: SymbolSet, full: Rect, narrowed: Rect) -> Bool {
    let model = Model(playground: playground, symbols: symbols)
    guard model.network.isDenseStack, let wide = ColumnLayout(model: model, area: full),
      let narrow = ColumnLayout(model: model, area: narrowed)
    else { return false }
    return narrow.showsValues.first == wide.showsValues.first && narrow.showsValues.last == wide.showsValues.last
      && narrow.leftLabelWidth == wide.leftLabelWidth
      && narrow.rightLabelWidth == wide.rightLabelWidth && narrow.gap >= min(wide.gap, 4)
  }
}

// MARK: - Columns

extension NetworkDiagramView {
  private func drawColumns(_ model: Model, _ layout: ColumnLayout, area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    var shownLinks = 0, totalLinks = 0
    let selected = selectedPlace
    // Connections first, so nodes and labels sit on top.
    for layerIndex in model.stages.indices {
      let layer = model.stages[layerIndex]
      let sources = layout.nodeRows[layerIndex], targets = layout.nodeRows[layerIndex + 1]
      let gapStart = layout.columnX[layerIndex] + layout.nodeWidth(layerIndex)
      let gapEnd = layout.columnX[layerIndex + 1] - 1
      guard gapEnd >= gapStart else { continue }
      let gap = Rect(x: gapStart, y: area.y, width: gapEnd - gapStart + 1, height: area.height)
      var canvas = BrailleCanvas(width: gap.width, height: gap.height, symbols: symbols)
      var largest = 0.0
      var connections: [(source: Int, target: Int, weight: Double)] = []
      for target in targets.indices {
        for source in sources.indices {
          let weight = layer.weight(output: target, input: source)
          largest = max(largest, abs(weight.isFinite ? weight : 0))
          connections.append((source, target, weight))
        }
      }
      totalLinks += connections.count
      connections = Self.legibleLinks(connections, largest: largest, targets: targets.count, room: max(targets.count, gap.width * area.height / 8))
      shownLinks += connections.count
      var chosen: (source: Int, target: Int)?
      if let selected, selected.stage == layerIndex, let input = selected.input,
        sources.indices.contains(input), targets.indices.contains(selected.output)
      {
        chosen = (input, selected.output)
        connections.removeAll { $0.source == input && $0.target == selected.output }
      }
      // Weakest first, so the strong ones stay on top where lines cross.
      for connection in connections.sorted(by: { abs($0.weight) < abs($1.weight) }) {
        let relative = largest > 0 ? abs(connection.weight) / largest : 0
        let strength = LinkStrength(relative: relative)
        var style = theme.signed(connection.weight)
        style.bold = strength == .strong
        style.dim = strength == .weak
        let sourceY = sources[connection.source] - area.y, targetY = targets[connection.target] - area.y
        let dotsPerRow = symbols.isUnicode ? 4 : 1
        let top = symbols.isUnicode ? 1 : 0
        canvas.line(
          from: (0, Double(sourceY * dotsPerRow + top)),
          to: (Double(canvas.pixelWidth - 1), Double(targetY * dotsPerRow + top)), style: style, rank: relative,
          dashed: theme.colorCount == 0 ? connection.weight < 0 : strength == .weak)
      }
      if let chosen {
        let dotsPerRow = symbols.isUnicode ? 4 : 1
        let top = symbols.isUnicode ? 1 : 0
        var style = theme.highlight
        style.bold = true
        canvas.line(
          from: (0, Double((sources[chosen.source] - area.y) * dotsPerRow + top)),
          to: (Double(canvas.pixelWidth - 1), Double((targets[chosen.target] - area.y) * dotsPerRow + top)),
          style: style, rank: 2, dashed: false)
      }
      canvas.render(in: gap, buffer: &buffer)
    }
    // Nodes, values and the "more" marks; the focused layer's nodes reversed, marked above.
    for column in layout.columnX.indices {
      let x = layout.columnX[column]
      let isFocused = column == model.focusedColumn
      if isFocused, let top = layout.nodeRows[column].first, top > area.y {
        buffer.write(symbols.markers.arrowDown, x: x, y: top - 1, style: theme.marker, clip: area)
      }
      for (node, row) in layout.nodeRows[column].enumerated() {
        let value = model.values[column][node]
        let isChosenBias = selected.map { $0.input == nil && $0.stage + 1 == column && $0.output == node } ?? false
        var style = isChosenBias ? theme.highlight : nodeStyle(value, theme: theme)
        if isFocused, !isChosenBias { style.reverse = true }
        buffer.write(nodeGlyph(value, symbols: symbols), x: x, y: row, style: style, clip: area)
        if layout.showsValues[column] {
          let text = PlotText.number(value, width: 4, symbols: symbols)
          buffer.write(String(repeating: " ", count: 4 - text.count) + text, x: x + 1, y: row, style: theme.label, clip: area)
        }
      }
      let hidden = layout.hiddenCounts[column]
      if hidden > 0, let last = layout.nodeRows[column].last {
        buffer.write(PlotText.verticalEllipsis(symbols), x: x, y: last + 1, style: theme.dim, clip: area)
        let more = "+\(hidden)".truncated(toWidth: max(3, layout.nodeWidth(column) + 2), ellipsis: symbols.ellipsis)
        buffer.write(more, x: x, y: last + 2, style: theme.dim, clip: area)
      }
    }
    // Names: features to the left of the inputs, outputs to the right of the outputs.
    if layout.leftLabelWidth > 0 {
      for (node, row) in layout.nodeRows[0].enumerated() {
        let name = symbols.displayable(model.inputNames[node]).truncated(toWidth: layout.leftLabelWidth, ellipsis: symbols.ellipsis)
        buffer.write(name, x: layout.columnX[0] - 1 - DisplayWidth.of(name), y: row, style: theme.label, clip: area)
      }
    }
    if layout.rightLabelWidth > 0, let lastX = layout.columnX.last, let rows = layout.nodeRows.last {
      for (node, row) in rows.enumerated() where node < model.outputNames.count {
        let name = symbols.displayable(model.outputNames[node]).truncated(toWidth: layout.rightLabelWidth, ellipsis: symbols.ellipsis)
        buffer.write(name, x: lastX + layout.nodeWidth(layout.columnX.count - 1) + 1, y: row, style: theme.label, clip: area)
      }
    }
    if let captionRow = layout.captionRow {
      // The links left out are counted: "links: 12 of 18" (the strongest are drawn).
      let sample = "sample \(model.sampleIndex + 1)/\(model.sampleCount)"
      let linkNote = " \(symbols.separator) links: \(shownLinks) of \(totalLinks)"
      let caption: String
      if shownLinks < totalLinks, DisplayWidth.of(sample + ", x: next" + linkNote) <= area.width {
        caption = sample + ", x: next" + linkNote
      } else if shownLinks < totalLinks {
        caption = sample + " (x)" + linkNote
      } else {
        caption = sample + ", x: next"
      }
      let text = caption.truncated(toWidth: area.width, ellipsis: symbols.ellipsis)
      buffer.write(text, x: area.x, y: captionRow, style: theme.dim, clip: area)
    }
  }

  /// The weight or bias chosen with `e` when this pane shows the choice: its dense stage, the
  /// neuron it feeds, and the input it reads (nil for a bias).
  private var selectedPlace: (stage: Int, output: Int, input: Int?)? {
    guard let editor = playground.weightEditor, playground.weightEditorPane == .network else { return nil }
    let parameter = editor.selected
    let name = parameter.block
    guard let kind = name.first, kind == "w" || kind == "b", let number = Int(name.dropFirst()), number >= 1,
      let output = parameter.indices.first
    else { return nil }
    if kind == "w", parameter.indices.count == 2 { return (number - 1, output, parameter.indices[1]) }
    if kind == "b", parameter.indices.count == 1 { return (number - 1, output, nil) }
    return nil
  }

  /// How a link is drawn for the size of its weight relative to the largest of its layer.
  enum LinkStrength: Equatable {
    /// Two thirds of the largest or more: bold.
    case strong
    case medium
    /// Below a third: thin, dim, dotted in colour.
    case weak

    init(relative: Double) {
      self = relative >= 2.0 / 3 ? .strong : (relative >= 1.0 / 3 ? .medium : .weak)
    }
  }

  /// The links of one layer worth drawing in a gap with `room` for that many: every link of a
  /// third of the largest or more, and each target node's strongest incoming link (so every
  /// node shows where its input comes from), the weakest left out first when there is no room.
  /// The rest are counted in the caption, not drawn.
  static func legibleLinks(
    _ links: [(source: Int, target: Int, weight: Double)], largest: Double, targets: Int, room: Int
  ) -> [(source: Int, target: Int, weight: Double)] {
    func size(_ weight: Double) -> Double { weight.isFinite ? abs(weight) : 0 }
    var strongestIn: [Int: Int] = [:]
    for (index, link) in links.enumerated() where strongestIn[link.target].map({ size(links[$0].weight) < size(link.weight) }) ?? true {
      strongestIn[link.target] = index
    }
    let required = Set(strongestIn.values)
    let strong = links.indices.filter { largest > 0 && size(links[$0].weight) / largest >= 1.0 / 3 && !required.contains($0) }
      .sorted { size(links[$0].weight) > size(links[$1].weight) }
    let kept = required.union(strong.prefix(max(0, room - required.count)))
    return links.indices.filter(kept.contains).map { links[$0] }
  }

  /// A shade glyph that darkens with |activation| (never blank, so every node shows).
  /// In ASCII the ramp is `o O @`: the ASCII shades (`-`, `=`, `+`) would read as links.
  private func nodeGlyph(_ value: Double, symbols: SymbolSet) -> String {
    let shades = symbols.isUnicode ? symbols.shades : [" ", "o", "O", "@"]
    guard shades.count > 1 else { return symbols.markers.filled }
    let strength = value.isFinite ? min(1, abs(value)) : 1
    let index = 1 + Int((strength * Double(shades.count - 2)).rounded())
    return shades[min(shades.count - 1, index)]
  }

  private func nodeStyle(_ value: Double, theme: Theme) -> Style {
    guard value.isFinite else { return theme.warning }
    var style = theme.signed(value)
    style.bold = true
    return style
  }
}

// MARK: - List (networks too large for columns)

extension NetworkDiagramView {
  private func drawList(_ model: Model, area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    var lines: [(String, Style)] = [(model.inputNames.joined(separator: ", "), theme.label)]
    let layers: [String] = model.network.isDenseStack ? model.stages.map(\.description) : model.network.layers.map(\.description)
    for description in layers {
      let name = symbols.isUnicode ? description : description.replacingOccurrences(of: "→", with: "->")
      lines.append(("\(symbols.markers.arrowDown) \(name)", theme.value))
    }
    let outputs = model.values.last ?? []
    let named = zip(model.outputNames, outputs).map { "\($0) \(PlotText.number($1, width: 6, symbols: symbols))" }
    lines.append((named.joined(separator: ", "), theme.label))
    if lines.count > area.height, area.height >= 4 {
      // Keep the inputs, the first layers, and the last layer with the outputs.
      let kept = area.height - 3
      let hidden = lines.count - kept - 2
      lines = Array(lines.prefix(kept)) + [("\(PlotText.verticalEllipsis(symbols)) +\(hidden) more layers", theme.dim)] + lines.suffix(2)
    }
    for (offset, line) in lines.prefix(area.height).enumerated() {
      let text = line.0.truncated(toWidth: area.width, ellipsis: symbols.ellipsis)
      buffer.write(text, x: area.x, y: area.y + offset, style: line.1, clip: area)
    }
  }
}
