import NeuralEngine
import TerminalUI

/// Every weight and bias: its value, a bar, its last change and a sparkline of its history,
/// named by feature in the first layer (`size→price  0.300 ████▌   ↑2.1e-3 ▁▂▃▅▆▇`).
///
/// When the rows do not fit, each layer is shown instead as a heatmap of its weight matrix
/// (rows are nodes, columns are inputs, the last column the bias) on a signed colour scale,
/// under its description `Dense(2→8, tanh)`; layers that do not fit are counted, not drawn.
///
/// While the learner chooses a weight (`e`), its row is drawn in the highlight style, or in a
/// heatmap its cell holds a marker (`▲`/`▼` for the upper or lower of a half-block cell's two
/// rows, `◆` or `*` otherwise).
struct WeightsView {
  let playground: Playground

  /// Most columns of the bar.
  private static let barWidth = 8
  /// Columns of a value: `-0.300`, `1.20e-5`.
  private static let valueWidth = 7
  /// Columns of a change: `↑2.1e-3`.
  private static let changeWidth = 7
  /// Most columns of a name; longer names are cut.
  private static let nameWidth = 15

  // MARK: - Drawing

  /// Rows when every parameter fits, heatmaps otherwise.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    let network = playground.session.network
    if network.parameterCount <= area.height {
      drawRows(network.parameterIDs, in: area, buffer: &buffer, theme: theme)
    } else {
      drawHeatmaps(in: area, buffer: &buffer, theme: theme)
    }
  }

  // MARK: - Rows

  private func drawRows(_ parameters: [ParameterID], in area: Rect, buffer: inout Buffer, theme: Theme) {
    let network = playground.session.network
    let symbols = theme.symbols
    let selected = selectedParameter
    let names = parameters.map { name(of: $0, symbols: symbols) }
    let nameWidth = min(Self.nameWidth, names.map { DisplayWidth.of($0) }.max() ?? 0)
    // Beyond name and value: the change, then the bar (3…8 columns), then the sparkline.
    let rest = area.width - nameWidth - 1 - Self.valueWidth
    let showsChange = rest >= 1 + 3 + 1 + Self.changeWidth
    let barWidth = min(Self.barWidth, rest - 1 - (showsChange ? 1 + Self.changeWidth : 0))
    let showsBar = barWidth >= 3
    let historyWidth = min(32, rest - 1 - barWidth - 1 - Self.changeWidth - 1)
    // One scale per layer, so bars compare within a layer.
    var limits = [Double](repeating: 0, count: network.layers.count)
    for block in network.blocks {
      for position in block.range { limits[block.layer] = max(limits[block.layer], abs(network.parameters[position])) }
    }
    limits = limits.map { $0 > 0 && $0.isFinite ? $0 : 1 }
    // Every sparkline on one scale (the pane's lowest to highest recent value), so a weight that
    // moved little looks flat beside one that moved a lot, and no two histories are stretched
    // to the same shape.
    let shownRows = parameters.prefix(max(0, area.height))
    let histories = shownRows.map { Array(playground.session.parameterHistory($0).suffix(max(0, historyWidth))) }
    let historyRange = Self.sharedRange(histories)
    for (row, parameter) in parameters.enumerated() where row < area.height {
      let y = area.y + row
      let position = network.position(of: parameter) ?? 0
      let value = network.parameters[position]
      let layer = network.blocks.last(where: { $0.offset <= position })?.layer ?? 0
      var x = area.x
      if parameter == selected {
        let name = names[row].truncated(toWidth: nameWidth, ellipsis: symbols.ellipsis)
        let padded = name + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name)))
        buffer.write(padded, x: x, y: y, style: theme.highlight, clip: area)
      } else {
        buffer.write(names[row].truncated(toWidth: nameWidth, ellipsis: symbols.ellipsis), x: x, y: y, style: theme.label, clip: area)
      }
      x += nameWidth + 1
      buffer.write(NumberFormat.value(value, width: Self.valueWidth), x: x, y: y, style: theme.signed(value), clip: area)
      x += Self.valueWidth + 1
      if showsBar {
        drawBar(value / limits[layer], width: barWidth, at: x, y: y, buffer: &buffer, theme: theme, style: theme.signed(value))
        x += barWidth + 1
      }
      if showsChange {
        let change = playground.session.lastUpdate(parameter)
        let text = Self.changeText(change, symbols: symbols)
        buffer.write(text, x: x, y: y, style: change == 0 ? theme.dim : theme.signed(change), clip: area)
        x += Self.changeWidth + 1
      }
      if showsChange, showsBar, historyWidth >= 4 {
        Sparkline(values: histories[row], style: theme.dim, symbols: symbols, range: historyRange)
          .render(in: Rect(x: x, y: y, width: historyWidth, height: 1).intersection(area), buffer: &buffer)
      }
    }
  }

  /// The parameter chosen with `e` when this pane shows the choice.
  private var selectedParameter: ParameterID? {
    guard let editor = playground.weightEditor, playground.weightEditorPane == .weights else { return nil }
    return editor.selected
  }

  /// The lowest to the highest finite value of all `histories`; nil when there is none.
  static func sharedRange(_ histories: [[Double]]) -> ClosedRange<Double>? {
    var lower = Double.infinity, upper = -Double.infinity
    for value in histories.joined() where value.isFinite {
      lower = min(lower, value)
      upper = max(upper, value)
    }
    return lower <= upper ? lower...upper : nil
  }

  /// The parameter's name: `size→price` and `bias→price` in the first dense layer, `w2[0,3]`
  /// beyond.
  private func name(of parameter: ParameterID, symbols: SymbolSet) -> String {
    let session = playground.session
    guard parameter.block == "w1" || parameter.block == "b1" else { return parameter.description }
    let denseCount = session.network.denseStages.count
    func node(_ output: Int) -> String {
      if denseCount == 1 {
        let outputs = session.outputNames
        if session.network.outputCount == 1, let only = outputs.first { return only }
        return outputs.count == session.network.outputCount ? outputs[output] : "out\(output + 1)"
      }
      return "h\(output + 1)"
    }
    let arrow = symbols.isUnicode ? symbols.markers.arrowRight : "->"
    let output = parameter.indices.first ?? 0
    guard parameter.block == "w1", parameter.indices.count == 2 else {
      return "bias" + arrow + symbols.displayable(node(output))
    }
    let input = parameter.indices[1]
    let feature = session.featureNames.indices.contains(input) ? session.featureNames[input] : "x\(input + 1)"
    return symbols.displayable(feature) + arrow + symbols.displayable(node(output))
  }

  /// `↑2.1e-3`, `↓0.012`, or `0` before the first step.
  static func changeText(_ change: Double, symbols: SymbolSet) -> String {
    guard change != 0, change.isFinite else { return "0" }
    let arrow = change > 0 ? symbols.markers.arrowUp : symbols.markers.arrowDown
    return arrow + NumberFormat.compact(abs(change))
  }

  /// A bar of `fraction` of `width` (sign ignored) in eighth blocks, or in `+`/`-` in ASCII.
  private func drawBar(_ fraction: Double, width: Int, at x: Int, y: Int, buffer: inout Buffer, theme: Theme, style: Style) {
    let symbols = theme.symbols
    guard fraction.isFinite else { return }
    let eighths = Int((min(1, abs(fraction)) * Double(width * 8)).rounded())
    if symbols.isUnicode {
      for cell in 0..<width {
        let filled = min(8, max(0, eighths - cell * 8))
        if filled > 0 { buffer[x + cell, y] = Cell(symbols.horizontalEighths[filled], style: style) }
      }
    } else {
      let fill = fraction < 0 ? symbols.negativeBarFill : symbols.positiveBarFill
      let cells = (eighths + 4) / 8
      for cell in 0..<cells { buffer[x + cell, y] = Cell(fill, style: style) }
    }
  }

  // MARK: - Heatmaps

  /// One heatmap per weight matrix under its title; in colour with Unicode two matrix rows
  /// share a cell (upper and lower half block), otherwise one row per cell in shade characters.
  private func drawHeatmaps(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let layers = ParameterMatrix.all(in: playground.session.network)
    let halfBlocks = theme.symbols.isUnicode && theme.colorCount >= 8
    let grid = ParameterGrid(network: playground.session.network)
    // The chosen weight's matrix (counting weight blocks as `ParameterMatrix.all` does), row and
    // column.
    let selectedPlace = selectedParameter.flatMap { grid.place(of: $0) }.flatMap { place -> (Int, Int, Int)? in
      guard grid.matrices[place.matrix].weights != nil else { return nil }
      let index = grid.matrices[..<place.matrix].filter { $0.weights != nil }.count
      return (index, place.row, place.column)
    }
    var y = area.y
    for (index, layer) in layers.enumerated() {
      let matrixRows = layer.outputCount
      var cellRows = halfBlocks ? (matrixRows + 1) / 2 : matrixRows
      let remainingLayers = layers.count - index
      // The first layer is always drawn, cut to the rows there are (its title counts the rest),
      // so the pane never shows only a note; later layers are drawn whole or counted.
      var hiddenNeurons = 0
      if index == 0, y + 1 + cellRows > area.maxY, area.height >= 2 {
        let shownRows = area.maxY - y - 1 - (layers.count > 1 ? 1 : 0)
        cellRows = max(1, shownRows)
        hiddenNeurons = matrixRows - (halfBlocks ? 2 * cellRows : cellRows)
      }
      if y + 1 + cellRows > area.maxY {
        let note = "\(remainingLayers) more layer\(remainingLayers == 1 ? "" : "s") (maximise with Enter)"
        if y < area.maxY { buffer.write(theme.symbols.displayable(note), x: area.x, y: y, style: theme.dim, clip: area) }
        return
      }
      let limit = (layer.weights + layer.biases).reduce(0) { max($0, abs($1)) }
      let scale = theme.signedScale(limit: limit > 0 && limit.isFinite ? limit : 1)
      var title = theme.symbols.displayable(layer.description) + "  " + NumberFormat.compact(-limit) + ".." + NumberFormat.compact(limit)
      if hiddenNeurons > 0 { title += "  +\(hiddenNeurons) rows" }
      buffer.write(title, x: area.x, y: y, style: theme.label, clip: area)
      y += 1
      // Columns: each input, a gap, the bias; up to four cells per column when there is room,
      // so a small layer reads as blocks rather than a thin smear.
      let columnCount = layer.inputCount + 1
      let cellWidth = min(4, max(1, area.width / (columnCount + 1)))
      for cellRow in 0..<cellRows {
        for column in 0..<columnCount {
          let x = area.x + column * cellWidth + (column == layer.inputCount ? cellWidth : 0)
          guard x + cellWidth <= area.maxX else { break }
          if halfBlocks {
            let top = value(layer, row: 2 * cellRow, column: column)
            let bottom = 2 * cellRow + 1 < matrixRows ? value(layer, row: 2 * cellRow + 1, column: column) : nil
            let cell: Cell
            if let bottom {
              cell = Cell(theme.symbols.upperHalf, style: Style(foreground: scale.color(top), background: scale.color(bottom)))
            } else {
              cell = Cell(theme.symbols.upperHalf, style: Style(foreground: scale.color(top)))
            }
            for offset in 0..<cellWidth { buffer[x + offset, y + cellRow] = cell }
          } else {
            let weight = value(layer, row: cellRow, column: column)
            let cells = Self.shadedCells(weight, limit: limit, width: cellWidth, scale: scale, theme: theme)
            for (offset, cell) in cells.enumerated() { buffer[x + offset, y + cellRow] = cell }
          }
        }
      }
      if let (matrix, row, column) = selectedPlace, matrix == index {
        let cellRow = halfBlocks ? row / 2 : row
        let x = area.x + column * cellWidth + (column == layer.inputCount ? cellWidth : 0)
        if cellRow < cellRows, x + cellWidth <= area.maxX {
          // With half blocks a cell holds two rows: the triangle points at the chosen one.
          let marker = halfBlocks ? (row % 2 == 0 ? "▲" : "▼") : (theme.symbols.isUnicode ? "◆" : "*")
          for offset in 0..<cellWidth { buffer[x + offset, y + cellRow] = Cell(offset == 0 ? marker : " ", style: theme.highlight) }
        }
      }
      y += cellRows
    }
  }

  /// One weight as `width` cells without half blocks. With colour: a shade in the weight's
  /// colour. Without: a shade for its size that is never blank (`░▒▓█`, ASCII `.:*#`), after a
  /// `+` or `-` for its sign when there are two cells or more, negative ones underlined.
  static func shadedCells(_ weight: Double, limit: Double, width: Int, scale: ColorScale, theme: Theme) -> [Cell] {
    let symbols = theme.symbols
    guard theme.colorCount == 0 else {
      return Array(repeating: Cell(scale.shade(weight, symbols: symbols), style: Style(foreground: scale.color(weight))), count: width)
    }
    let ramp = symbols.isUnicode ? ["░", "▒", "▓", "█"] : [".", ":", "*", "#"]
    let size = limit > 0 && weight.isFinite ? min(1, abs(weight) / limit) : 0
    let shade = ramp[min(ramp.count - 1, Int(size * Double(ramp.count)))]
    let style = theme.signed(weight)
    var cells = Array(repeating: Cell(shade, style: style), count: width)
    if width >= 2 { cells[0] = Cell(weight < 0 ? "-" : "+", style: style) }
    return cells
  }

  /// Weight (`column` < inputs) or bias (the last column) of node `row`.
  private func value(_ layer: ParameterMatrix, row: Int, column: Int) -> Double {
    column < layer.inputCount ? layer.weight(output: row, input: column) : layer.biases[row]
  }
}
