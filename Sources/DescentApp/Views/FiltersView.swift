import NeuralEngine
import TerminalUI

/// Every kernel of the network's first convolution as a small signed heatmap (orange positive,
/// blue negative, as the weights everywhere in Descent), numbered, on one shared scale so
/// strong and weak filters compare. Redrawn from the session's parameters every frame, so the
/// learner watches random noise turn into stroke detectors while training runs.
struct FiltersView {
  let playground: Playground

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    guard let convolution = playground.convolution else {
      buffer.write("filters need a convolution layer", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    let size = convolution.kernelSize
    let limit = PixelGrid.largestMagnitude(convolution.kernels)
    let grids = (0..<convolution.filters).map { filter in
      PixelGrid(values: convolution.kernel(filter: filter), rows: size, columns: size, kind: .signed(limit: limit))
    }
    guard let first = grids.first else { return }
    // The largest scale at which every filter fits, with a number row over each; a legend row
    // at the bottom when there is one to spare.
    var chosen: (scale: Int, perRow: Int, cell: Size)?
    for scale in stride(from: 3, through: 1, by: -1) {
      let cell = first.size(scale: scale, theme: theme)
      let width = max(cell.width, String(grids.count).count) + 1
      let perRow = max(1, (area.width + 1) / width)
      let rowCount = (grids.count + perRow - 1) / perRow
      if rowCount * (cell.height + 1) <= area.height {
        chosen = (scale, perRow, Size(width: width, height: cell.height + 1))
        break
      }
    }
    let layout = chosen ?? (1, max(1, (area.width + 1) / (first.size(scale: 1, theme: theme).width + 1)),
      Size(width: first.size(scale: 1, theme: theme).width + 1, height: first.size(scale: 1, theme: theme).height + 1))
    var lastRow = area.y
    for (filter, grid) in grids.enumerated() {
      let x = area.x + (filter % layout.perRow) * layout.cell.width
      let y = area.y + (filter / layout.perRow) * layout.cell.height
      guard y + layout.cell.height <= area.maxY else {
        let hidden = grids.count - filter
        buffer.write("+\(hidden) more (Enter)", x: area.x, y: area.maxY - 1, style: theme.dim, clip: area)
        return
      }
      buffer.write(String(filter + 1), x: x, y: y, style: theme.label, clip: area)
      grid.render(x: x, y: y + 1, scale: layout.scale, buffer: &buffer, theme: theme, clip: area)
      lastRow = y + layout.cell.height
    }
    if lastRow < area.maxY {
      let legend = legendText(limit: limit, theme: theme)
      buffer.write(legend, x: area.x, y: lastRow, style: theme.dim, clip: area)
    }
  }

  /// What the colours or characters mean, and the scale's end.
  private func legendText(limit: Double, theme: Theme) -> String {
    let end = (theme.symbols.isUnicode ? "±" : "+/-") + NumberFormat.compact(limit)
    if theme.colorCount >= 8 { return "orange +, blue -, full at \(end)" }
    return "# + positive, = - negative, full at \(end)"
  }
}
