import LessonKit
import TerminalUI

/// The `?` box: every key and what it does, centred over the screen; locked keys are dimmed.
///
/// Lists only the keys that do something here: the pane keys of the panes shown, and in a lesson
/// the lesson's own keys (pages, scrolling, the hint) with `q` back to the menu. A list too tall
/// for one column is set in two with brief actions (so every key fits 80×24), and in an area too
/// small even for that the list is cut (never drawn outside its box).
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
    /// A shorter action for two columns (80×24); nil when `action` is short already.
    var brief: String? = nil
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
      Entry(keys: "h", action: "show or hide the goal's hint", control: nil, brief: "goal's hint"),
    ]
    let step = context == .lesson ? "n" : "n  \(markers.arrowRight)"
    let paneKeys: [Entry] = panes.count > 1 ? [
      Entry(keys: "Tab  Shift-Tab", action: "focus the next / previous pane", control: nil, brief: "next / previous pane"),
      Entry(keys: "Enter  Esc", action: "maximise / restore the pane", control: nil, brief: "maximise / restore"),
    ] : []
    return (context == .lesson ? lessonKeys : []) + [
      Entry(keys: "space", action: "play / pause", control: .play),
      Entry(keys: step, action: "one step", control: .step),
      Entry(keys: "+  -  l", action: "raise / lower (~1.5\(times)) / type the learning rate", control: .learningRate, brief: "rate up, down, type"),
      Entry(keys: "b", action: "batch mode: full, single sample, mini-batch", control: .batch, brief: "batch mode"),
      Entry(keys: "o", action: "optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam", control: .optimizer, brief: "next optimizer"),
      Entry(keys: "a", action: "activation (rebuilds and restarts)", control: .activation, brief: "next activation"),
    ]
      + (switchesNetworks ? [Entry(keys: "m", action: "the lab's next network (rebuilds and restarts)", control: .model, brief: "next network")] : []) + [
      Entry(keys: "s  S", action: "pace faster / slower (1 to 1000 steps/s, max)", control: nil, brief: "pace faster / slower"),
      Entry(keys: "r", action: "reset with the same seed", control: .reset, brief: "reset, same seed"),
      Entry(keys: "R", action: "reset with a new seed", control: .seed, brief: "reset, new seed"),
    ]
      + (panes.contains(.loss) ? [Entry(keys: "y", action: "loss axis: linear / log", control: nil, brief: "loss axis lin / log")] : [])
      + (panes.contains(.bowl) ? [Entry(keys: "p", action: "next parameter pair on the bowl", control: nil, brief: "next bowl pair")] : [])
      + (panes.contains(.network) ? [Entry(keys: "x", action: "next sample in the diagram", control: nil, brief: "next diagram sample")] : [])
      + (panes.contains(.unrolled) || panes.contains(.gates)
        ? [Entry(keys: "u", action: "next unit in the sequence views", control: nil, brief: "next unit shown")] : [])
      + (panes.contains(where: Playground.weightPanes.contains)
        ? [Entry(keys: "e", action: "choose a weight (arrows), Enter types its value", control: .editWeights, brief: "edit a weight")] : [])
      + [context == .playground
        ? Entry(keys: "v  w", action: "show the setup string / save model and history", control: nil, brief: "setup string / save")
        : Entry(keys: "v", action: "show the setup string (to open it in descent play)", control: nil, brief: "setup string")]
      + paneKeys + [
        Entry(keys: "?", action: "this help", control: nil),
        Entry(keys: "q", action: context == .lesson ? "back to the lesson menu" : "quit", control: nil, brief: context == .lesson ? "lesson menu" : nil),
      ]
  }

  // MARK: - Drawing

  /// Clears a centred box inside `area` and lists the keys in it.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    var entries = Self.entries(
      symbols: theme.symbols, context: context, panes: playground.panes, switchesNetworks: playground.modelChoices.count > 1)
    if playground.showsImages { entries += Self.imageEntries(symbols: theme.symbols) }
    let reshaping = Self.reshapeEntries(for: playground, symbols: theme.symbols)
    entries.insert(contentsOf: reshaping, at: entries.firstIndex { $0.keys == "?" } ?? entries.endIndex)
    let unlocked = playground.unlockedControls
    Self.drawBox(
      entries: entries, isLocked: { $0.control.map { !unlocked.contains($0) } ?? false }, in: area, buffer: &buffer,
      theme: theme)
  }

  /// The key box for `entries` (shared with the race's help): a dim entry is locked. Too tall
  /// for one column, the keys are set in two, each as wide as its own keys and (brief) actions,
  /// so every key stays listed at 80×24; an action still too long ends in `…`.
  static func drawBox(
    entries: [Entry], isLocked: (Entry) -> Bool, in area: Rect, buffer: inout Buffer, theme: Theme
  ) {
    guard area.width >= 3, area.height >= 3 else { return }
    func lockedSuffix(_ entry: Entry) -> String { isLocked(entry) ? " (locked)" : "" }
    // Rows: border 2, a blank line and the footer 2.
    let columns = entries.count + 4 > area.height && area.width >= 55 ? 2 : 1
    let entries = columns == 2 ? entries.map { Entry(keys: $0.keys, action: $0.brief ?? $0.action, control: $0.control) } : entries
    let rows = (entries.count + columns - 1) / columns
    let columnEntries = (0..<columns).map { Array(entries[min(entries.count, $0 * rows)..<min(entries.count, ($0 + 1) * rows)]) }
    let keyWidths = columnEntries.map { $0.map { DisplayWidth.of($0.keys) }.max() ?? 0 }
    // The box is as wide as the longest action plus its "(locked)" mark, but never wider than the
    // screen: a mark that does not fit is left out, and the footer says that dim keys are locked.
    let limit = max(1, columns == 1 ? area.width - 4 : (area.width - 7) / 2)
    let entryWidths = zip(columnEntries, keyWidths).map { entries, keyWidth in
      min(limit, keyWidth + 2 + (entries.map { DisplayWidth.of($0.action) + lockedSuffix($0).count }.max() ?? 0))
    }
    let anyLocked = entries.contains { !lockedSuffix($0).isEmpty }
    let footer = (anyLocked ? "dim keys are locked here \(theme.symbols.separator) " : "") + "any key closes this help"
    let width = entryWidths.reduce(0, +) + (columns - 1) * 3 + 4
    let box = Overlay.centeredRect(width: width, height: rows + 4, in: area)
    Overlay.clear(box, buffer: &buffer)
    let inner = Block(title: "Keys", theme: theme).draw(in: box, buffer: &buffer)
    let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    guard !content.isEmpty else { return }
    for (column, shown) in columnEntries.enumerated() {
      let x = content.x + entryWidths[..<column].reduce(0, +) + 3 * column
      let keyWidth = keyWidths[column], entryWidth = entryWidths[column]
      for (row, entry) in shown.enumerated() {
        guard row < content.height - 2 || (content.height <= 2 && row < content.height) else { continue }
        let locked = isLocked(entry)
        let keyStyle = locked ? theme.dim : theme.value
        let actionStyle = locked ? theme.dim : theme.label
        let keys = NumberFormat.padLeft(entry.keys, to: keyWidth)
        let marked = keyWidth + 2 + DisplayWidth.of(entry.action) + lockedSuffix(entry).count <= entryWidth
        let action = ("  " + entry.action + (marked ? lockedSuffix(entry) : ""))
          .truncated(toWidth: entryWidth - keyWidth, ellipsis: theme.symbols.ellipsis)
        let line = Line([Span(keys, style: keyStyle), Span(action, style: actionStyle)])
        buffer.write(line, x: x, y: content.y + row, clip: content)
      }
    }
    if content.height > 2 {
      let footerRow = Rect(x: content.x, y: content.maxY - 1, width: content.width, height: 1)
      Paragraph([Line(footer, style: theme.dim)], alignment: .center, wraps: false).render(in: footerRow, buffer: &buffer)
    }
  }
}
