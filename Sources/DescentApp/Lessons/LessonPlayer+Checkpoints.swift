import LessonKit
import NeuralEngine
import TerminalUI

/// What a page's checkpoints look like: each quiz as a box in the page's text, the goals in a
/// box kept under the text.
extension LessonPlayer {
  // MARK: - Quizzes

  /// Quiz `index` as a bordered box `width` columns wide: the question, the numbered choices,
  /// and once answered, whether it was right and the explanation.
  func quizBox(_ quiz: QuizSpec, at index: Int, width: Int, styles: LessonStyles) -> [Line] {
    let symbols = styles.symbols
    let border = symbols.isUnicode ? symbols.roundedBorder : symbols.lightBorder
    let innerWidth = max(1, width - 4)
    let done = isMet(checkpoint: index)
    let title = done ? " Quiz \(symbols.separator) done " : " Quiz "
    let top = border.topLeft + border.horizontal + title
      + String(repeating: border.horizontal, count: max(0, width - 3 - DisplayWidth.of(title))) + border.topRight
    var lines = [Line([Span(top.truncated(toWidth: width, ellipsis: ""), style: styles.decoration)])]
    for line in quizLines(quiz, at: index, width: innerWidth, styles: styles) {
      let padding = String(repeating: " ", count: max(0, innerWidth - line.width))
      lines.append(
        Line([Span(border.vertical + " ", style: styles.decoration)] + line.spans
          + [Span(padding), Span(" " + border.vertical, style: styles.decoration)]))
    }
    let bottom = border.bottomLeft + String(repeating: border.horizontal, count: max(0, width - 2)) + border.bottomRight
    lines.append(Line(bottom, style: styles.decoration))
    return lines
  }

  /// The quiz's lines inside its box: the question, the choices, the verdict and explanation.
  private func quizLines(_ quiz: QuizSpec, at index: Int, width: Int, styles: LessonStyles) -> [Line] {
    let renderer = MarkdownRenderer(width: width, styles: styles)
    let state = quizzes[index] ?? QuizState()
    var lines = renderer.wrap(quiz.questionInlines, base: styles.strong)
    for (choice, inlines) in quiz.choiceInlines.enumerated() {
      var marker = " \(choice + 1). "
      var base = styles.text
      if let answered = state.answered, answered == choice {
        marker = quiz.isCorrect(choice) ? (styles.symbols.isUnicode ? "  ✓  " : "  +  ") : (styles.symbols.isUnicode ? "  ✗  " : "  x  ")
        base = quiz.isCorrect(choice) ? styles.success : styles.warning
      }
      let wrapped = MarkdownRenderer(width: max(1, width - 5), styles: styles).wrap(inlines, base: base)
      for (row, line) in wrapped.enumerated() {
        let prefix = row == 0 ? Span(marker, style: styles.decoration) : Span("     ")
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
    } else {
      lines.append(Line("Press the number of your answer.", style: styles.dim))
    }
    return lines
  }

  // MARK: - Goals

  /// True when the page has a goal with a hint (`h` shows it).
  var hasHint: Bool {
    page?.checkpoints.contains { checkpoint in
      if case .goal(let goal) = checkpoint { return goal.hint != nil }
      return false
    } ?? false
  }

  /// `Goal`, or `Goal · done` once every goal of the page is met.
  func goalBoxTitle(symbols: SymbolSet) -> String {
    guard let page else { return "" }
    let goals = page.checkpoints.indices.filter { index in
      if case .goal = page.checkpoints[index] { return true }
      return false
    }
    let name = goals.count > 1 ? "Goals" : "Goal"
    return goals.allSatisfy(isMet(checkpoint:)) ? "\(name) \(symbols.separator) done" : name
  }

  /// The goal box's lines (without its border) for `width` columns; empty without goals.
  func goalBoxLines(width: Int, styles: LessonStyles) -> [Line] {
    guard let page else { return [] }
    let renderer = MarkdownRenderer(width: width, styles: styles)
    var lines: [Line] = []
    for (index, checkpoint) in page.checkpoints.enumerated() {
      guard case .goal(let goal) = checkpoint else { continue }
      if !lines.isEmpty { lines.append(Line()) }
      lines.append(contentsOf: goalLines(goal, at: index, renderer: renderer))
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
