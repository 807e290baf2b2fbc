import LessonKit
import TerminalUI

/// The `?` box: every key and what it does, centred over the screen; locked keys are dimmed.
///
/// Fits 80×24 in one column; in a shorter area the keys are set in two columns, and in an area
/// too small even for that the list is cut (never drawn outside its box).
struct HelpOverlay {
  let playground: Playground

  init(playground: Playground) {
    self.playground = playground
  }

  /// One line of help: the keys, what they do, and the control that must be unlocked.
  struct Entry: Equatable {
    var keys: String
    var action: String
    var control: LabControl?
  }

  /// Every key the playground answers, in the order they are listed.
  static func entries(symbols: SymbolSet) -> [Entry] {
    let arrow = symbols.markers.arrowRight
    let times = symbols.times
    return [
      Entry(keys: "space", action: "play / pause", control: .play),
      Entry(keys: "n  \(arrow)", action: "one step", control: .step),
      Entry(keys: "+  -", action: "raise / lower the learning rate (~1.5\(times))", control: .learningRate),
      Entry(keys: "l", action: "type a learning rate", control: .learningRate),
      Entry(keys: "b", action: "batch mode: full, mini-batch, single", control: .batch),
      Entry(keys: "o", action: "optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam", control: .optimizer),
      Entry(keys: "a", action: "activation (rebuilds and restarts)", control: .activation),
      Entry(keys: "m", action: "the lab's next network (rebuilds and restarts)", control: .model),
      Entry(keys: "s", action: "speed: 1, 10, 100 steps a frame, max", control: .speed),
      Entry(keys: "r", action: "reset with the same seed", control: .reset),
      Entry(keys: "R", action: "reset with a new seed", control: .seed),
      Entry(keys: "y", action: "loss axis: linear / log", control: nil),
      Entry(keys: "p", action: "next parameter pair on the bowl", control: nil),
      Entry(keys: "x", action: "next sample in the diagram", control: nil),
      Entry(keys: "u", action: "next unit in the sequence views", control: nil),
      Entry(keys: "Tab  Shift-Tab", action: "focus the next / previous pane", control: nil),
      Entry(keys: "Enter", action: "maximise / restore the pane", control: nil),
      Entry(keys: "Esc", action: "restore", control: nil),
      Entry(keys: "?", action: "this help", control: nil),
      Entry(keys: "q", action: "quit", control: nil),
    ]
  }

  // MARK: - Drawing

  /// Clears a centred box inside `area` and lists the keys in it.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard area.width >= 3, area.height >= 3 else { return }
    let entries = Self.entries(symbols: theme.symbols)
    let keyWidth = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
    let entryWidth = keyWidth + 2 + (entries.map { DisplayWidth.of($0.action) + lockedSuffix($0).count }.max() ?? 0)
    let footer = "any key closes this help"
    // Rows: border 2, a blank line and the footer 2.
    let oneColumnHeight = entries.count + 4
    let columns = oneColumnHeight <= area.height || area.width < 2 * entryWidth + 7 ? 1 : 2
    let rows = (entries.count + columns - 1) / columns
    let width = columns * entryWidth + (columns - 1) * 3 + 4
    let box = Overlay.centeredRect(width: width, height: rows + 4, in: area)
    Overlay.clear(box, buffer: &buffer)
    let inner = Block(title: "Keys", theme: theme).draw(in: box, buffer: &buffer)
    let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    guard !content.isEmpty else { return }
    for (index, entry) in entries.enumerated() {
      let column = index / rows, row = index % rows
      guard row < content.height - 2 || (content.height <= 2 && row < content.height) else { continue }
      let x = content.x + column * (entryWidth + 3)
      let locked = entry.control.map { !playground.unlockedControls.contains($0) } ?? false
      let keyStyle = locked ? theme.dim : theme.value
      let actionStyle = locked ? theme.dim : theme.label
      let keys = NumberFormat.padLeft(entry.keys, to: keyWidth)
      let line = Line([Span(keys, style: keyStyle), Span("  " + entry.action + lockedSuffix(entry), style: actionStyle)])
      buffer.write(line, x: x, y: content.y + row, clip: content)
    }
    if content.height > 2 {
      let footerRow = Rect(x: content.x, y: content.maxY - 1, width: content.width, height: 1)
      Paragraph([Line(footer, style: theme.dim)], alignment: .center, wraps: false).render(in: footerRow, buffer: &buffer)
    }
  }

  private func lockedSuffix(_ entry: Entry) -> String {
    guard let control = entry.control, !playground.unlockedControls.contains(control) else { return "" }
    return " (locked)"
  }
}
