import TerminalUI

/// The network pane: the diagram, and beside it each hidden neuron's output over the input
/// plane when the pane has room for both — only room the diagram does not need, so it keeps
/// every value, label and link it would show alone; otherwise (80×24 unless maximised) the
/// diagram alone.
struct NetworkPaneView {
  let playground: Playground

  /// Draws inside `area` only.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    // A diagram area means a thumbnail layout fits the width it leaves.
    guard let diagram = diagramArea(in: area, symbols: theme.symbols) else {
      NetworkDiagramView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      return
    }
    let thumbnails = Rect(x: diagram.maxX + 1, y: area.y, width: area.maxX - diagram.maxX - 1, height: area.height)
    NetworkDiagramView(playground: playground).render(in: diagram, buffer: &buffer, theme: theme)
    buffer.fill(Rect(x: diagram.maxX, y: area.y, width: 1, height: area.height), with: .blank)
    NeuronThumbnailsView(playground: playground).render(in: thumbnails, buffer: &buffer, theme: theme)
  }

  /// The diagram's part when thumbnails sit beside it: the area less the widest thumbnail
  /// layout the diagram can give up without showing less; nil when it can give up none.
  private func diagramArea(in area: Rect, symbols: SymbolSet) -> Rect? {
    guard let sizes = NeuronThumbnailsView.hiddenSizes(of: playground) else { return nil }
    // Thumbnails as large as fit, then smaller, while the diagram beside them loses nothing.
    var width = area.width / 2
    while width >= 4 {
      guard let layout = NeuronThumbnailsView.layout(sizes: sizes, width: width, height: area.height) else { return nil }
      let diagram = Rect(x: area.x, y: area.y, width: area.width - layout.width - 1, height: area.height)
      if NetworkDiagramView.fitsAsWell(playground: playground, symbols: symbols, full: area, narrowed: diagram) { return diagram }
      width = layout.width - 1
    }
    return nil
  }
}
