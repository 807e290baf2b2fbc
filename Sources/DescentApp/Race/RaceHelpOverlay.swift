import TerminalUI

/// The `?` box of a race: the keys it answers, drawn like the playground's help.
struct RaceHelpOverlay {
  let race: Race
  let context: HelpOverlay.Context

  /// Every key a race answers in `context`, in the order listed.
  static func entries(symbols: SymbolSet, context: HelpOverlay.Context, runs: Int, panes: Int) -> [HelpOverlay.Entry] {
    typealias Entry = HelpOverlay.Entry
    let lessonKeys: [Entry] = [
      Entry(keys: symbols.pageKeys, action: "previous / next page", control: nil),
      Entry(keys: symbols.scrollKeys, action: "scroll the page", control: nil),
    ]
    let step = context == .lesson ? "n" : "n  \(symbols.markers.arrowRight)"
    let paneKeys: [Entry] = panes > 1 ? [
      Entry(keys: "Tab  Shift-Tab", action: "focus the next / previous pane", control: nil),
      Entry(keys: "Enter", action: "maximise / restore the pane", control: nil),
      Entry(keys: "Esc", action: "restore", control: nil),
    ] : []
    return (context == .lesson ? lessonKeys : []) + [
      Entry(keys: "space", action: "play / pause every run", control: nil),
      Entry(keys: step, action: "one step for every run", control: nil),
      Entry(keys: "s  S", action: "pace faster / slower (1 to 1000 steps/s, max)", control: nil),
      Entry(keys: "r", action: "every run back to the shared start", control: nil),
      Entry(keys: "1-\(runs)", action: "hide / show that run (it keeps training)", control: nil),
      Entry(keys: "y", action: "loss axis: log / linear", control: nil),
    ] + paneKeys + [
      Entry(keys: "?", action: "this help", control: nil),
      Entry(keys: "q", action: context == .lesson ? "back to the lesson menu" : "quit", control: nil),
    ]
  }

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let entries = Self.entries(symbols: theme.symbols, context: context, runs: race.lanes.count, panes: race.panes.count)
    HelpOverlay.drawBox(entries: entries, isLocked: { _ in false }, in: area, buffer: &buffer, theme: theme)
  }
}
