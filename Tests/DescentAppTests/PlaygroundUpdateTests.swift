import LessonKit
import NeuralEngine
import Testing
import TerminalUI

@testable import DescentApp

/// Every key the playground answers, through `update`, and what the screen then says.
@Suite struct PlaygroundUpdateTests {
  // MARK: - Play and step

  @Test func spaceTogglesPlay() {
    var playground = Fixture.house(steps: 0)
    playground.press(.character(" "))
    #expect(playground.isPlaying)
    #expect(playground.isAnimating)
    #expect(screenText(screen(playground, 80, 24)).contains("playing"))
    playground.press(.character(" "))
    #expect(!playground.isPlaying)
    #expect(screenText(screen(playground, 80, 24)).contains("paused"))
  }

  @Test(arguments: [Key.character("n"), Key.right])
  func stepKeysStepOnceAndPause(key: Key) {
    var playground = Fixture.house(steps: 0)
    playground.press(.character(" "))
    playground.press(key)
    #expect(playground.session.stepCount == 1)
    #expect(!playground.isPlaying)
    playground.press(key)
    #expect(playground.session.stepCount == 2)
    #expect(screenText(screen(playground, 80, 24)).contains("step 2"))
  }

  @Test func aConvergedRunPausesButCanTrainOn() {
    var configuration = TrainingConfiguration(dataset: .builtIn(.line, seed: 1))
    configuration.batchMode = .fullBatch
    configuration.learningRate = 0.5
    var playground = try! Playground(configuration: configuration)
    playground.press(.character(" "))
    for _ in 0..<400 where playground.isPlaying { _ = playground.update(.tick(stepBudget: 10)) }
    #expect(playground.session.state == .converged)
    #expect(!playground.isPlaying)
    #expect(playground.notice?.text.contains("converged") == true)
    let steps = playground.session.stepCount
    playground.press(.character(" "))
    #expect(playground.isPlaying)
    _ = playground.update(.tick(stepBudget: 10))
    #expect(playground.session.stepCount > steps)
    #expect(playground.isPlaying, "not paused again for the same convergence")
    playground.press(.character("n"))
    #expect(!playground.isPlaying)
  }

  @Test func labChoicesForBowlAndSpeedAreUsed() {
    var configuration = TrainingConfiguration(dataset: .builtIn(.house, seed: 1))
    configuration.batchMode = .fullBatch
    let chosen = (ParameterID.weight(layer: 0, output: 0, input: 2), ParameterID.weight(layer: 0, output: 0, input: 1))
    let playground = try! Playground(configuration: configuration, panes: [.bowl], bowlPair: chosen, stepsPerFrame: 100)
    #expect(playground.bowlPair?.0 == chosen.0 && playground.bowlPair?.1 == chosen.1)
    #expect(playground.bowlSurface?.first == chosen.0)
    #expect(playground.speed == .hundred)
    #expect(playground.bowlPairs.count == 4, "the chosen pair, then the three (w, b) pairs")
  }

  @Test func ticksAdvanceBySpeedWithinTheBudget() {
    var playground = Fixture.house(steps: 0)
    _ = playground.update(.tick(stepBudget: 100))
    #expect(playground.session.stepCount == 0, "paused: a tick does nothing")
    playground.press(.character(" "))
    _ = playground.update(.tick(stepBudget: 100))
    #expect(playground.session.stepCount == 10, "speed ×10")
    _ = playground.update(.tick(stepBudget: 3))
    #expect(playground.session.stepCount == 13, "the budget caps the speed")
    playground.press(.character("s"), .character("s"))
    #expect(playground.speed == .maximum)
    _ = playground.update(.tick(stepBudget: 57))
    #expect(playground.session.stepCount == 70, "max: the whole budget")
  }

  // MARK: - Learning rate

  @Test func plusAndMinusWalkTheLadder() {
    var playground = Fixture.house(steps: 0)
    playground.press(.character("+"))
    #expect(playground.session.learningRate == 0.68)
    #expect(screenText(screen(playground, 80, 24)).contains("lr 0.68"))
    playground.press(.character("-"), .character("-"))
    #expect(playground.session.learningRate == 0.33)
    #expect(screenText(screen(playground, 80, 24)).contains("lr 0.33"))
    #expect(playground.session.history.learningRateChanges.map(\.value) == [0.5, 0.68, 0.47, 0.33])
  }

  @Test func typedLearningRateShowsWhileTypingAndAppliesOnEnter() {
    var playground = Fixture.house(steps: 0)
    playground.press(.character("l"))
    playground.type("0.0")
    #expect(playground.learningRateEntry == "0.0")
    #expect(screenText(screen(playground, 80, 24)).contains("lr: 0.0█"))
    #expect(screenText(screen(playground, 80, 24, theme: Fixture.ascii)).contains("lr: 0.0_"))
    playground.type("5")
    playground.press(.enter)
    #expect(playground.learningRateEntry == nil)
    #expect(playground.session.learningRate == 0.05)
    #expect(screenText(screen(playground, 80, 24)).contains("lr 0.05"))
  }

  @Test func escapeCancelsTheTypedLearningRate() {
    var playground = Fixture.house(steps: 0)
    playground.press(.character("l"))
    playground.type("3")
    playground.press(.escape)
    #expect(playground.learningRateEntry == nil)
    #expect(playground.session.learningRate == 0.5)
  }

  @Test func invalidTypedLearningRateWarns() {
    var playground = Fixture.house(steps: 0)
    playground.press(.character("l"))
    playground.type("1e9x")
    #expect(playground.learningRateEntry == "1e9", "letters that cannot be part of a number are ignored")
    playground.press(.enter)
    #expect(playground.session.learningRate == 0.5)
    #expect(playground.notice?.kind == .warning)
    #expect(screenText(screen(playground, 80, 24)).contains("'1e9' is not a learning rate"))
  }

  // MARK: - Batch, optimizer, activation, speed

  @Test func batchModeCyclesAndAppliesFromTheNextStep() {
    var playground = Fixture.house(steps: 3)
    // The batches lesson's order: full batch, one sample, mini-batch.
    playground.press(.character("b"))
    #expect(playground.session.batchMode == .fullBatch)
    #expect(playground.session.stepCount == 3)
    playground.press(.character("b"))
    #expect(playground.session.batchMode == .stochastic)
    let position = playground.session.positionInEpoch
    playground.press(.character("n"))
    #expect(playground.session.positionInEpoch == position + 1)
    playground.press(.character("b"))
    #expect(playground.session.batchMode == .miniBatch(size: 32))
    #expect(playground.session.stepCount == 4)
    #expect(screenText(screen(playground, 80, 24)).contains("batch mode: mini-batch 32"))
  }

  @Test func optimizerCyclesWithoutResetting() {
    var playground = Fixture.house(steps: 3)
    playground.press(.character("o"))
    #expect(playground.session.optimizerKind == .momentum)
    #expect(playground.session.stepCount == 3)
    playground.press(.character("n"))
    #expect(playground.session.stepCount == 4)
    // sgd → momentum → nesterov → adagrad → rmsprop → adam → sgd.
    for expected in [OptimizerKind.nesterov, .adagrad, .rmsprop, .adam, .sgd] {
      playground.press(.character("o"))
      #expect(playground.session.optimizerKind == expected)
    }
  }

  @Test func activationResetsAndSaysSo() {
    var playground = Fixture.circle(steps: 5)
    playground.press(.character("a"))
    #expect(playground.configuration.activation == .relu)
    #expect(playground.session.stepCount == 0)
    #expect(playground.notice?.text.contains("restarted") == true)
    #expect(screenText(screen(playground, 120, 40)).contains("activation relu"))
  }

  @Test func speedCycles() {
    var playground = Fixture.house(steps: 0)
    var seen: [Speed] = []
    for _ in 0..<4 {
      playground.press(.character("s"))
      seen.append(playground.speed)
    }
    #expect(seen == [.hundred, .maximum, .one, .ten])
  }

  // MARK: - Reset

  @Test func resetKeepsTheSeed() {
    var playground = Fixture.circle(steps: 20)
    playground.press(.character("r"))
    let fresh = try! TrainingSession(configuration: playground.configuration)
    #expect(playground.session.stepCount == 0)
    #expect(playground.configuration.seed == 1)
    #expect(playground.session.network == fresh.network)
  }

  @Test func capitalResetDrawsANewSeed() {
    var playground = Fixture.circle(steps: 20)
    let original = try! TrainingSession(configuration: playground.configuration).network
    playground.press(.character("R"))
    #expect(playground.configuration.seed == 2)
    #expect(playground.session.stepCount == 0)
    #expect(playground.session.network != original)
    #expect(screenText(screen(playground, 80, 24)).contains("new seed 2"))
  }

  // MARK: - View keys

  @Test func yTogglesTheLossAxis() {
    var playground = Fixture.house()
    playground.press(.character("y"))
    #expect(playground.usesLogScale)
    #expect(screenText(screen(playground, 80, 24)).contains("log y"))
    playground.press(.character("y"))
    #expect(!playground.usesLogScale)
  }

  @Test func tabAndShiftTabMoveTheFocus() {
    var playground = Fixture.house()
    #expect(playground.focusedPane == .loss)
    playground.press(.tab)
    #expect(playground.focusedPane == .weights)
    playground.press(.tab, .tab)
    #expect(playground.focusedPane == .loss)
    playground.press(.backTab)
    #expect(playground.focusedPane == .network)
  }

  @Test func enterMaximisesAndEnterOrEscapeRestores() {
    var playground = Fixture.house()
    playground.press(.tab, .enter)
    #expect(playground.maximisedPane == .weights)
    #expect(screenText(screen(playground, 80, 24)).contains("Esc restore"))
    playground.press(.enter)
    #expect(playground.maximisedPane == nil)
    playground.press(.enter, .escape)
    #expect(playground.maximisedPane == nil)
  }

  @Test func helpOpensAndAnyKeyClosesIt() {
    var playground = Fixture.house(steps: 0)
    playground.press(.character("?"))
    #expect(playground.showsHelp)
    #expect(screenText(screen(playground, 80, 24)).contains("any key closes this help"))
    playground.press(.character(" "))
    #expect(!playground.showsHelp)
    #expect(!playground.isPlaying, "the closing key does nothing else")
    playground.press(.character("?"))
    #expect(playground.press(.character("q")) == .quit)
  }

  @Test func qQuits() {
    var playground = Fixture.house(steps: 0)
    #expect(playground.press(.character("q")) == .quit)
    #expect(playground.press(.character("n")) == .none)
  }

  @Test func lockedControlsSayTheyAreLocked() {
    let configuration = TrainingConfiguration(dataset: .builtIn(.house, seed: 1), learningRate: 0.5, seed: 1)
    var playground = try! Playground(configuration: configuration, unlockedControls: [.play])
    playground.press(.character("n"))
    #expect(playground.session.stepCount == 0)
    #expect(playground.notice == Notice("step is locked on this page", kind: .warning))
    #expect(screenText(screen(playground, 80, 24)).contains("step is locked on this page"))
    playground.press(.character("+"))
    #expect(playground.session.learningRate == 0.5)
    #expect(playground.notice?.text == "learning-rate is locked on this page")
    playground.press(.character(" "))
    #expect(playground.isPlaying)
  }

  // MARK: - Divergence

  @Test func divergedRunPausesAndShowsItsReasonWithoutNaN() {
    var playground = Fixture.line(learningRate: 50)
    playground.press(.character(" "))
    for _ in 0..<100 where playground.isPlaying { _ = playground.update(.tick(stepBudget: 10)) }
    guard case .diverged(let reason) = playground.session.state else {
      Issue.record("expected a diverged run, got \(playground.session.state)")
      return
    }
    #expect(!playground.isPlaying)
    #expect(!playground.isAnimating)
    for (width, height) in [(80, 24), (120, 40)] {
      let text = screenText(screen(playground, width, height))
      #expect(text.contains("diverged"))
      #expect(text.contains(String(reason.description.prefix(20))))
      let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
      #expect(!words.contains("nan"))
      #expect(!words.contains("inf"))
    }
    playground.press(.character(" "))
    #expect(!playground.isPlaying, "a stopped run does not play")
    #expect(playground.notice?.kind == .warning)
  }
}
