import LessonKit
import NeuralEngine
import TerminalUI

/// `e`: choose a weight or bias in the weights pane or the diagram, type a value, and training
/// goes on from it (TF Playground lets its users click a link and type one).
extension Playground {
  /// The panes a chosen weight is shown in.
  static let weightPanes: [LabView] = [.weights, .network]

  /// `e`: starts choosing in the focused weights pane or diagram (focusing the first of them
  /// when another pane has the focus), at the parameter chosen last time if it still exists.
  mutating func startEditingWeights() {
    guard let pane = focusedPane.flatMap({ Self.weightPanes.contains($0) ? $0 : nil })
      ?? panes.first(where: Self.weightPanes.contains)
    else {
      notice = Notice("e chooses a weight in the weights pane or the network diagram; this page shows neither", kind: .warning)
      return
    }
    let grid = ParameterGrid(network: session.network)
    guard let first = grid.first else {
      notice = Notice("this network has no weights to choose", kind: .warning)
      return
    }
    if let index = panes.firstIndex(of: pane) { focusedPaneIndex = index }
    if let maximisedPane, maximisedPane != pane { self.maximisedPane = nil }
    // The network may have been rebuilt since (`a`, `m`): a name it no longer has starts over.
    let last = lastEditedWeight.flatMap { session.network.contains($0) ? $0 : nil }
    weightEditor = WeightEditor(selected: last ?? first)
    notice = Notice(WeightEditor.choosingHelp)
  }

  /// Keys while a weight is chosen or typed. Returns nil for a key that keeps its usual meaning
  /// (while choosing: space, n, +, - and the rest still work, so training can go on meanwhile).
  mutating func handleWeightEditorKey(_ key: Key) -> Command? {
    guard var editor = weightEditor else { return nil }
    if var text = editor.entry {
      switch key {
      case .enter:
        editor.entry = nil
        weightEditor = editor
        if let value = WeightEditor.value(of: text) {
          setWeight(editor.selected, to: value)
        } else {
          notice = Notice("'\(text)' is not a value for \(editor.selected) (a number from -1e6 to 1e6)", kind: .warning)
        }
      case .escape:
        editor.entry = nil
        weightEditor = editor
        notice = Notice(WeightEditor.choosingHelp)
      case .backspace, .delete:
        if !text.isEmpty { text.removeLast() }
        editor.entry = text
        weightEditor = editor
      case .character(let character) where "0123456789.eE-+".contains(character) && text.count < 24:
        text.append(character)
        editor.entry = text
        weightEditor = editor
      default:
        notice = Notice(WeightEditor.typingHelp)
      }
      return Command.none
    }
    let grid = ParameterGrid(network: session.network)
    switch key {
    case .up: editor.selected = grid.moved(editor.selected, rows: -1, columns: 0)
    case .down: editor.selected = grid.moved(editor.selected, rows: 1, columns: 0)
    case .left: editor.selected = grid.moved(editor.selected, rows: 0, columns: -1)
    case .right: editor.selected = grid.moved(editor.selected, rows: 0, columns: 1)
    case .enter:
      editor.entry = ""
      notice = Notice(WeightEditor.typingHelp)
    case .escape, .character("e"):
      weightEditor = nil
      lastEditedWeight = editor.selected
      notice = Notice("done choosing weights: e chooses again")
      return Command.none
    default:
      return nil
    }
    weightEditor = editor
    return Command.none
  }

  /// The pane that shows the chosen weight: the focused one when it is the weights pane or the
  /// diagram (Tab moves the choice between them), else the first of them; nil while not
  /// choosing.
  var weightEditorPane: LabView? {
    guard weightEditor != nil else { return nil }
    if let focusedPane, Self.weightPanes.contains(focusedPane) { return focusedPane }
    return panes.first(where: Self.weightPanes.contains)
  }

  /// Sets `parameter` to `value` in the session and says so; a diverged run refuses.
  private mutating func setWeight(_ parameter: ParameterID, to value: Double) {
    let before = session.state
    let old = session.network.position(of: parameter).map { session.network.parameters[$0] }
    do {
      try session.setParameter(parameter, to: value)
    } catch {
      notice = Notice("cannot set \(parameter): \(error)", kind: .warning)
      return
    }
    editedWeights = true
    savedAtStep = nil
    pausedForConvergence = false
    runLog.recordEvaluation(of: session)
    refreshBowl()
    let was = old.map { " (was \(NumberFormat.value($0)))" } ?? ""
    notice = Notice("\(parameter) = \(RunSetup.number(value))\(was) from step \(session.stepCount + 1): training goes on from it")
    noteStateChange(from: before)
  }

  /// The chosen parameter's name with what it connects (`w1[0,1] x2→h1.1`) and its value now.
  var selectedWeightLabel: (name: String, value: Double)? {
    guard let editor = weightEditor, let position = session.network.position(of: editor.selected) else { return nil }
    let named = NamedParameter(at: position, in: session.network, dataset: configuration.dataset)
    let link = named.from.isEmpty ? "" : " \(named.from)→\(named.to)"
    return (editor.selected.description + link, named.value)
  }
}
