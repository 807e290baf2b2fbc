import NeuralEngine
import TerminalUI

/// The bar at the bottom of the playground: where the run stands and what just happened.
///
/// The first row holds the fields (state, pace, step, epoch, losses, accuracy, learning rate,
/// batch mode, optimizer). When they do not fit, fields with a shorter form take it (`▶` for
/// `▶ playing`, `10/s` for `pace 10/s`), then fields of lower priority are dropped; the fields
/// the page is about (`Playground.emphasis`) rank just below the run's state and pace. A second
/// row, when there is one, holds the notice (or a short key hint when there is none); with one
/// row the notice competes for space as a field.
struct StatusLine {
  let playground: Playground

  /// One piece of the status bar with how much it matters (higher is kept longer).
  private struct Field {
    var spans: [Span]
    var priority: Int
    /// A shorter form used before the field is dropped.
    var compact: [Span]? = nil
    /// How much the full form matters, when less than `priority`: the field shortens once the
    /// fields below this have gone.
    var fullFormPriority: Int? = nil
    /// The priority the field gives way at now: its full form's while it has a shorter one.
    var yieldPriority: Int { compact != nil ? fullFormPriority ?? priority : priority }
    /// A flexible field (the notice) counts at most 20 columns and is cut at the edge.
    var flexible = false
    var width: Int {
      let full = spans.reduce(0) { $0 + $1.width }
      return flexible ? min(full, 20) : full
    }
  }

  /// Priorities: the run's state, then its pace, then what the page is about, then the rest.
  private enum Priority {
    static let state = 100
    static let notice = 95
    static let pace = 90
    /// `pace 30/s` shortens to `30/s` after the step count goes, before the loss does.
    static let paceWord = 75
    static let emphasised = 85
    static let learningRate = 80
    static let loss = 79
    static let step = 70
    static let testLoss = 60
    static let accuracy = 50
    static let epoch = 40
    static let batchMode = 30
    static let optimizer = 20
  }

  // MARK: - Drawing

  /// Rows the status line wants at `width`: the bar, and the notice (or key hints) wrapped to
  /// at most `maximum - 1` rows, so a long notice is read whole instead of cut.
  func height(width: Int, maximum: Int, theme: Theme) -> Int {
    guard maximum >= 2 else { return max(0, maximum) }
    let rows = noticeLines(width: width - 2, theme: theme).count
    return min(maximum, 1 + max(1, rows))
  }

  /// Draws the status bar in the first row of `area` and the notice (wrapped) in the rows below,
  /// if any.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    let barRow = Rect(x: area.x, y: area.y, width: area.width, height: 1)
    buffer.fill(barRow, with: Cell(" ", style: theme.statusBar))
    var fields = statusFields(theme: theme)
    if area.height < 2, let notice = noticeSpan(theme: theme, onBar: true) {
      fields.append(Field(spans: [notice], priority: Priority.notice, flexible: true))
      if playground.notice?.kind == .info, let reason = divergenceSpan(theme: theme, onBar: true) {
        fields.append(Field(spans: [reason], priority: Priority.notice, flexible: true))
      }
    }
    drawFields(fields, in: Rect(x: barRow.x + 1, y: barRow.y, width: barRow.width - 2, height: 1), buffer: &buffer, theme: theme)
    guard area.height >= 2 else { return }
    let noticeArea = Rect(x: area.x + 1, y: area.y + 1, width: max(0, area.width - 2), height: area.height - 1)
    var lines = noticeLines(width: noticeArea.width, theme: theme)
    if lines.count > noticeArea.height, noticeArea.height > 0 {
      // Only when the screen has no room to wrap: the last row that fits ends in an ellipsis.
      let last = Line(lines[noticeArea.height - 1].spans + [Span(" " + theme.symbols.ellipsis)])
      lines = Array(lines.prefix(noticeArea.height - 1)) + [last.truncated(toWidth: noticeArea.width, ellipsis: theme.symbols.ellipsis)]
    }
    for (row, line) in lines.prefix(noticeArea.height).enumerated() {
      buffer.write(line, x: noticeArea.x, y: noticeArea.y + row, clip: noticeArea)
    }
  }

  /// The notice (and why the run diverged) wrapped to `width`, or the key hints that fit.
  private func noticeLines(width: Int, theme: Theme) -> [Line] {
    guard width > 0 else { return [] }
    guard var spans = noticeSpan(theme: theme, onBar: false).map({ [$0] }) else {
      return [Line([hintSpan(theme: theme, width: width)])]
    }
    if playground.notice?.kind == .info, let reason = divergenceSpan(theme: theme, onBar: false) {
      spans += [Span("  "), reason]
    }
    return Paragraph([Line(spans)]).wrappedLines(width: width)
  }

  /// Fields that fit in `row`, in their order, two spaces apart. Until they fit, the least
  /// important field gives way: it takes its shorter form if it has one, else it is dropped.
  private func drawFields(_ fields: [Field], in row: Rect, buffer: inout Buffer, theme: Theme) {
    guard row.width > 0 else { return }
    var kept = fields
    func totalWidth(_ fields: [Field]) -> Int {
      fields.reduce(0) { $0 + $1.width } + 2 * max(0, fields.count - 1)
    }
    while totalWidth(kept) > row.width, kept.count > 1 || kept.first?.compact != nil,
      let lowest = kept.indices.min(by: { kept[$0].yieldPriority < kept[$1].yieldPriority })
    {
      if let compact = kept[lowest].compact {
        kept[lowest].spans = compact
        kept[lowest].compact = nil
      } else {
        kept.remove(at: lowest)
      }
    }
    var x = row.x
    for (index, field) in kept.enumerated() {
      if index > 0 { x += 2 }
      x = buffer.write(Line(field.spans), x: x, y: row.y, clip: row)
    }
  }

  // MARK: - Fields

  private func statusFields(theme: Theme) -> [Field] {
    let session = playground.session
    let symbols = theme.symbols
    let label = onBar(theme.label, theme)
    let value = onBar(theme.value, theme)
    let emphasis = playground.emphasis
    func priority(_ field: StatusField, otherwise: Int) -> Int {
      emphasis.contains(field) ? Priority.emphasised : otherwise
    }
    var fields: [Field] = []
    let state = stateSpans(theme: theme)
    fields.append(Field(spans: state.full, priority: Priority.state, compact: state.compact))
    if playground.trains {
      let pace = Span(playground.pace.description, style: value)
      fields.append(
        Field(spans: [Span("pace ", style: label), pace], priority: Priority.pace, compact: [pace], fullFormPriority: Priority.paceWord))
      fields.append(Field(spans: [Span("step ", style: label), Span(String(session.stepCount), style: value)], priority: Priority.step))
    }
    fields.append(
      Field(
        spans: [Span("epoch ", style: label), Span(String(session.epochCount), style: value)],
        priority: priority(.epoch, otherwise: Priority.epoch)))
    fields.append(Field(spans: [Span("loss ", style: label), Span(Self.number(session.trainLoss), style: value)], priority: Priority.loss))
    if let testLoss = session.testLoss {
      fields.append(
        Field(
          spans: [Span("test ", style: label), Span(Self.number(testLoss), style: value)],
          priority: priority(.testLoss, otherwise: Priority.testLoss)))
    }
    if let accuracy = session.trainAccuracy {
      var spans = [Span("acc ", style: label), Span(Self.percent(accuracy), style: value)]
      var compact = spans
      if let testAccuracy = session.testAccuracy {
        spans += [Span(" / ", style: label), Span(Self.percent(testAccuracy), style: value)]
        compact += [Span("/", style: label), Span(Self.percent(testAccuracy), style: value)]
      }
      fields.append(Field(spans: spans, priority: priority(.accuracy, otherwise: Priority.accuracy), compact: compact))
    }
    if let entry = playground.learningRateEntry {
      let typing = onBar(theme.highlight, theme)
      fields.append(
        Field(
          spans: [Span("lr: ", style: typing), Span(symbols.displayable(entry) + symbols.cursor, style: typing)],
          priority: Priority.state))
    } else {
      fields.append(
        Field(
          spans: [Span("lr ", style: label), Span(formatLearningRate(session.learningRate), style: value)],
          priority: Priority.learningRate))
    }
    if let editor = playground.weightEditor, let chosen = playground.selectedWeightLabel {
      let style = onBar(theme.highlight, theme)
      let name = symbols.displayable(editor.selected.description)
      if let entry = editor.entry {
        fields.append(Field(spans: [Span(name + " = " + symbols.displayable(entry) + symbols.cursor, style: style)], priority: Priority.state))
      } else {
        let value = NumberFormat.value(chosen.value)
        fields.append(
          Field(
            spans: [Span(symbols.displayable(chosen.name) + " = " + value, style: style)], priority: Priority.state,
            compact: [Span(name + " = " + value, style: style)], fullFormPriority: Priority.step))
      }
    }
    fields.append(Field(spans: [Span(session.batchMode.label, style: label)], priority: priority(.batchMode, otherwise: Priority.batchMode)))
    fields.append(
      Field(spans: [Span(session.optimizerKind.rawValue, style: label)], priority: priority(.optimizer, otherwise: Priority.optimizer)))
    return fields
  }

  /// The run's state in words, and its shorter form. While playing it says so, whatever the
  /// monitor last judged (a converged run the learner plays on is training); `converged` shows
  /// once the run stands still.
  private func stateSpans(theme: Theme) -> (full: [Span], compact: [Span]?) {
    let symbols = theme.symbols
    guard playground.trains else {
      let style = onBar(theme.label, theme)
      return ([Span("not training on this page", style: style)], [Span("still", style: style)])
    }
    switch playground.session.state {
    case .diverged:
      return ([Span(symbols.markers.cross + " diverged", style: onBar(theme.warning, theme))], nil)
    case .converged where !playground.isPlaying:
      return ([Span(symbols.paused + " converged", style: onBar(theme.positive, theme))], nil)
    case .running, .converged:
      let style = onBar(playground.isPlaying ? theme.value : theme.label, theme)
      let marker = playground.isPlaying ? symbols.playing : symbols.paused
      return ([Span(marker + (playground.isPlaying ? " playing" : " paused"), style: style)], [Span(marker, style: style)])
    }
  }

  /// The notice, or the divergence reason when the run stopped and nothing newer was said.
  private func noticeSpan(theme: Theme, onBar bar: Bool) -> Span? {
    let symbols = theme.symbols
    if let notice = playground.notice {
      let style = notice.kind == .warning ? theme.warning : theme.label
      return Span(symbols.displayable(notice.text), style: bar ? onBar(style, theme) : style)
    }
    return divergenceSpan(theme: theme, onBar: bar)
  }

  /// Why the run stopped, when it diverged.
  private func divergenceSpan(theme: Theme, onBar bar: Bool) -> Span? {
    guard case .diverged(let reason) = playground.session.state else { return nil }
    let text = theme.symbols.displayable("diverged: \(reason) — press r to reset")
    return Span(text, style: bar ? onBar(theme.warning, theme) : theme.warning)
  }

  /// The playground's main keys that work here, as many as fit in `width`.
  private func hintSpan(theme: Theme, width: Int) -> Span {
    let unlocked = playground.unlockedControls
    var hints: [KeyHints.Hint] = []
    if unlocked.contains(.play) { hints.append(.init(keys: "space", action: "play", priority: 10)) }
    if unlocked.contains(.step) { hints.append(.init(keys: "n", action: "step", priority: 8)) }
    if unlocked.contains(.model), playground.modelChoices.count > 1 {
      hints.append(.init(keys: "m", action: "next network", priority: 9))
    }
    if unlocked.contains(.optimizer), playground.optimizerChoices.count > 1 {
      hints.append(.init(keys: "o", action: "optimizer", priority: 9))
    }
    if unlocked.contains(.learningRate) { hints.append(.init(keys: "+/-", action: "rate", priority: 7)) }
    if playground.trains { hints.append(.init(keys: "s", action: "pace", priority: 4)) }
    if playground.reshapesNetwork, unlocked.contains(.layers) || unlocked.contains(.neurons) {
      hints.append(.init(keys: "[]{}", action: "shape", priority: 3))
    }
    if playground.takesInputFeatures, unlocked.contains(.features) { hints.append(.init(keys: "i", action: "inputs", priority: 2)) }
    if playground.panes.count > 1 { hints.append(.init(keys: "Tab", action: "focus", priority: 5)) }
    if unlocked.contains(.editWeights), playground.panes.contains(where: Playground.weightPanes.contains) {
      hints.append(.init(keys: "e", action: "edit a weight", priority: 3))
    }
    if playground.hasSetup { hints.append(.init(keys: "v", action: "setup", priority: 2)) }
    hints.append(.init(keys: "?", action: "help", priority: 9))
    hints.append(.init(keys: "q", action: "quit", priority: 6))
    return Span(KeyHints(hints).text(width: width, symbols: theme.symbols), style: theme.dim)
  }

  // MARK: - Formatting

  /// `style`'s colours and attributes over the status bar's background.
  private func onBar(_ style: Style, _ theme: Theme) -> Style {
    theme.legible(style, on: theme.statusBar)
  }

  /// A loss: three significant digits, never "nan" or "inf".
  static func number(_ value: Double) -> String {
    NumberFormat.value(value)
  }

  /// An accuracy as a whole percentage: `93%`. Any Double is accepted: one too large for a
  /// whole number of percent is written in exponent form (`1e12%`), one that overflows is `—`.
  static func percent(_ fraction: Double) -> String {
    let percent = (fraction * 100).rounded()
    guard percent.isFinite else { return NumberFormat.notANumber }
    guard abs(percent) < 1e9 else { return NumberFormat.compact(percent) + "%" }
    return "\(Int(percent))%"
  }
}
