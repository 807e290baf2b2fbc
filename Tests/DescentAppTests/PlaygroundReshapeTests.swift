import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// The reshaping and tuning keys through `update`: hidden layers and neurons, input features,
/// regularisation, dropout, noise, split and new data, each locked in a lab that does not
/// unlock it, and a reshaped run that is the same run for the same seed.
@Suite struct PlaygroundReshapeTests {
  /// `circle` with hidden layers `layers`, drawn from a recipe so the data keys work.
  static func circle(layers: [Int] = [4, 2], unlocked: Set<LabControl> = Set(LabControl.allCases)) -> Playground {
    let recipe = DataRecipe(source: .builtIn(.circle), seed: 1)
    let configuration = TrainingConfiguration(
      dataset: recipe.builtInDataset(.circle), hiddenLayers: layers, learningRate: 0.1, seed: 1)
    return try! Playground(configuration: configuration, unlockedControls: unlocked, dataRecipe: recipe)
  }

  static func noticeText(_ playground: Playground) -> String { playground.notice?.text ?? "" }

  // MARK: - Shape

  @Test func rightBracketAddsALayerAfterTheFocusedOneAndRestarts() {
    var playground = Self.circle()
    playground.press(.character("n"), .character("n"), .character(" "))
    playground.press(.character("]"))
    #expect(playground.configuration.hiddenLayers == [4, 4, 2])
    #expect(playground.session.network.denseStages.map(\.outputCount) == [4, 4, 2, 1])
    #expect(playground.session.stepCount == 0, "training restarts")
    #expect(playground.isPlaying, "a run that was playing plays on")
    #expect(playground.focusedHiddenLayer == 1, "the new layer is focused")
    #expect(Self.noticeText(playground).contains("layer 2 (4 neurons) added"))
    #expect(Self.noticeText(playground).contains("2→4→4→2→out rebuilt, training restarted"))
  }

  @Test func leftBracketRemovesTheFocusedLayerDownToNone() {
    var playground = Self.circle()
    playground.press(.character(">"), .character("["))
    #expect(playground.configuration.hiddenLayers == [4])
    #expect(playground.focusedHiddenLayer == 0)
    playground.press(.character("["))
    #expect(playground.configuration.hiddenLayers == [])
    #expect(playground.session.network.denseStages.map(\.outputCount) == [1], "a single neuron is left")
    playground.press(.character("["))
    #expect(playground.notice?.kind == .warning)
    #expect(Self.noticeText(playground).contains("no hidden layer to remove"))
    playground.press(.character("]"))
    #expect(playground.configuration.hiddenLayers == [2], "from none, a layer of two as in TF Playground")
  }

  @Test func atMostSixHiddenLayers() {
    var playground = Self.circle(layers: [2])
    for _ in 0..<8 { playground.press(.character("]")) }
    #expect(playground.configuration.hiddenLayers == [2, 2, 2, 2, 2, 2])
    #expect(Self.noticeText(playground).contains("at most 6 hidden layers"))
  }

  @Test func bracesChangeTheFocusedLayerFromOneToEightNeurons() {
    var playground = Self.circle()
    playground.press(.character(">"))
    #expect(playground.focusedHiddenLayer == 1)
    #expect(Self.noticeText(playground).contains("layer 2 of 2 focused: 2 neurons"))
    playground.press(.character("}"))
    #expect(playground.configuration.hiddenLayers == [4, 3])
    #expect(Self.noticeText(playground).contains("neuron added to layer 2"))
    for _ in 0..<9 { playground.press(.character("}")) }
    #expect(playground.configuration.hiddenLayers == [4, 8])
    #expect(Self.noticeText(playground).contains("at most 8 neurons"))
    for _ in 0..<9 { playground.press(.character("{")) }
    #expect(playground.configuration.hiddenLayers == [4, 1])
    #expect(Self.noticeText(playground).contains("at least one neuron"))
    playground.press(.character(">"))
    #expect(playground.focusedHiddenLayer == 0, "focus wraps")
    playground.press(.character("<"))
    #expect(playground.focusedHiddenLayer == 1)
  }

  @Test func aModelDescriptionIsNotReshaped() throws {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), model: try ModelDescription(parsing: "dense 4 tanh, dense 1 sigmoid"))
    var playground = try Playground(configuration: configuration)
    for key in ["]", "[", "}", "{", ">", "<"] {
      playground.press(.character(Character(key)))
      #expect(playground.notice?.kind == .warning)
      #expect(Self.noticeText(playground).contains("reshaping works on dense networks given as layers"))
      #expect(playground.configuration == configuration)
    }
  }

  // MARK: - Input features

  @Test func digitsInTheChooserSwitchFeaturesAndTheInputLayerFollows() {
    var playground = Self.circle()
    playground.press(.character("i"))
    #expect(playground.reshape.choosesFeatures)
    #expect(screenText(screen(playground, 80, 24)).contains("Inputs"))
    playground.press(.character("3"), .character("4"))
    #expect(playground.configuration.inputFeatures == [.x1, .x2, .x1Squared, .x2Squared])
    #expect(playground.session.network.inputCount == 4)
    #expect(Self.noticeText(playground).contains("x₂² on: inputs x₁, x₂, x₁², x₂², network rebuilt, training restarted"))
    playground.press(.character("1"), .character("2"))
    #expect(playground.configuration.inputFeatures == [.x1Squared, .x2Squared])
    playground.press(.character("9"), .character(" "))
    #expect(playground.reshape.choosesFeatures, "other keys only remind how the chooser works")
    #expect(!playground.isPlaying)
    playground.press(.character("i"))
    #expect(!playground.reshape.choosesFeatures)
    #expect(Self.noticeText(playground) == "inputs: x₁², x₂² (i changes them)")
    // Back to the coordinates alone: no engineered features at all.
    playground.press(.character("i"), .character("1"), .character("2"), .character("3"), .character("4"), .escape)
    #expect(playground.configuration.inputFeatures == nil)
    #expect(playground.session.network.inputCount == 2)
  }

  @Test func theLastFeatureStaysOn() {
    var playground = Self.circle()
    playground.press(.character("i"), .character("1"), .character("2"))
    #expect(playground.configuration.inputFeatures == [.x2])
    #expect(playground.notice?.kind == .warning)
    #expect(Self.noticeText(playground).contains("at least one input"))
  }

  @Test func featuresNeedTwoDimensionalData() {
    var playground = Fixture.house(steps: 0)
    playground.press(.character("i"))
    #expect(!playground.reshape.choosesFeatures)
    #expect(Self.noticeText(playground).contains("computed from 2-D data; house has 3 inputs"))
  }

  @Test func qQuitsFromTheChooser() {
    var playground = Self.circle()
    #expect(playground.press(.character("i"), .character("q")) == .quit)
  }

  // MARK: - Regularisation and dropout

  @Test func gCyclesTheKindLiveAndKSetsTheRate() {
    var playground = Self.circle()
    playground.press(.character("n"), .character("n"), .character("n"))
    playground.press(.character("k"))
    #expect(Self.noticeText(playground).contains("regularisation is off"))
    playground.press(.character("g"))
    #expect(playground.session.regularization == .l1(0.001))
    #expect(playground.session.stepCount == 3, "the run goes on")
    #expect(Self.noticeText(playground) == "regularisation L1 (λ·Σ|w|), rate 0.001 from step 4")
    playground.press(.character("k"), .character("k"))
    #expect(playground.session.regularization == .l1(0.01))
    playground.press(.character("g"))
    #expect(playground.session.regularization == .l2(0.01))
    #expect(playground.configuration.regularization == .l2(0.01))
    playground.press(.character("K"))
    #expect(playground.session.regularization == .l2(0.003))
    playground.press(.character("g"))
    #expect(playground.session.regularization == Regularization.none)
    #expect(Self.noticeText(playground) == "regularisation off from step 4")
    playground.press(.character("g"))
    #expect(playground.session.regularization == .l1(0.003), "the last rate is kept")
    for _ in 0..<10 { playground.press(.character("k")) }
    #expect(playground.session.regularization == .l1(10))
    #expect(Self.noticeText(playground).contains("at its highest"))
  }

  @Test func dCyclesDropoutRebuildingOnlyToAndFromZero() {
    var playground = Self.circle()
    playground.press(.character("n"), .character("n"))
    playground.press(.character("D"))
    #expect(playground.session.dropoutRate == 0.1)
    #expect(playground.session.stepCount == 0, "dropout layers are added: rebuilt")
    #expect(playground.session.network.layers.contains { $0.isDropout })
    playground.press(.character("n"), .character("D"))
    #expect(playground.session.dropoutRate == 0.2)
    #expect(playground.session.stepCount == 1, "between rates the run goes on")
    #expect(Self.noticeText(playground) == "dropout 20% of hidden neurons from step 2")
    playground.press(.character("D"), .character("D"), .character("D"))
    #expect(playground.session.dropoutRate == 0)
    #expect(!playground.session.network.layers.contains { $0.isDropout })
    #expect(Self.noticeText(playground).contains("dropout off: network rebuilt"))
  }

  // MARK: - Data

  @Test func jRaisesTheNoiseAndDrawsTheDataAgain() {
    var playground = Self.circle()
    let before = playground.configuration.dataset
    playground.press(.character("n"), .character("j"))
    #expect(playground.dataRecipe?.noise == 0.01)
    #expect(playground.configuration.dataset == DataRecipe(source: .builtIn(.circle), seed: 1, noise: 0.01).builtInDataset(.circle))
    #expect(playground.configuration.dataset != before)
    #expect(playground.session.stepCount == 0)
    #expect(Self.noticeText(playground) == "noise 0.01: data drawn again, training restarted")
    playground.press(.character("J"), .character("J"))
    #expect(playground.dataRecipe?.noise == 0)
    #expect(playground.configuration.dataset == before, "no noise on circle is the standard circle")
    #expect(Self.noticeText(playground).contains("at its lowest"))
  }

  @Test func tAndTMoveTheTrainTestSplit() {
    var playground = Self.circle()
    #expect(playground.session.trainCount == 280)
    playground.press(.character("t"))
    #expect(playground.session.trainCount == 320)
    #expect(Self.noticeText(playground).hasPrefix("training share 80%, test 20%"))
    for _ in 0..<9 { playground.press(.character("T")) }
    #expect(playground.session.trainCount == 40)
    #expect(Self.noticeText(playground).contains("at its lowest here (10%)"))
  }

  @Test func capitalGDrawsNewData() {
    var playground = Self.circle()
    let before = playground.configuration.dataset
    playground.press(.character("G"))
    #expect(playground.dataRecipe?.seed == 2)
    #expect(playground.configuration.dataset == DataRecipe(source: .builtIn(.circle), seed: 2).builtInDataset(.circle))
    #expect(playground.configuration.dataset != before)
    #expect(playground.configuration.seed == 1, "the weights' seed stays")
    #expect(Self.noticeText(playground) == "new data (data seed 2): data drawn again, training restarted")
  }

  @Test func dataFromAFileCannotBeDrawnAgain() {
    var playground = Fixture.house(steps: 0)
    for key in ["j", "J", "t", "T", "G"] {
      playground.press(.character(Character(key)))
      #expect(Self.noticeText(playground).contains("read from a file"))
    }
  }

  @Test func digitsKeepTheirSplitAndTakeNoNoise() throws {
    let recipe = DataRecipe(source: .builtIn(.recall), seed: 1, sampleCount: 100)
    let configuration = TrainingConfiguration(
      dataset: recipe.builtInDataset(.recall), model: try ModelDescription(parsing: "rnn 4, dense 1 sigmoid"), seed: 1)
    var playground = try Playground(configuration: configuration, dataRecipe: recipe)
    playground.press(.character("j"))
    #expect(Self.noticeText(playground).contains("drawn without noise"))
    playground.press(.character("t"))
    #expect(Self.noticeText(playground).contains("keeps its own train/test split"))
  }

  // MARK: - Locked in a lab

  @Test(arguments: [
    ("]", LabControl.layers), ("[", .layers), ("}", .neurons), ("{", .neurons), ("i", .features),
    ("g", .regularization), ("k", .regularization), ("K", .regularization), ("D", .dropout),
    ("j", .noise), ("J", .noise), ("t", .split), ("T", .split), ("G", .data),
  ])
  func eachKeyIsLockedUnlessItsControlIsUnlocked(key: String, control: LabControl) {
    var locked = Self.circle(unlocked: [.play, .step])
    let before = locked.configuration
    locked.press(.character(Character(key)))
    #expect(locked.configuration == before)
    #expect(!locked.reshape.choosesFeatures)
    #expect(Self.noticeText(locked) == "\(control.rawValue) is locked on this page")
    var unlocked = Self.circle(unlocked: [.play, .step, control])
    unlocked.press(.character(Character(key)))
    #expect(unlocked.configuration != before || unlocked.reshape.choosesFeatures || unlocked.notice?.kind == .warning)
    #expect(!Self.noticeText(unlocked).contains("locked"))
  }

  @Test func theFocusedLayerIsShownOnlyWhereTheShapeCanChange() {
    let locked = Self.circle(unlocked: [.play, .step])
    let unlocked = Self.circle()
    let lockedText = screenText(screen(locked, 80, 24)), unlockedText = screenText(screen(unlocked, 80, 24))
    #expect(!lockedText.contains("↓"))
    #expect(unlockedText.contains("↓") || unlocked.focusedHiddenLayer == 0)
  }

  // MARK: - The same run for the same seed

  /// Reshaping by keys lands on exactly the run a fresh playground of that shape gives (the
  /// regularisation chosen first, so the rebuilt run starts with it as the fresh one does).
  @Test func aReshapedRunIsTheRunOfThatShape() throws {
    var reshaped = Self.circle()
    reshaped.press(.character("g"), .character("]"), .character("}"), .character("i"), .character("5"), .character("i"))
    for _ in 0..<30 { reshaped.press(.character("n")) }
    var configuration = Self.circle().configuration
    configuration.hiddenLayers = [4, 5, 2]
    configuration.inputFeatures = [.x1, .x2, .x1TimesX2]
    configuration.regularization = .l1(0.001)
    var fresh = try Playground(configuration: configuration)
    for _ in 0..<30 { fresh.press(.character("n")) }
    #expect(reshaped.session.network.parameters == fresh.session.network.parameters)
    #expect(reshaped.session.history == fresh.session.history)
    var again = Self.circle()
    again.press(.character("g"), .character("]"), .character("}"), .character("i"), .character("5"), .character("i"))
    for _ in 0..<30 { again.press(.character("n")) }
    #expect(again.session.network.parameters == reshaped.session.network.parameters)
  }
}

/// The reshaping keys inside a lesson: they reach the lab, and while the feature chooser is
/// open digits toggle features instead of answering the page's quiz.
@Suite struct LessonReshapeKeysTests {
  static let text = """
    ---
    id: reshape
    title: Reshape
    order: 1
    summary: A lab that can change shape.
    requires: []
    ---
    # Shape

    Change the network.

    ```lab
    dataset: circle
    layers: [3]
    views: [boundary, network]
    controls: [play, step, layers, neurons, features]
    ```

    ```quiz
    question: Which?
    choices: [a, b, c, d, e]
    answer: 5
    ```
    """

  static func player() throws -> LessonPlayer {
    let parsed = Lesson.parse(text: text, fileName: "reshape.md")
    #expect(parsed.problems.isEmpty)
    let lesson = try #require(parsed.lesson)
    var progress = LessonKit.Progress()
    return LessonPlayer(lesson: lesson, page: 0, progress: &progress)
  }

  @Test func keysReachTheLabAndDigitsGoToTheOpenChooser() throws {
    var player = try Self.player()
    var progress = LessonKit.Progress()
    #expect(player.activeQuizIndex != nil)
    for key in ["]", "}", "i", "3"] { _ = player.update(.key(.character(Character(key))), progress: &progress) }
    #expect(player.playground?.configuration.hiddenLayers == [3, 4])
    #expect(player.playground?.configuration.inputFeatures == [.x1, .x2, .x1Squared])
    #expect(player.quizzes.values.allSatisfy { $0.answered == nil }, "the digit went to the chooser, not the quiz")
    #expect(player.footerHints(symbols: .unicode).hints.first?.action == "inputs", "the footer says what digits do now")
    _ = player.update(.key(.escape), progress: &progress)
    #expect(player.footerHints(symbols: .unicode).hints.first?.action == "answer")
    _ = player.update(.key(.character("4")), progress: &progress)
    #expect(player.quizzes.values.contains { $0.answered == 3 }, "with the chooser closed digits answer the quiz")
    _ = player.update(.key(.character("g")), progress: &progress)
    #expect(player.playground?.notice?.text == "regularization is locked on this page")
  }

  /// A lab with every control unlocked: the keys go into two columns of short actions, and
  /// every one of them is on the 80×24 screen.
  @Test func everyKeyOfAnOpenLabIsListedAt80x24() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["supervised": ([], 3)]), startLesson: "supervised")
    _ = model.update(.key(.character("?")))
    let buffer = LessonFixture.screen(model)
    assertSnapshot(buffer, named: "lesson-lab-help-all-controls-80x24")
    let text = screenText(buffer)
    for keys in ["space", "[  ]", "{  }", "<  >", "i  input", "g  regular", "k  K", "D  dropout", "j  J", "t  T", "G  draw", "q  lesson menu"] {
      #expect(text.contains(keys), "missing \(keys)")
    }
  }

  @Test func qLeavesTheLessonFromTheChooser() throws {
    var player = try Self.player()
    var progress = LessonKit.Progress()
    _ = player.update(.key(.character("i")), progress: &progress)
    #expect(player.update(.key(.character("q")), progress: &progress) == .leave)
  }
}
