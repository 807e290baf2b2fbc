import LessonKit
import NeuralEngine
import TerminalUI

/// Drawing a race: the surface's one-line summary, the bowl and loss panes, the legend of runs
/// and the status line, from the model alone.
extension Race {
  /// Narrowest area whose panes stand side by side.
  static let sideBySideWidth = 60
  /// Shortest pane area that stacks two panes.
  static let stackedHeight = 18

  /// Draws the race inside `area` (no title bar).
  public func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    var rest = area
    if let summary, rest.height >= 10 {
      let line = theme.symbols.displayable(summary).truncated(toWidth: rest.width - 1, ellipsis: theme.symbols.ellipsis)
      buffer.write(line, x: rest.x + 1, y: rest.y, style: theme.label, clip: rest)
      rest = Rect(x: rest.x, y: rest.y + 1, width: rest.width, height: rest.height - 1)
    }
    let statusHeight = rest.height >= 12 ? 2 : 1
    // The legend is boxed when there is room, else its rows sit bare above the status line.
    let boxedLegend = rest.height - statusHeight - (lanes.count + 2) >= 8
    let legendHeight = min(max(0, rest.height - statusHeight - 3), lanes.count + (boxedLegend ? 2 : 0))
    let rows = Layout.vertical([.fill(1), .length(legendHeight), .length(statusHeight)]).split(rest)
    let paneArea = rows[0], legendArea = rows[1], statusArea = rows[2]
    let shown = shownPaneIndices(in: paneArea)
    let rects = shown.count == 2 && paneArea.width < Self.sideBySideWidth
      ? Layout.vertical([.fill(1), .fill(1)]).split(paneArea)
      : Layout.horizontal(Array(repeating: .fill(1), count: max(1, shown.count))).split(paneArea)
    for (index, rect) in zip(shown, rects) {
      renderPane(at: index, in: rect, hidden: panes.count - shown.count, buffer: &buffer, theme: theme)
    }
    if boxedLegend {
      let block = Block(title: "Runs \(theme.symbols.separator) \(setting.title)", rightTitle: "1-\(lanes.count) hide/show", theme: theme)
      let inner = block.draw(in: legendArea, buffer: &buffer)
      RaceLegendView(race: self).render(
        in: Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height), buffer: &buffer, theme: theme)
    } else {
      RaceLegendView(race: self).render(
        in: Rect(x: legendArea.x + 1, y: legendArea.y, width: max(0, legendArea.width - 1), height: legendArea.height),
        buffer: &buffer, theme: theme)
    }
    renderStatus(in: statusArea, buffer: &buffer, theme: theme)
  }

  /// Indices into `panes` drawn in `area`: the maximised pane, or as many as fit (always the
  /// focused one).
  func shownPaneIndices(in area: Rect) -> [Int] {
    guard !panes.isEmpty, !area.isEmpty else { return [] }
    if let maximisedPane, let index = panes.firstIndex(of: maximisedPane) { return [index] }
    let capacity = area.width >= Self.sideBySideWidth || area.height >= Self.stackedHeight ? 2 : 1
    let focused = min(focusedPaneIndex, panes.count - 1)
    if capacity >= panes.count { return Array(panes.indices) }
    return [focused]
  }

  private func renderPane(at index: Int, in rect: Rect, hidden: Int, buffer: inout Buffer, theme: Theme) {
    let pane = panes[index]
    let focused = index == min(focusedPaneIndex, panes.count - 1)
    var rightTitle: String?
    if maximisedPane != nil {
      rightTitle = "Esc restore"
    } else if hidden > 0 {
      rightTitle = "\(index + 1)/\(panes.count) Tab"
    } else if pane == .loss {
      rightTitle = usesLogScale ? "log y" : "linear y"
    }
    let title = pane == .bowl ? (summary == nil ? "Loss bowl" : "Surface \(theme.symbols.separator) \(subject)") : "Loss"
    let block = Block(title: title, rightTitle: rightTitle, focused: focused && panes.count > 1, theme: theme)
    let inner = block.draw(in: rect, buffer: &buffer)
    let content = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
    guard !content.isEmpty else { return }
    switch pane {
    case .bowl: renderBowl(in: content, buffer: &buffer, theme: theme)
    default: RaceLossChartView(race: self).render(in: content, buffer: &buffer, theme: theme)
    }
  }

  /// Every shown run's path on the shared surface, each with its mark at its current point.
  private func renderBowl(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard let bowl else { return }
    var paths: [BowlPlot.Path] = []
    for (index, lane) in lanes.enumerated() where !hiddenLanes.contains(index) {
      guard let walk = bowl.walk(of: lane) else { continue }
      let look = RaceLaneLook(index: index, theme: theme)
      paths.append(
        BowlPlot.Path(
          points: walk.points, current: walk.current, style: look.style,
          character: theme.symbols.isUnicode ? theme.symbols.plotPoint : look.mark, mark: look.mark,
          markStyle: look.style))
    }
    let caption = "one start, \(lanes.count) runs \(theme.symbols.separator) \(theme.symbols.markers.cross) lowest point"
    BowlPlot(grid: bowl.grid, names: bowl.names, caption: caption, paths: paths).render(in: area, buffer: &buffer, theme: theme)
  }

  // MARK: - Status

  /// The bar (play state, pace, step, what varies) and, with two rows, the notice or the keys.
  private func renderStatus(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    let symbols = theme.symbols
    let bar = Rect(x: area.x, y: area.y, width: area.width, height: 1)
    buffer.fill(bar, with: Cell(" ", style: theme.statusBar))
    let separator = " \(symbols.separator) "
    let state: String
    if !lanes.contains(where: { !$0.hasDiverged }) {
      state = "every run diverged"
    } else {
      state = isPlaying ? "\(symbols.playing) playing" : "\(symbols.paused) paused"
    }
    var text = state + separator + "pace \(pace)" + separator + "step \(stepCount)" + separator
      + "\(lanes.count) runs differ in \(setting.title)"
    var hintOnBar = false
    if area.height == 1, let notice {
      text += separator + notice.text
      hintOnBar = true
    }
    buffer.write(
      symbols.displayable(text).truncated(toWidth: bar.width - 1, ellipsis: symbols.ellipsis), x: bar.x + 1, y: bar.y,
      style: theme.statusBar, clip: bar)
    guard area.height >= 2, !hintOnBar else { return }
    let second = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
    if let notice {
      let style = notice.kind == .warning ? theme.warning : theme.label
      buffer.write(symbols.displayable(notice.text).truncated(toWidth: second.width - 1, ellipsis: symbols.ellipsis), x: second.x + 1, y: second.y, style: style, clip: second)
    } else {
      let hints = "space play\(separator)n step\(separator)s/S pace\(separator)r reset\(separator)1-\(lanes.count) hide"
        + "\(separator)y log/linear\(separator)? keys"
      buffer.write(hints.truncated(toWidth: second.width - 1, ellipsis: symbols.ellipsis), x: second.x + 1, y: second.y, style: theme.dim, clip: second)
    }
  }
}
