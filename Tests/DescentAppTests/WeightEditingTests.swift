import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// `e`: choosing a weight with the arrows, typing its value, and what the screen shows.
@Suite struct WeightEditingTests {
  static let w = ParameterID.weight(layer:output:input:)
  static let b = ParameterID.bias(layer:output:)

  // MARK: - Entering and leaving

  @Test func eFocusesTheWeightsPaneAndChoosesTheFirstWeight() {
    var playground = Fixture.house()
    #expect(playground.focusedPane == .loss)
    #expect(playground.press(.character("e")) == .none)
    #expect(playground.weightEditor?.selected == Self.w(0, 0, 0))
    #expect(playground.focusedPane == .weights)
    #expect(playground.weightEditorPane == .weights)
    #expect(playground.capturesKeys)
    #expect(playground.notice?.text == WeightEditor.choosingHelp)
    let text = screenText(screen(playground, 80, 24))
    #expect(text.contains("w1[0,0] size→price = "))
  }

  @Test func theFocusedDiagramShowsTheChoiceAndTabMovesIt() {
    var playground = Fixture.circle(steps: 20)
    while playground.focusedPane != .network { playground.press(.tab) }
    playground.press(.character("e"))
    #expect(playground.weightEditorPane == .network)
    playground.press(.tab)
    #expect(playground.weightEditorPane == .weights, "Tab still moves the focus, and the choice goes with it")
    #expect(playground.weightEditor?.selected == Self.w(0, 0, 0))
  }

  @Test(arguments: [Key.escape, Key.character("e")])
  func escapeOrELeavesAndTheNextEStartsWhereItLeft(key: Key) {
    var playground = Fixture.circle(steps: 5)
    playground.press(.character("e"), .right, .down)
    #expect(playground.weightEditor?.selected == Self.w(0, 1, 1))
    playground.press(key)
    #expect(playground.weightEditor == nil)
    #expect(!playground.capturesKeys)
    #expect(playground.notice?.text == "done choosing weights: e chooses again")
    playground.press(.character("e"))
    #expect(playground.weightEditor?.selected == Self.w(0, 1, 1))
  }

  // MARK: - Moving

  /// ↑/↓ go neuron by neuron (into the next layer at the end, keeping the column as far as it
  /// goes); ←/→ go input by input to the bias, then on; the ends of the network stop them.
  @Test func arrowsMoveThroughNeuronsInputsAndBiases() {
    var playground = Fixture.circle(steps: 5)
    playground.press(.character("e"))
    func at(_ keys: Key...) -> ParameterID? {
      playground.press(.escape)
      playground.lastEditedWeight = nil
      playground.press(.character("e"))
      for key in keys { playground.press(key) }
      return playground.weightEditor?.selected
    }
    #expect(at(.left) == Self.w(0, 0, 0))
    #expect(at(.up) == Self.w(0, 0, 0))
    #expect(at(.right) == Self.w(0, 0, 1))
    #expect(at(.right, .right) == Self.b(0, 0))
    #expect(at(.right, .right, .right) == Self.w(0, 1, 0))
    #expect(at(.right, .right, .right, .left) == Self.b(0, 0))
    #expect(at(.down) == Self.w(0, 1, 0))
    #expect(at(.right, .right, .down, .down, .down, .down) == Self.w(1, 0, 2), "the bias column of a 2-input layer is the third column of the next")
    #expect(at(.down, .down, .down, .down, .up) == Self.w(0, 3, 0))
    let everyParameter = (0..<40).map { _ in Key.right }
    playground.press(.escape)
    playground.lastEditedWeight = nil
    playground.press(.character("e"))
    var visited: Set<ParameterID> = []
    for key in everyParameter {
      if let selected = playground.weightEditor?.selected { visited.insert(selected) }
      playground.press(key)
    }
    #expect(visited == Set(playground.session.network.parameterIDs), "→ alone visits every parameter")
    #expect(playground.weightEditor?.selected == Self.b(2, 0), "→ stops at the last")
  }

  /// In every kind of network, → from the first parameter visits each parameter exactly once
  /// and ← walks the same path back.
  @Test(arguments: [
    ("dense 4 tanh, dense 1", [2]), ("lstm 3, dense 1", [5, 2]), ("conv 2 3x3 relu, batchnorm, flatten, dense 10 softmax", [1, 6, 6]),
    ("rnn 4, dense 2", [4, 3]), ("dense 3 relu, residual 3 relu, dense 1", [2]),
  ])
  func theGridVisitsEveryParameterOnce(description: String, inputShape: [Int]) throws {
    let network = try Network(description: ModelDescription(parsing: description), inputShape: TensorShape(inputShape))
    let grid = ParameterGrid(network: network)
    var path: [ParameterID] = []
    var current = try #require(grid.first)
    for _ in 0..<network.parameterCount {
      path.append(current)
      current = grid.moved(current, rows: 0, columns: 1)
    }
    #expect(Set(path).count == network.parameterCount, "\(description)")
    #expect(Set(path) == Set(network.parameterIDs))
    #expect(grid.moved(current, rows: 0, columns: 1) == current, "→ stops at the last")
    var back: [ParameterID] = [current]
    for _ in 1..<network.parameterCount {
      current = grid.moved(current, rows: 0, columns: -1)
      back.append(current)
    }
    #expect(back.reversed() == path)
  }

  // MARK: - Typing

  /// (↓ on a single neuron has nowhere to go: it stays.)
  @Test func enterTypesAValueAndEnterSetsIt() {
    var playground = Fixture.house()
    playground.press(.character("e"), .down, .right, .enter)
    #expect(playground.weightEditor?.entry == "")
    #expect(playground.isTyping)
    #expect(playground.notice?.text == WeightEditor.typingHelp)
    playground.type("-0.75")
    #expect(screenText(screen(playground, 80, 24)).contains("w1[0,1] = -0.75"))
    let step = playground.session.stepCount
    playground.press(.enter)
    #expect(playground.session.network[Self.w(0, 0, 1)] == -0.75)
    #expect(playground.session.stepCount == step)
    #expect(playground.weightEditor?.entry == nil)
    #expect(playground.weightEditor?.selected == Self.w(0, 0, 1), "still choosing, to set another")
    #expect(playground.editedWeights)
    #expect(playground.notice?.kind == .info)
    #expect(playground.notice?.text.hasPrefix("w1[0,1] = -0.75 (was ") == true)
    #expect(playground.notice?.text.hasSuffix("from step 41: training goes on from it") == true)
    playground.press(.character("n"))
    #expect(playground.session.stepCount == step + 1, "n still steps while choosing")
  }

  @Test(arguments: ["", "-", "1e9", "1e", "..5", "--1"])
  func aBadValueIsAWarningAndChangesNothing(text: String) {
    var playground = Fixture.house()
    let before = playground.session.network.parameters
    playground.press(.character("e"), .enter)
    playground.type(text)
    playground.press(.enter)
    #expect(playground.session.network.parameters == before)
    #expect(playground.notice?.kind == .warning)
    #expect(playground.notice?.text == "'\(text)' is not a value for w1[0,0] (a number from -1e6 to 1e6)")
    #expect(playground.weightEditor?.entry == nil)
    #expect(playground.weightEditor != nil, "back to choosing")
  }

  @Test func escapeWhileTypingGoesBackWithoutSetting() {
    var playground = Fixture.house()
    let before = playground.session.network.parameters
    playground.press(.character("e"), .enter)
    playground.type("3")
    playground.press(.escape)
    #expect(playground.weightEditor?.entry == nil)
    #expect(playground.weightEditor != nil)
    #expect(playground.session.network.parameters == before)
    #expect(playground.notice?.text == WeightEditor.choosingHelp)
  }

  @Test func typingTakesOnlyNumberCharactersAndBackspaceErases() {
    var playground = Fixture.house()
    playground.press(.character("e"), .enter)
    playground.type("1x2q .5")
    #expect(playground.weightEditor?.entry == "12.5")
    playground.press(.backspace, .backspace)
    #expect(playground.weightEditor?.entry == "12")
    #expect(playground.press(.character("q")) == .none, "q is typed (and refused), not quit, while typing")
    playground.press(.enter)
    #expect(playground.session.network[Self.w(0, 0, 0)] == 12)
  }

  @Test func qQuitsWhileChoosing() {
    var playground = Fixture.house()
    playground.press(.character("e"))
    #expect(playground.press(.character("q")) == .quit)
  }

  @Test func aLockedLabSaysSo() throws {
    var playground = try Playground(
      configuration: Fixture.house(steps: 0).configuration, panes: [.weights], unlockedControls: [.play, .step])
    playground.press(.character("e"))
    #expect(playground.weightEditor == nil)
    #expect(playground.notice == Notice("edit-weights is locked on this page", kind: .warning))
  }

  @Test func aPageWithoutWeightsOrDiagramSaysSo() throws {
    var playground = try Playground(configuration: Fixture.house(steps: 0).configuration, panes: [.loss, .bowl])
    playground.press(.character("e"))
    #expect(playground.weightEditor == nil)
    #expect(playground.notice?.kind == .warning)
    #expect(playground.notice?.text.contains("this page shows neither") == true)
  }

  @Test func aDivergedRunRefusesTheEdit() {
    var playground = Fixture.line(learningRate: 0.5)
    playground.press(.character("e"), .enter)
    playground.type("900000")
    playground.press(.enter)
    guard case .diverged = playground.session.state else {
      Issue.record("a weight of 9e5 on line should diverge, got \(playground.session.state)")
      return
    }
    playground.press(.enter)
    playground.type("1")
    playground.press(.enter)
    #expect(playground.notice?.text == "cannot set w1[0,0]: the run diverged — reset it first")
  }

  // MARK: - In a lesson

  static let lessonWithAnEditableLab = """
    ---
    id: edit
    title: Edit
    order: 1
    summary: Choose a weight.
    requires: []
    ---
    # One

    Text.

    ```lab
    dataset: xor
    layers: [2]
    views: [weights, network]
    controls: all
    ```

    +++

    # Two

    More text.
    """

  /// While a weight is chosen, ←/→ move the choice instead of turning the page; Esc gives them
  /// back to the pages.
  @Test func arrowsGoToTheChoiceInALesson() throws {
    let lesson = try #require(Lesson.parse(text: Self.lessonWithAnEditableLab, fileName: "edit.md").lesson)
    var progress = LessonKit.Progress()
    var player = LessonPlayer(lesson: lesson, page: 0, progress: &progress)
    _ = player.update(.key(.character("e")), progress: &progress)
    #expect(player.playground?.weightEditor?.selected == Self.w(0, 0, 0))
    _ = player.update(.key(.right), progress: &progress)
    _ = player.update(.key(.down), progress: &progress)
    #expect(player.pageIndex == 0)
    #expect(player.scroll == 0)
    #expect(player.playground?.weightEditor?.selected == Self.w(0, 1, 1))
    _ = player.update(.key(.enter), progress: &progress)
    for character in "0.5" { _ = player.update(.key(.character(character)), progress: &progress) }
    _ = player.update(.key(.enter), progress: &progress)
    #expect(player.playground?.session.network[Self.w(0, 1, 1)] == 0.5)
    _ = player.update(.key(.escape), progress: &progress)
    _ = player.update(.key(.right), progress: &progress)
    #expect(player.pageIndex == 1)
  }

  @Test func qLeavesTheLessonWhileChoosingButIsTypedWhileTyping() throws {
    let lesson = try #require(Lesson.parse(text: Self.lessonWithAnEditableLab, fileName: "edit.md").lesson)
    var progress = LessonKit.Progress()
    var player = LessonPlayer(lesson: lesson, page: 0, progress: &progress)
    _ = player.update(.key(.character("e")), progress: &progress)
    _ = player.update(.key(.enter), progress: &progress)
    #expect(player.update(.key(.character("q")), progress: &progress) == .stay(.none))
    _ = player.update(.key(.escape), progress: &progress)
    #expect(player.update(.key(.character("q")), progress: &progress) == .leave)
  }

  // MARK: - What it looks like

  /// The chosen link of the diagram, drawn on top in the highlight style.
  @Test func diagram80x24() throws {
    var playground = Fixture.circle()
    while playground.focusedPane != .network { playground.press(.tab) }
    playground.press(.character("e"), .down, .right)
    #expect(playground.weightEditor?.selected == Self.w(0, 1, 1))
    let buffer = screen(playground, 80, 24)
    assertSnapshot(buffer, named: "weight-edit-diagram-80x24")
    let highlighted = (0..<24).flatMap { y in (0..<80).map { x in buffer[x, y] } }.filter { $0.style == Fixture.colour.highlight }
    #expect(highlighted.count > 3, "the link and the status field are highlighted")
  }

  /// A heatmap cell holds the marker; the status line names the weight and its value.
  @Test func heatmap120x40() {
    var playground = Fixture.spiral()
    while playground.focusedPane != .weights { playground.press(.tab) }
    playground.press(.character("e"), .down, .down, .down, .right, .right)
    #expect(playground.weightEditor?.selected == Self.b(0, 3))
    assertSnapshot(screen(playground, 120, 40), named: "weight-edit-heatmap-120x40")
  }

  @Test func heatmap80x24() {
    var playground = Fixture.circle()
    playground.press(.character("e"))
    while playground.focusedPane != .weights { playground.press(.tab) }
    playground.press(.down, .down, .down, .down, .right)
    assertSnapshot(screen(playground, 80, 24), named: "weight-edit-heatmap-80x24")
  }

  /// The chosen row of the list is highlighted; typing shows on the status line.
  @Test func rows80x24Typing() throws {
    var playground = Fixture.house()
    playground.press(.character("e"), .right, .enter)
    playground.type("0.4")
    let buffer = screen(playground, 80, 24)
    assertSnapshot(buffer, named: "weight-edit-rows-typing-80x24")
    let row = try #require(buffer.lines.firstIndex { $0.contains("bedrooms→price") })
    let line = buffer.lines[row]
    let column = line.distance(from: line.startIndex, to: try #require(line.firstIndex(of: "b")))
    #expect(buffer[column, row].style == Fixture.colour.highlight)
  }

  @Test func rows120x40ASCII() {
    var playground = Fixture.house()
    playground.press(.character("e"), .right, .right, .right)
    #expect(playground.weightEditor?.selected == Self.b(0, 0))
    assertSnapshot(screen(playground, 120, 40, theme: Fixture.ascii), named: "weight-edit-rows-120x40-ascii")
  }
}
