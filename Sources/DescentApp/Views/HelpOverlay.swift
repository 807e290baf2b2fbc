import LessonKit
import TerminalUI

/// The `?` box: every key and what it does, centred over the screen; locked keys are dimmed.
///
/// Lists only the keys that do something here: the pane keys of the panes shown, and in a lesson
/// the lesson's own keys (pages, scrolling, the hint) with `q` back to the menu. Fits 80×24 in
/// one column; in a shorter area the keys are set in two columns, and in an area too small even
/// for that the list is cut (never drawn outside its box).
struct HelpOverlay {
  /// Where the playground runs: alone (`descent play`) or as a lab on a lesson page.
  enum Context: Equatable {
    case playground
    case lesson
  }

  let playground: Playground
  let context: Context

  init(playground: Playground, context: Context = .playground) {
    self.playground = playground
    self.context = context
  }

  /// One line of help: the keys, what they do, and the control that must be unlocked.
  struct Entry: Equatable {
    var keys: String
    var action: String
    var control: LabControl?
  }

  /// Every key the playground answers in `context` with `panes` shown, in the order they are
  /// listed; `m` only where the lab has several networks to switch between.
  static func entries(
    symbols: SymbolSet, context: Context = .playground, panes: [LabView] = LabView.allCases, switchesNetworks: Bool = true
  ) -> [Entry] {
    let markers = symbols.markers
    let times = symbols.times
    let lessonKeys: [Entry] = [
      Entry(keys: symbols.pageKeys, action: "previous / next page", control: nil),
      Entry(keys: symbols.scrollKeys, action: "scroll the page", control: nil),
      Entry(keys: "h", action: "show or hide the goal's hint", control: nil),
    ]
    let step = context == .lesson ? "n" : "n  \(markers.arrowRight)"
    let paneKeys: [Entry] = panes.count > 1 ? [
      Entry(keys: "Tab  Shift-Tab", action: "focus the next / previous pane", control: nil),
      Entry(keys: "Enter  Esc", action: "maximise / restore the pane", control: nil),
    ] : []
    return (context == .lesson ? lessonKeys : []) + [
      Entry(keys: "space", action: "play / pause", control: .play),
      Entry(keys: step, action: "one step", control: .step),
      Entry(keys: "+  -  l", action: "raise / lower (~1.5\(times)) / type the learning rate", control: .learningRate),
      Entry(keys: "b", action: "batch mode: full, single sample, mini-batch", control: .batch),
      Entry(keys: "o", action: "optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam", control: .optimizer),
      Entry(keys: "a", action: "activation (rebuilds and restarts)", control: .activation),
    ]
      + (switchesNetworks ? [Entry(keys: "m", action: "the lab's next network (rebuilds and restarts)", control: .model)] : []) + [
      Entry(keys: "s  S", action: "pace faster / slower (1 to 1000 steps/s, max)", control: nil),
      Entry(keys: "r", action: "reset with the same seed", control: .reset),
      Entry(keys: "R", action: "reset with a new seed", control: .seed),
    ]
      + (panes.contains(.loss) ? [Entry(keys: "y", action: "loss axis: linear / log", control: nil)] : [])
      + (panes.contains(.bowl) ? [Entry(keys: "p", action: "next parameter pair on the bowl", control: nil)] : [])
      + (panes.contains(.network) ? [Entry(keys: "x", action: "next sample in the diagram", control: nil)] : [])
      + (panes.contains(.unrolled) || panes.contains(.gates)
        ? [Entry(keys: "u", action: "next unit in the sequence views", control: nil)] : [])
      + (panes.contains(where: Playground.weightPanes.contains)
        ? [Entry(keys: "e", action: "choose a weight (arrows), Enter types its value", control: .editWeights)] : [])
      + [context == .playground
        ? Entry(keys: "v  w", action: "show the setup string / save model and history", control: nil)
        : Entry(keys: "v", action: "show the setup string (to open it in descent play)", control: nil)]
      + paneKeys + [
        Entry(keys: "?", action: "this help", control: nil),
        Entry(keys: "q", action: context == .lesson ? "back to the lesson menu" : "quit", control: nil),
      ]
  }

  // MARK: - Drawing

  /// Clears a centred box inside `area` and lists the keys in it.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    var entries = Self.entries(
      symbols: theme.symbols, context: context, panes: playground.panes, switchesNetworks: playground.modelChoices.count > 1)
    if playground.showsImages { entries += Self.imageEntries(symbols: theme.symbols) }
    let unlocked = playground.unlockedControls
    Self.drawBox(
      entries: entries, isLocked: { $0.control.map { !unlocked.contains($0) } ?? false }, in: area, buffer: &buffer,
      theme: theme)
  }

  /// The key box for `entries` (shared with the race's help): a dim entry is locked.
  static func drawBox(
    entries: [Entry], isLocked: (Entry) -> Bool, in area: Rect, buffer: inout Buffer, theme: Theme
  ) {
    guard area.width >= 3, area.height >= 3 else { return }
    func lockedSuffix(_ entry: Entry) -> String { isLocked(entry) ? " (locked)" : "" }
    let keyWidth = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
    // The box is as wide as the longest action plus its "(locked)" mark, but never wider than the
    // screen: a mark that does not fit is left out, and the footer says that dim keys are locked.
    let widest = entries.map { DisplayWidth.of($0.action) + lockedSuffix($0).count }.max() ?? 0
    let entryWidth = min(keyWidth + 2 + widest, max(1, area.width - 4))
    let anyLocked = entries.contains { !lockedSuffix($0).isEmpty }
    let footer = (anyLocked ? "dim keys are locked here \(theme.symbols.separator) " : "") + "any key closes this help"
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
      let locked = isLocked(entry)
      let keyStyle = locked ? theme.dim : theme.value
      let actionStyle = locked ? theme.dim : theme.label
      let keys = NumberFormat.padLeft(entry.keys, to: keyWidth)
      let marked = keyWidth + 2 + DisplayWidth.of(entry.action) + lockedSuffix(entry).count <= entryWidth
      let action = "  " + entry.action + (marked ? lockedSuffix(entry) : "")
      let line = Line([Span(keys, style: keyStyle), Span(action, style: actionStyle)])
      buffer.write(line, x: x, y: content.y + row, clip: content)
    }
    if content.height > 2 {
      let footerRow = Rect(x: content.x, y: content.maxY - 1, width: content.width, height: 1)
      Paragraph([Line(footer, style: theme.dim)], alignment: .center, wraps: false).render(in: footerRow, buffer: &buffer)
    }
  }
}
