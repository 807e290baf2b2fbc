import LessonKit
import NeuralEngine
import TerminalUI

/// Drawing a lesson page: title bar, page text with its quizzes (scrolling), the goal box, the
/// lab, the key footer.
extension LessonPlayer {
  /// Smallest screen a lab page is drawn on; smaller shows a message instead.
  public static let minimumLabSize = Size(width: 80, height: 24)
  /// Widest the text of a page without a lab runs, so lines stay readable.
  static let readableWidth = 78

  /// Where everything of the current page goes on a screen of `size`.
  struct PageLayout {
    var titleBar: Rect
    var footer: Rect
    /// The page text's column, including the scroll indicator's column at its right edge.
    var textColumn: Rect
    /// Where the text lines go (inside `textColumn`, above the goal box).
    var text: Rect
    /// The goals of the page, kept in view under the text while the lab trains.
    var goalBox: Rect?
    var lab: Rect?
    /// Column of the line between text and lab.
    var separatorX: Int?
    /// True when the screen is too small for this page's lab.
    var tooSmall: Bool
  }

  /// The page's scrolling content: its text, each quiz in a box after the text it follows, and
  /// at the end of the last page, the end of the lesson.
  struct TextLayout {
    var lines: [Line]
    /// For each quiz (by checkpoint index), the line after its box: scrolled into view once the
    /// quiz is answered, so the explanation shows.
    var quizEnds: [Int: Int]
  }

  /// Lays the current page out in `area`.
  func layout(in area: Rect, styles: LessonStyles) -> PageLayout {
    let titleBar = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
    let footer = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: area.height >= 2 ? 1 : 0)
    let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 2))
    let hasLab = page?.lab != nil
    let tooSmall = hasLab && (area.width < Self.minimumLabSize.width || area.height < Self.minimumLabSize.height)
    var textColumn = body
    var lab: Rect?
    var separatorX: Int?
    if hasLab, !tooSmall {
      let textWidth = min(56, max(40, area.width * 2 / 5))
      textColumn = Rect(x: body.x, y: body.y, width: textWidth, height: body.height)
      separatorX = body.x + textWidth
      lab = Rect(x: body.x + textWidth + 1, y: body.y, width: body.width - textWidth - 1, height: body.height)
    } else if !hasLab {
      textColumn = Rect(x: body.x, y: body.y, width: min(body.width, Self.readableWidth + 3), height: body.height)
    }
    var text = Rect(x: textColumn.x + 1, y: textColumn.y, width: max(0, textColumn.width - 3), height: textColumn.height)
    var goalBox: Rect?
    let boxLines = goalBoxLines(width: max(1, textColumn.width - 5), styles: styles)
    if !boxLines.isEmpty, !tooSmall {
      let height = min(boxLines.count + 2, max(3, textColumn.height - 4))
      goalBox = Rect(x: textColumn.x, y: textColumn.maxY - height, width: textColumn.width - 1, height: height)
      text.height = max(0, textColumn.height - height)
    }
    return PageLayout(
      titleBar: titleBar, footer: footer, textColumn: textColumn, text: text, goalBox: goalBox,
      lab: lab, separatorX: separatorX, tooSmall: tooSmall)
  }

  /// The page's text, quizzes and (on the last page) the end of the lesson as lines for `width`
  /// columns.
  func textLayout(width: Int, styles: LessonStyles) -> TextLayout {
    guard let page else { return TextLayout(lines: [], quizEnds: [:]) }
    var lines = MarkdownRenderer(width: width, styles: styles).lines(for: page.blocks)
    var quizEnds: [Int: Int] = [:]
    for (index, checkpoint) in page.checkpoints.enumerated() {
      guard case .quiz(let quiz) = checkpoint else { continue }
      if !lines.isEmpty { lines.append(Line()) }
      lines.append(contentsOf: quizBox(quiz, at: index, width: width, styles: styles))
      quizEnds[index] = lines.count
    }
    if pageIndex == lesson.pages.count - 1 {
      if !lines.isEmpty { lines.append(Line()) }
      lines.append(contentsOf: endOfLessonLines(width: width, styles: styles))
    }
    return TextLayout(lines: lines, quizEnds: quizEnds)
  }

  /// The page's scrolling lines for `width` columns.
  func textLines(width: Int, styles: LessonStyles) -> [Line] {
    textLayout(width: width, styles: styles).lines
  }

  /// The furthest the text can scroll on a screen of `size`.
  func maximumScroll(in area: Rect, styles: LessonStyles) -> Int {
    let layout = layout(in: area, styles: styles)
    return max(0, textLines(width: layout.text.width, styles: styles).count - layout.text.height)
  }

  /// The scroll that shows the end of quiz `index`'s box (its explanation), moving as little as
  /// possible.
  func scrollShowing(quizAt index: Int, in area: Rect, styles: LessonStyles) -> Int {
    let layout = layout(in: area, styles: styles)
    guard let end = textLayout(width: layout.text.width, styles: styles).quizEnds[index] else { return scroll }
    return min(maximumScroll(in: area, styles: styles), max(scroll, end - layout.text.height))
  }

  // MARK: - Drawing

  /// Draws the whole lesson screen into `area`.
  public func render(in area: Rect, buffer: inout Buffer, styles: LessonStyles, theme: Theme, progress: Progress) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let layout = layout(in: area, styles: styles)
    renderTitleBar(in: layout.titleBar, buffer: &buffer, styles: styles, progress: progress)
    renderFooter(in: layout.footer, buffer: &buffer, styles: styles)
    if layout.tooSmall {
      renderTooSmall(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 2)), area: area, buffer: &buffer, styles: styles)
      return
    }
    renderText(in: layout, buffer: &buffer, styles: styles)
    if let box = layout.goalBox {
      let inner = Block(title: goalBoxTitle(symbols: styles.symbols), theme: theme).draw(in: box, buffer: &buffer)
      let lines = goalBoxLines(width: max(1, inner.width - 2), styles: styles)
      for (row, line) in lines.prefix(inner.height).enumerated() {
        buffer.write(line, x: inner.x + 1, y: inner.y + row, clip: inner)
      }
    }
    if let separatorX = layout.separatorX {
      for y in layout.textColumn.y..<layout.textColumn.maxY {
        buffer[separatorX, y] = Cell(styles.symbols.lightBorder.vertical, style: styles.decoration)
      }
    }
    if let labArea = layout.lab, let playground {
      playground.render(in: labArea, buffer: &buffer, theme: theme)
    } else if let labArea = layout.lab, let race {
      race.render(in: labArea, buffer: &buffer, theme: theme)
    } else if let labArea = layout.lab, let labError {
      let inner = Rect(x: labArea.x + 1, y: labArea.y, width: max(0, labArea.width - 2), height: labArea.height)
      Paragraph(theme.symbols.displayable(labError), style: theme.warning).render(in: inner, buffer: &buffer)
    }
    if let playground, playground.showsHelp {
      HelpOverlay(playground: playground, context: .lesson).render(in: area, buffer: &buffer, theme: theme)
    }
    if let playground, playground.showsSetup {
      SetupOverlay(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
    if let race, race.showsHelp {
      RaceHelpOverlay(race: race, context: .lesson).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  private func renderTitleBar(in rect: Rect, buffer: inout Buffer, styles: LessonStyles, progress: Progress) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect, with: Cell(" ", style: styles.bar))
    let tally = PageTally(lesson: lesson, progress: progress)
    let pageDone = progress.isCompleted(lessonID: lesson.id, page: pageIndex)
    let mark = styles.symbols.isUnicode ? "✓" : "done"
    var right = "\(tally.done)/\(tally.total) done "
    right += tally.bar(width: 8, symbols: styles.symbols) + " "
    // The page number always shows: the progress on the right goes first, then the title is cut.
    let place = " \(styles.symbols.separator) page \(pageIndex + 1)/\(lesson.pages.count)" + (pageDone ? " \(mark)" : "")
    let titleRoom = rect.width - 1 - DisplayWidth.of(place)
    let left = " " + styles.symbols.displayable(lesson.title).truncated(toWidth: max(0, titleRoom), ellipsis: styles.symbols.ellipsis) + place
    let rightWidth = DisplayWidth.of(right)
    var titleStyle = styles.bar
    titleStyle.bold = true
    buffer.write(left, x: rect.x, y: rect.y, style: titleStyle, clip: rect)
    if rightWidth + DisplayWidth.of(left) < rect.width {
      buffer.write(right, x: rect.maxX - rightWidth, y: rect.y, style: styles.bar, clip: rect)
    }
  }

  /// The keys that matter on this page, most important first when they do not all fit.
  func footerHints(symbols: SymbolSet) -> KeyHints {
    let isLastPage = pageIndex == lesson.pages.count - 1
    let hasLab = page?.lab != nil
    var hints: [KeyHints.Hint] = []
    if playground?.reshape.choosesFeatures == true {
      hints.append(.init(keys: "1-7", action: "inputs", priority: 10))
    } else if let index = activeQuizIndex, let quiz = quizSpec(at: index) {
      hints.append(.init(keys: "1-\(quiz.choices.count)", action: "answer", priority: 10))
    }
    if isLastPage, nextLessonTitle != nil {
      hints.append(.init(keys: symbols.markers.arrowRight, action: "next lesson", priority: 9))
    } else {
      hints.append(.init(keys: symbols.pageKeys, action: "pages", priority: 9))
    }
    if !hasLab { hints.append(.init(keys: symbols.scrollKeys, action: "scroll", priority: 8)) }
    if hasLab {
      if page?.lab?.unlocks(.play) == true { hints.append(.init(keys: "space", action: "train", priority: 8)) }
      if page?.lab?.unlocks(.step) == true { hints.append(.init(keys: "n", action: "step", priority: 5)) }
      if hasHint { hints.append(.init(keys: "h", action: "hint", priority: 6)) }
      hints.append(.init(keys: "?", action: "keys", priority: 7))
      hints.append(.init(keys: symbols.scrollKeys, action: "scroll", priority: 3))
    }
    hints.append(.init(keys: "q", action: "menu", priority: 4))
    return KeyHints(hints)
  }

  private func renderFooter(in rect: Rect, buffer: inout Buffer, styles: LessonStyles) {
    guard !rect.isEmpty else { return }
    let text = footerHints(symbols: styles.symbols).text(width: rect.width - 1, symbols: styles.symbols)
    buffer.write(" " + text, x: rect.x, y: rect.y, style: styles.dim, clip: rect)
  }

  private func renderTooSmall(in body: Rect, area: Rect, buffer: inout Buffer, styles: LessonStyles) {
    let size = Self.minimumLabSize
    let times = styles.symbols.isUnicode ? "×" : "x"
    let message = [
      "This page has a live lab.",
      "Make the terminal at least \(size.width)\(times)\(size.height)",
      "(now \(area.width)\(times)\(area.height)); it redraws at once.",
      styles.symbols.displayable("←/→ still turn pages, q returns to the menu."),
    ]
    let top = body.y + max(0, (body.height - message.count) / 2)
    for (row, text) in message.enumerated() where top + row < body.maxY {
      let width = DisplayWidth.of(text)
      let style = row == 1 ? styles.warning : styles.text
      buffer.write(text, x: body.x + max(0, (body.width - width) / 2), y: top + row, style: style, clip: body)
    }
  }

  private func renderText(in layout: PageLayout, buffer: inout Buffer, styles: LessonStyles) {
    let lines = textLines(width: layout.text.width, styles: styles)
    let maximum = max(0, lines.count - layout.text.height)
    let first = min(scroll, maximum)
    for row in 0..<layout.text.height where first + row < lines.count {
      buffer.write(lines[first + row], x: layout.text.x, y: layout.text.y + row, clip: layout.text)
    }
    guard maximum > 0, layout.text.height > 0 else { return }
    let indicatorX = layout.textColumn.maxX - 1
    let markers = styles.symbols.markers
    if first > 0 { buffer[indicatorX, layout.text.y] = Cell(markers.arrowUp, style: styles.highlight) }
    if first < maximum { buffer[indicatorX, layout.text.maxY - 1] = Cell(markers.arrowDown, style: styles.highlight) }
    if layout.text.height >= 3 {
      let track = layout.text.height - 2
      let position = layout.text.y + 1 + Int((Double(first) / Double(maximum) * Double(track - 1)).rounded())
      buffer[indicatorX, position] = Cell(styles.symbols.isUnicode ? "┃" : "|", style: styles.dim)
    }
  }

  // MARK: - End of the lesson

  /// What the last page ends with: that the lesson is over and where to go next, or, after the
  /// last lesson, that the course is.
  func endOfLessonLines(width: Int, styles: LessonStyles) -> [Line] {
    let renderer = MarkdownRenderer(width: width, styles: styles)
    let title = styles.symbols.displayable(lesson.title)
    var lines = [Line(String(repeating: styles.symbols.lightBorder.horizontal, count: width), style: styles.decoration)]
    if let next = nextLessonTitle {
      lines += renderer.wrap([Inline("End of “\(title)”.", style: .bold)], base: styles.success)
      lines += renderer.wrap(
        [Inline("Press "), Inline(styles.symbols.markers.arrowRight, style: .bold), Inline(" for the next lesson, "),
         Inline(styles.symbols.displayable(next), style: .bold), Inline(", or "), Inline("q", style: .bold),
         Inline(" for the menu.")],
        base: styles.text)
    } else {
      lines += renderer.wrap([Inline("End of the course.", style: .bold)], base: styles.success)
      lines += renderer.wrap(
        [Inline("q returns to the menu. From here on, "), Inline("descent play", style: .code),
         Inline(" trains any network live and "), Inline("descent train --csv FILE --target COLUMN", style: .code),
         Inline(" trains on your own data.")],
        base: styles.text)
    }
    return lines
  }
}
