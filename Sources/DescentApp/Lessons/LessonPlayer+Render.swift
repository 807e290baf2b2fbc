import LessonKit
import NeuralEngine
import TerminalUI

/// Drawing a lesson page: title bar, page text (scrolling), checkpoint box, the lab, key footer.
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
    /// Where the text lines go (inside `textColumn`, above the checkpoint box).
    var text: Rect
    var checkpointBox: Rect?
    var lab: Rect?
    /// Column of the line between text and lab.
    var separatorX: Int?
    /// True when the screen is too small for this page's lab.
    var tooSmall: Bool
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
    var checkpointBox: Rect?
    let boxLines = checkpointLines(width: max(1, textColumn.width - 5), styles: styles)
    if !boxLines.isEmpty, !tooSmall {
      let height = min(boxLines.count + 2, max(3, textColumn.height - 4))
      // Under the text when there is text; a page that is only a checkpoint shows it at the top.
      let pageHasText = !(page?.blocks.isEmpty ?? true)
      let top = pageHasText ? textColumn.maxY - height : textColumn.y + 1
      checkpointBox = Rect(x: textColumn.x, y: top, width: textColumn.width - 1, height: height)
      text.height = pageHasText ? max(0, textColumn.height - height) : 0
    }
    return PageLayout(
      titleBar: titleBar, footer: footer, textColumn: textColumn, text: text, checkpointBox: checkpointBox,
      lab: lab, separatorX: separatorX, tooSmall: tooSmall)
  }

  /// The page's text as lines for `width` columns.
  func textLines(width: Int, styles: LessonStyles) -> [Line] {
    guard let page else { return [] }
    return MarkdownRenderer(width: width, styles: styles).lines(for: page.blocks)
  }

  /// The furthest the text can scroll on a screen of `size`.
  func maximumScroll(in area: Rect, styles: LessonStyles) -> Int {
    let layout = layout(in: area, styles: styles)
    return max(0, textLines(width: layout.text.width, styles: styles).count - layout.text.height)
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
    if let box = layout.checkpointBox {
      let inner = Block(title: checkpointTitle, theme: theme).draw(in: box, buffer: &buffer)
      let lines = checkpointLines(width: max(1, inner.width - 2), styles: styles)
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
    } else if let labArea = layout.lab, let labError {
      let inner = Rect(x: labArea.x + 1, y: labArea.y, width: max(0, labArea.width - 2), height: labArea.height)
      Paragraph(theme.symbols.displayable(labError), style: theme.warning).render(in: inner, buffer: &buffer)
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
    let left = " \(lesson.title) · page \(pageIndex + 1)/\(lesson.pages.count)" + (pageDone ? " \(mark)" : "")
    let rightWidth = DisplayWidth.of(right)
    var titleStyle = styles.bar
    titleStyle.bold = true
    buffer.write(left, x: rect.x, y: rect.y, style: titleStyle, clip: Rect(x: rect.x, y: rect.y, width: max(0, rect.width - rightWidth - 1), height: 1))
    if rightWidth + DisplayWidth.of(left) < rect.width {
      buffer.write(right, x: rect.maxX - rightWidth, y: rect.y, style: styles.bar, clip: rect)
    }
  }

  /// The keys that matter on this page.
  var footerText: String {
    if let index = activeQuizIndex, let quiz = quizSpec(at: index) {
      return "1-\(quiz.choices.count) answer · ↑/↓ choose · Enter pick · ←/→ pages · q menu"
    }
    if page?.lab != nil {
      return "←/→ pages · space train · n step · h hint · ? keys · q menu"
    }
    return "←/→ pages · ↑/↓ scroll · q menu"
  }

  private func renderFooter(in rect: Rect, buffer: inout Buffer, styles: LessonStyles) {
    guard !rect.isEmpty else { return }
    var text = footerText
    if !styles.symbols.isUnicode {
      text = text.replacingOccurrences(of: "←/→", with: "<-/->").replacingOccurrences(of: "↑/↓", with: "up/down")
        .replacingOccurrences(of: "·", with: "|")
    }
    buffer.write(" " + text, x: rect.x, y: rect.y, style: styles.dim, clip: rect)
  }

  private func renderTooSmall(in body: Rect, area: Rect, buffer: inout Buffer, styles: LessonStyles) {
    let size = Self.minimumLabSize
    let times = styles.symbols.isUnicode ? "×" : "x"
    let message = [
      "This page has a live lab.",
      "Make the terminal at least \(size.width)\(times)\(size.height)",
      "(now \(area.width)\(times)\(area.height)); it redraws at once.",
      "←/→ still turn pages, q returns to the menu.",
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
    let indicatorX = layout.textColumn.maxX - 1 - (layout.separatorX == nil ? 0 : 0)
    let markers = styles.symbols.markers
    if first > 0 { buffer[indicatorX, layout.text.y] = Cell(markers.arrowUp, style: styles.highlight) }
    if first < maximum { buffer[indicatorX, layout.text.maxY - 1] = Cell(markers.arrowDown, style: styles.highlight) }
    if layout.text.height >= 3 {
      let track = layout.text.height - 2
      let position = layout.text.y + 1 + Int((Double(first) / Double(maximum) * Double(track - 1)).rounded())
      buffer[indicatorX, position] = Cell(styles.symbols.isUnicode ? "┃" : "|", style: styles.dim)
    }
  }

  // MARK: - Checkpoint box

  private var checkpointTitle: String {
    guard let page else { return "" }
    let done = page.checkpoints.indices.allSatisfy(isMet(checkpoint:))
    let kinds = page.checkpoints.map { checkpoint -> String in
      if case .quiz = checkpoint { return "Quiz" }
      return "Goal"
    }
    let name = Array(Set(kinds)).sorted().joined(separator: " & ")
    return done ? "\(name) · done" : name
  }

  /// The checkpoint box's lines (without its border) for `width` columns.
  func checkpointLines(width: Int, styles: LessonStyles) -> [Line] {
    guard let page, !page.checkpoints.isEmpty else { return [] }
    let renderer = MarkdownRenderer(width: width, styles: styles)
    var lines: [Line] = []
    for (index, checkpoint) in page.checkpoints.enumerated() {
      if index > 0 { lines.append(Line()) }
      switch checkpoint {
      case .quiz(let quiz):
        lines.append(contentsOf: quizLines(quiz, at: index, renderer: renderer))
      case .goal(let goal):
        lines.append(contentsOf: goalLines(goal, at: index, renderer: renderer))
      }
    }
    return lines
  }

  private func quizLines(_ quiz: QuizSpec, at index: Int, renderer: MarkdownRenderer) -> [Line] {
    let styles = renderer.styles
    let state = quizzes[index] ?? QuizState()
    let isActive = activeQuizIndex == index
    var lines = renderer.wrap(quiz.questionInlines, base: styles.strong)
    for (choice, inlines) in quiz.choiceInlines.enumerated() {
      let pointer = isActive && state.selected == choice && state.answered != choice
        ? (styles.symbols.isUnicode ? "▶ " : "> ") : "  "
      var marker = pointer + "\(choice + 1). "
      var base = styles.text
      if let answered = state.answered, answered == choice {
        marker = quiz.isCorrect(choice) ? (styles.symbols.isUnicode ? "  ✓  " : "  +  ") : (styles.symbols.isUnicode ? "  ✗  " : "  x  ")
        base = quiz.isCorrect(choice) ? styles.success : styles.warning
      } else if isActive, state.selected == choice {
        base = styles.highlight
      }
      let wrapped = MarkdownRenderer(width: max(1, renderer.width - 5), styles: styles).wrap(inlines, base: base)
      for (row, line) in wrapped.enumerated() {
        let prefix = row == 0 ? Span(marker, style: base == styles.highlight ? styles.highlight : styles.decoration) : Span("     ")
        lines.append(Line([prefix] + line.spans))
      }
    }
    if let answered = state.answered {
      let right = quiz.isCorrect(answered)
      lines.append(
        Line(right ? "Right." : "Not quite: pick another answer.", style: right ? styles.success : styles.warning))
      if right || quiz.explanation != nil {
        for line in renderer.lines(for: quiz.explanationBlocks) { lines.append(line) }
      }
    }
    return lines
  }

  private func goalLines(_ goal: GoalSpec, at index: Int, renderer: MarkdownRenderer) -> [Line] {
    let styles = renderer.styles
    var lines = renderer.wrap([Inline(Self.describe(goal, featureNames: singleNeuronFeatures))], base: styles.strong)
    let status = goalStatus(at: index)
    switch status {
    case .met:
      let mark = styles.symbols.isUnicode ? "✓ " : "+ "
      lines.append(contentsOf: renderer.wrap([Inline(mark + (goal.message ?? "Goal met."))], base: styles.success))
    case .missed:
      lines.append(contentsOf: renderer.wrap([Inline("Missed the step limit: press r to try again.")], base: styles.warning))
    case .pending:
      lines.append(contentsOf: renderer.wrap([Inline(pendingText(goal))], base: styles.dim))
    }
    if let hint = goal.hint {
      if status != .met, showsHint(goalAt: index) {
        lines.append(contentsOf: renderer.wrap([Inline("Hint: ", style: .bold)] + Self.inlines(hint), base: styles.dim))
      } else if status != .met {
        lines.append(Line("h shows a hint", style: styles.dim))
      }
    }
    return lines
  }

  /// `now 0.26, 0.2, 0.49 · step 20 of 50`: where the numbers the goal is judged on stand.
  func pendingText(_ goal: GoalSpec) -> String {
    guard let session = playground?.session else { return "Not yet" }
    var text = "now " + Self.currentValues(goal, context: SessionGoalContext(session: session), featureNames: singleNeuronFeatures)
    text += " \(styles.symbols.separator) step \(session.stepCount)"
    if let limit = goal.withinSteps { text += " of \(limit)" }
    return text
  }

  /// The current value of every quantity `goal` judges, in the order `describe` names them:
  /// `loss 0.12, test accuracy 87%`; weight targets alone are just their values.
  static func currentValues(_ goal: GoalSpec, context: some GoalContext, featureNames: [String]? = nil) -> String {
    var parts: [String] = []
    if goal.trainLossBelow != nil { parts.append("train loss \(NumberFormat.value(context.trainLoss))") }
    if goal.testLossBelow != nil { parts.append("test loss \(context.testLoss.map { NumberFormat.value($0) } ?? "-")") }
    if goal.accuracyAbove != nil {
      parts.append("\(accuracyName(context)) \(context.accuracy.map(StatusLine.percent) ?? "-")")
    }
    if goal.diverged != nil { parts.append(context.diverged ? "blown up" : "still finite") }
    let weights = goal.weightTargets.map { target in
      context.parameterValue(target.parameter).map { NumberFormat.value($0) } ?? "-"
    }
    if !weights.isEmpty {
      if parts.isEmpty { return weights.joined(separator: ", ") }
      parts += zip(goal.weightTargets, weights).map { "\(name($0.parameter, featureNames: featureNames)) \($1)" }
    }
    return parts.joined(separator: ", ")
  }

  /// `test accuracy` when the goal is judged on the test data (as it is whenever there is some).
  private static func accuracyName(_ context: some GoalContext) -> String {
    context.testLoss == nil ? "accuracy" : "test accuracy"
  }

  /// Inline Markdown text (a hint) as runs: the first paragraph MarkdownParser finds.
  static func inlines(_ text: String) -> [Inline] {
    for case .paragraph(let inlines) in MarkdownParser.parse(text) { return inlines }
    return [Inline(text)]
  }

  /// The goal's conditions in words, e.g. `train loss < 0.01 within 50 steps`.
  static func describe(_ goal: GoalSpec, featureNames: [String]? = nil) -> String {
    var parts: [String] = []
    if let value = goal.trainLossBelow { parts.append("train loss < \(number(value))") }
    if let value = goal.testLossBelow { parts.append("test loss < \(number(value))") }
    if let value = goal.accuracyAbove { parts.append("test accuracy > \(number(value * 100))%") }
    if goal.diverged == true { parts.append("make training blow up") }
    if goal.diverged == false { parts.append("training does not blow up") }
    if !goal.weightTargets.isEmpty {
      let targets = goal.weightTargets.map { "\(name($0.parameter, featureNames: featureNames)) ≈ \(number($0.value))" }
      parts.append(targets.joined(separator: ", ") + " (±\(number(goal.tolerance)))")
    }
    var text = parts.joined(separator: ", ")
    if let limit = goal.withinSteps { text += " within \(limit) steps" }
    return text
  }

  /// The feature names when the lab is a single neuron, whose weights read best as `w.size`.
  private var singleNeuronFeatures: [String]? {
    guard let lab = page?.lab, lab.hiddenLayers.isEmpty, lab.model == nil else { return nil }
    return playground?.session.featureNames
  }

  /// `w.size` for a single neuron's weight from a named feature, `b` for its bias, else as written.
  static func name(_ parameter: ParameterID, featureNames: [String]?) -> String {
    guard let featureNames else { return parameter.description }
    if parameter.block == "w1", parameter.indices.count == 2, parameter.indices[0] == 0,
      featureNames.indices.contains(parameter.indices[1])
    {
      return featureNames.count == 1 ? "w" : "w.\(featureNames[parameter.indices[1]])"
    }
    if parameter.block == "b1", parameter.indices == [0] { return "b" }
    return parameter.description
  }

  /// A number as a lesson writes it: `0.05`, `95`, `1e-05`.
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
    return formatLearningRate(value)
  }
}
