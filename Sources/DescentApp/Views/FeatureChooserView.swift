import NeuralEngine
import TerminalUI

/// The box `i` opens over the panes: every input feature with its digit and whether the
/// network reads it (`[x]`), the chosen ones bright. Rows that do not fit are left out, never
/// drawn outside the box.
struct FeatureChooserView {
  let playground: Playground

  /// Draws a box centred in `area`.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard area.width >= 3, area.height >= 3 else { return }
    let symbols = theme.symbols
    let active = Set(playground.activeInputFeatures)
    let rows = InputFeature.allCases.enumerated().map { index, feature in
      (text: "\(index + 1) \(active.contains(feature) ? "[x]" : "[ ]") \(symbols.displayable(feature.name))", on: active.contains(feature))
    }
    let footer = "1\(symbols.isUnicode ? "–" : "-")7 switch \(symbols.separator) i done"
    let width = max(rows.map { DisplayWidth.of($0.text) }.max() ?? 0, footer.count) + 4
    let box = Overlay.centeredRect(width: width, height: rows.count + 4, in: area)
    Overlay.clear(box, buffer: &buffer)
    let inner = Block(title: "Inputs", focused: true, theme: theme).draw(in: box, buffer: &buffer)
    let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    guard !content.isEmpty else { return }
    for (index, row) in rows.enumerated() where index < content.height - 2 || (content.height <= 2 && index < content.height) {
      buffer.write(row.text, x: content.x, y: content.y + index, style: row.on ? theme.value : theme.dim, clip: content)
    }
    if content.height > 2 {
      buffer.write(footer.truncated(toWidth: content.width, ellipsis: symbols.ellipsis), x: content.x, y: content.maxY - 1, style: theme.dim, clip: content)
    }
  }
}
