import LessonKit
import TerminalUI

/// Draws the lesson menu: lessons with marks and summaries, overall progress, any warning.
struct MenuScreen {
  let catalog: LessonCatalog
  let progress: Progress
  let menu: LessonMenu
  let warning: String?
  let styles: LessonStyles

  func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let total = PageTally(catalog: catalog, progress: progress)
    // Title bar.
    buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: styles.bar))
    var titleStyle = styles.bar
    titleStyle.bold = true
    let title = " Descent \(styles.symbols.separator) neural networks, one page at a time"
    buffer.write(title, x: area.x, y: area.y, style: titleStyle, clip: area)
    // Bottom: warnings, progress bar, keys.
    var bottom: [Line] = []
    if let warning {
      let renderer = MarkdownRenderer(width: max(1, area.width - 2), styles: styles)
      bottom += renderer.wrap([Inline("! " + warning)], base: styles.warning).prefix(4)
    }
    if !catalog.problems.isEmpty {
      bottom.append(
        Line("\(catalog.problems.count) problem(s) in the lessons: run `descent check` on the folder", style: styles.warning))
    }
    let lessonsDone = catalog.lessons.filter { LessonState($0, progress: progress) == .done }.count
    let barWidth = max(4, min(30, area.width - 50))
    bottom.append(
      Line([
        Span("Progress ", style: styles.strong), Span(total.bar(width: barWidth, symbols: styles.symbols), style: styles.success),
        Span(" \(total.done)/\(total.total) pages \(styles.symbols.separator) \(lessonsDone)/\(catalog.lessons.count) lessons done"),
      ]))
    let keys = styles.symbols.isUnicode ? "↑/↓ choose · Enter open · q quit" : "up/down choose | Enter open | q quit"
    bottom.append(Line(keys, style: styles.dim))
    let bottomTop = area.maxY - bottom.count
    for (row, line) in bottom.enumerated() where bottomTop + row > area.y {
      buffer.write(line, x: area.x + 1, y: bottomTop + row, clip: area)
    }
    // The list, two rows per lesson, scrolled to keep the selection visible.
    let listArea = Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, bottomTop - 1 - (area.y + 2)))
    renderList(in: listArea, buffer: &buffer)
  }

  private func renderList(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    guard !catalog.lessons.isEmpty else {
      buffer.write("No lessons found.", x: area.x + 2, y: area.y, style: styles.warning, clip: area)
      return
    }
    let visible = max(1, area.height / 2)
    let selected = min(menu.selectedIndex, catalog.lessons.count - 1)
    let first = min(max(0, selected - visible / 2), max(0, catalog.lessons.count - visible))
    let numberWidth = String(catalog.lessons.count).count
    for (row, index) in (first..<min(catalog.lessons.count, first + visible)).enumerated() {
      let lesson = catalog.lessons[index]
      let y = area.y + row * 2
      let state = LessonState(lesson, progress: progress)
      let tally = PageTally(lesson: lesson, progress: progress)
      let isSelected = index == selected
      let pointer = isSelected ? (styles.symbols.isUnicode ? "▶" : ">") : " "
      let number = String(repeating: " ", count: numberWidth - String(index + 1).count) + String(index + 1)
      let count = "\(tally.done)/\(tally.total)"
      var titleStyle = isSelected ? styles.highlight : styles.strong
      if !isSelected { titleStyle.bold = true }
      let markStyle = state == .done ? styles.success : styles.dim
      buffer.write(pointer, x: area.x + 1, y: y, style: styles.highlight, clip: area)
      buffer.write(state.mark(styles.symbols), x: area.x + 3, y: y, style: markStyle, clip: area)
      let titleX = area.x + 5
      let titleText = "\(number). \(styles.symbols.displayable(lesson.title))"
      let countX = area.maxX - DisplayWidth.of(count) - 2
      buffer.write(" \(titleText) ", x: titleX, y: y, style: titleStyle, clip: Rect(x: titleX, y: y, width: max(0, countX - titleX - 1), height: 1))
      buffer.write(count, x: countX, y: y, style: styles.dim, clip: area)
      let summaryX = titleX + 1 + numberWidth + 2
      let summary = styles.symbols.displayable(lesson.summary).truncated(toWidth: max(0, area.maxX - summaryX - 2), ellipsis: styles.symbols.ellipsis)
      if y + 1 < area.maxY { buffer.write(summary, x: summaryX, y: y + 1, style: styles.dim, clip: area) }
    }
    let arrows = styles.symbols.markers
    if first > 0 { buffer.write(arrows.arrowUp, x: area.maxX - 1, y: area.y, style: styles.dim, clip: area) }
    if first + visible < catalog.lessons.count {
      buffer.write(arrows.arrowDown, x: area.maxX - 1, y: area.y + visible * 2 - 1, style: styles.dim, clip: area)
    }
  }
}
