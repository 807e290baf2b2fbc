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

  // MARK: - Honest run states

  /// A `line` run that converges: full batch, learning rate 0.5, as fast as the budget allows.
  static func convergedLine() -> Playground {
    var configuration = TrainingConfiguration(dataset: .builtIn(.line, seed: 1))
    configuration.batchMode = .fullBatch
    configuration.learningRate = 0.5
    var playground = try! Playground(configuration: configuration, pace: .maximum)
    playground.press(.character(" "))
    for _ in 0..<400 where playground.isPlaying { _ = playground.update(.tick(stepBudget: 10)) }
    return playground
  }

  @Test func afterResumingTheStateShownIsTheRealOne() {
    var playground = Self.convergedLine()
    #expect(playground.session.state == .converged)
    #expect(screenText(screen(playground, 80, 24)).contains("❚❚ converged"))
    playground.press(.character(" "))
    #expect(playground.isPlaying)
    let resumed = screenText(screen(playground, 80, 24))
    #expect(resumed.contains("▶ playing"), "playing at once, before the next step")
    #expect(!resumed.contains("converged"))
    _ = playground.update(.tick(stepBudget: 10))
    #expect(playground.session.state == .running, "a step resumes the run")
    #expect(screenText(screen(playground, 80, 24)).contains("▶ playing"))
    playground.press(.character(" "))
    #expect(screenText(screen(playground, 80, 24)).contains("❚❚ paused"), "paused, not converged: it was running")
  }

  @Test func convergencePausesOnceUntilSomethingChanges() {
    var playground = Self.convergedLine()
    #expect(!playground.isPlaying)
    playground.press(.character(" "))
    var convergedAgain = false
    for _ in 0..<200 {
      _ = playground.update(.tick(stepBudget: 10))
      if playground.session.state == .converged { convergedAgain = true }
    }
    #expect(convergedAgain, "the flat run converges again…")
    #expect(playground.isPlaying, "…and is not paused again: playing on was the learner's choice")
    playground.press(.character("-"))
    for _ in 0..<400 where playground.isPlaying { _ = playground.update(.tick(stepBudget: 10)) }
    #expect(!playground.isPlaying, "a new learning rate makes the next convergence pause again")
    #expect(playground.notice?.text.hasPrefix("converged") == true)
  }

  /// TF Playground's spiral with plain gradient descent sits on a plateau near 60 % for
  /// thousands of steps before it falls again: a plateau training leaves is not convergence.
  @Test func aPlateauDoesNotPauseTheRun() {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.spiral, seed: 1), hiddenLayers: [8, 8], learningRate: 0.3, batchMode: .fullBatch, seed: 1)
    var playground = try! Playground(configuration: configuration, pace: .maximum)
    playground.press(.character(" "))
    for _ in 0..<300 where playground.isPlaying { _ = playground.update(.tick(stepBudget: 10)) }
    #expect(playground.session.stepCount == 3_000)
    #expect(playground.isPlaying, "\(playground.session.state) at \(playground.session.trainLoss)")
  }

  /// Dropout makes every epoch's loss noisy; the noise is not a reason to stop.
  @Test func dropoutNoiseDoesNotPauseTheRun() {
    let configuration = TrainingConfiguration(
      dataset: Dataset.builtIn(.sine, seed: 1, noise: 0.3).limitingTraining(to: 20), hiddenLayers: [16, 16],
      optimizer: .adam, learningRate: 0.01, batchMode: .fullBatch, dropoutRate: 0.2, seed: 1)
    var playground = try! Playground(configuration: configuration, pace: .maximum)
    playground.press(.character(" "))
    for _ in 0..<50 where playground.isPlaying { _ = playground.update(.tick(stepBudget: 10)) }
    #expect(playground.session.stepCount == 500)
    #expect(playground.isPlaying)
  }

  @Test func divergenceIsCaughtAtOnceAndRRecovers() {
    var playground = Fixture.line(learningRate: 50)
    playground.press(.character(" "))
    var ticks = 0
    while playground.isPlaying, ticks < 100 {
      _ = playground.update(.tick(stepBudget: 1))
      ticks += 1
    }
    guard case .diverged(let reason) = playground.session.state else {
      Issue.record("expected a diverged run, got \(playground.session.state)")
      return
    }
    #expect(reason.step == playground.session.stepCount, "stopped at the step that blew up, not after it")
    #expect(playground.session.stepCount <= 3, "η = 50 blows up within a few steps, and it is caught there")
    let stopped = screenText(screen(playground, 80, 24))
    #expect(stopped.contains("× diverged"))
    #expect(!stopped.lowercased().split(whereSeparator: { !$0.isLetter }).contains("nan"))
    let parametersAreFinite = playground.session.network.parameters.allSatisfy { $0.isFinite }
    #expect(parametersAreFinite)
    playground.press(.character("r"))
    #expect(playground.session.state == .running)
    #expect(playground.session.stepCount == 0)
    #expect(screenText(screen(playground, 80, 24)).contains("❚❚ paused"))
    playground.press(.character("l"))
    playground.type("0.1")
    playground.press(.enter, .character(" "))
    for _ in 0..<40 { _ = playground.update(.tick(stepBudget: 1)) }
    #expect(playground.session.state == .running)
    #expect(playground.session.stepCount > 0)
    #expect(playground.isPlaying)
  }

  @Test func labChoicesForBowlAndPaceAreUsed() {
    var configuration = TrainingConfiguration(dataset: .builtIn(.house, seed: 1))
    configuration.batchMode = .fullBatch
    let chosen = (ParameterID.weight(layer: 0, output: 0, input: 2), ParameterID.weight(layer: 0, output: 0, input: 1))
    let playground = try! Playground(configuration: configuration, panes: [.bowl], bowlPair: chosen, pace: Pace(stepsPerSecond: 100))
    #expect(playground.bowlPair?.0 == chosen.0 && playground.bowlPair?.1 == chosen.1)
    #expect(playground.bowlSurface?.first == chosen.0)
    #expect(playground.pace == Pace(stepsPerSecond: 100))
    #expect(playground.bowlPairs.count == 4, "the chosen pair, then the three (w, b) pairs")
  }

  @Test func ticksAdvanceAtThePaceWithinTheBudget() {
    var playground = Fixture.house(steps: 0)
    #expect(playground.pace == Pace(stepsPerSecond: 30), "descent play starts at 30 steps a second")
    _ = playground.update(.tick(stepBudget: 100))
    #expect(playground.session.stepCount == 0, "paused: a tick does nothing")
    playground.press(.character(" "))
    _ = playground.update(.tick(stepBudget: 100))
    #expect(playground.session.stepCount == 1, "play steps at once")
    for _ in 0..<30 { _ = playground.update(.tick(stepBudget: 100)) }
    #expect((29...31).contains(playground.session.stepCount), "about 30 steps in 30 ticks of 1/30 s")
    playground.press(.character("s"), .character("s"))
    #expect(playground.pace == Pace(stepsPerSecond: 300))
    let before = playground.session.stepCount
    _ = playground.update(.tick(stepBudget: 3))
    #expect(playground.session.stepCount == before + 3, "the budget caps the pace")
    _ = playground.update(.tick(stepBudget: 100))
    #expect((9...11).contains(playground.session.stepCount - before - 3), "300/s is about 10 a tick; nothing owed")
    playground.press(.character("s"), .character("s"))
    #expect(playground.pace == .maximum)
    let atMaximum = playground.session.stepCount
    _ = playground.update(.tick(stepBudget: 57))
    #expect(playground.session.stepCount == atMaximum + 57, "max: the whole budget")
  }

  /// A pace slower than the ticks carries the fraction of a step from tick to tick.
  @Test func slowPacesCarryFractionsOfASteps() {
    var carry = Pace.Carry()
    let threePerSecond = Pace(stepsPerSecond: 3)
    let steps = (0..<300).map { _ in carry.steps(at: threePerSecond, within: 100) }
    #expect(steps.reduce(0, +) == 29 || steps.reduce(0, +) == 30, "3/s for 300 ticks of 0.033 s")
    #expect(steps.allSatisfy { $0 <= 1 })
    var started = Pace.Carry()
    started.startNow()
    #expect(started.steps(at: Pace(stepsPerSecond: 1), within: 100) == 1)
    #expect(started.steps(at: Pace(stepsPerSecond: 1), within: 100) == 0)
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

  @Test func sAndCapitalSWalkThePaceLadder() {
    var playground = Fixture.house(steps: 0)
    var seen: [Pace] = []
    for _ in 0..<8 {
      playground.press(.character("s"))
      seen.append(playground.pace)
    }
    #expect(seen.map(\.description) == ["100/s", "300/s", "1000/s", "max", "1/s", "3/s", "10/s", "30/s"])
    #expect(screenText(screen(playground, 80, 24)).contains("pace 30/s"))
    playground.press(.character("S"))
    #expect(playground.pace == Pace(stepsPerSecond: 10))
    playground.press(.character("S"), .character("S"), .character("S"))
    #expect(playground.pace == Pace(stepsPerSecond: 1), "the slowest pace stays")
    var lab = try! Playground(
      configuration: playground.configuration, unlockedControls: [.play], pace: Pace(stepsPerSecond: 5))
    lab.press(.character("s"))
    #expect(lab.pace == Pace(stepsPerSecond: 10), "never locked; a lab's own pace goes to the next rung")
    #expect(lab.notice?.kind == .info)
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
