import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// A race's runs are exactly the runs `descent train` would make, one setting apart.
@Suite struct RaceDeterminismTests {
  /// Full batch: one step is one epoch, so the race after N steps is `descent train --epochs N`
  /// (the same runner), bit for bit; the run that diverges stops at the same point in both.
  @Test func eachRunEqualsTheHeadlessRunWithItsLearningRate() throws {
    let race = RaceFixture.learningRates(steps: 60)
    for (lane, rate) in zip(race.lanes, RaceFixture.lineRates) {
      var alone = try TrainingSession(configuration: RaceFixture.lineConfiguration(learningRate: rate))
      HeadlessTraining.run(&alone, epochs: 60, format: .csv, write: { _ in })
      let raced = try #require(lane.session)
      #expect(raced.network.parameters == alone.network.parameters, "η = \(rate)")
      #expect(raced.state == alone.state, "η = \(rate)")
    }
    #expect(race.lanes.map(\.hasDiverged) == [false, false, false, true], "only η = 1.1 diverges")
  }

  /// Same start: every run's first parameters are the same, drawn from the one seed.
  @Test func everyRunStartsFromTheSameWeights() throws {
    let race = RaceFixture.optimizers()
    let starts = race.lanes.compactMap { $0.session?.network.parameters }
    #expect(starts.count == 3 && Set(starts.map { $0.description }).count == 1)
  }

  /// Mini-batches and single samples shuffle from the same seed as a run on its own would.
  @Test(arguments: [BatchMode.fullBatch, .stochastic, .miniBatch(size: 16)])
  func batchRunsEqualTheirSingleRuns(mode: BatchMode) throws {
    let base = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), hiddenLayers: [4], learningRate: 0.1, seed: 1)
    let variation = RaceVariation.batchModes([.fullBatch, .stochastic, .miniBatch(size: 16)])
    var race = try Race(setting: .batch, configurations: variation.configurations(from: base))
    race.press(count: 25, .character("n"))
    var configuration = base
    configuration.batchMode = mode
    var alone = try TrainingSession(configuration: configuration)
    for _ in 0..<25 { alone.step() }
    let index = try #require([BatchMode.fullBatch, .stochastic, .miniBatch(size: 16)].firstIndex(of: mode))
    #expect(race.lanes[index].session?.network.parameters == alone.network.parameters)
    #expect(race.lanes.map(\.label) == ["full batch", "single sample", "mini-batch 16"])
  }

  @Test func optimizerRunsEqualTheirSingleRuns() throws {
    let race = RaceFixture.optimizers(steps: 40)
    for (lane, kind) in zip(race.lanes, [OptimizerKind.sgd, .momentum, .adam]) {
      var configuration = RaceFixture.spiralConfiguration()
      configuration.optimizer = kind
      var alone = try TrainingSession(configuration: configuration)
      HeadlessTraining.run(&alone, epochs: 40, format: .csv, write: { _ in })
      #expect(lane.session?.network.parameters == alone.network.parameters, "\(kind)")
    }
  }

  /// An activation race: each run is the run `train --activation` makes, its weights drawn from
  /// the same seed with the initialisation that activation calls for (He for ReLU).
  @Test func activationRunsEqualTheirSingleRuns() throws {
    let base = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), hiddenLayers: [4], learningRate: 0.1, batchMode: .fullBatch, seed: 1)
    let configurations = RaceVariation.activations([.tanh, .relu]).configurations(from: base)
    var race = try Race(setting: .activation, configurations: configurations)
    race.press(count: 20, .character("n"))
    for (lane, configuration) in zip(race.lanes, configurations) {
      var alone = try TrainingSession(configuration: configuration)
      HeadlessTraining.run(&alone, epochs: 20, format: .csv, write: { _ in })
      #expect(lane.session?.network.parameters == alone.network.parameters, "\(configuration.activation)")
    }
    #expect(race.lanes.map(\.label) == ["tanh", "relu"])
  }

  /// A surface run is the engine's optimizer on the formula, step for step.
  @Test func surfaceRunsEqualTheirSingleDescents() {
    let race = RaceFixture.valley(steps: 30)
    for (lane, kind) in zip(race.lanes, [OptimizerKind.sgd, .momentum, .rmsprop, .adam]) {
      var alone = SurfaceDescent(surface: .valley, optimizer: kind, learningRate: 0.1)
      for _ in 0..<30 { alone.step() }
      #expect(lane.descent?.parameters == alone.parameters, "\(kind)")
    }
  }
}

/// What each key does in a race.
@Suite struct RaceUpdateTests {
  @Test func spacePlaysAndTicksStepEveryRunTogether() {
    var race = RaceFixture.valley()
    #expect(!race.isAnimating)
    race.press(.character(" "))
    #expect(race.isPlaying && race.isAnimating)
    for _ in 0..<30 { _ = race.update(.tick(stepBudget: 1_000)) }
    #expect(race.stepCount > 0)
    #expect(race.lanes.allSatisfy { $0.stepCount == race.stepCount }, "step for step")
    race.press(.character(" "))
    #expect(!race.isPlaying)
    let paused = race.stepCount
    _ = race.update(.tick(stepBudget: 1_000))
    #expect(race.stepCount == paused, "paused: ticks change nothing")
  }

  @Test func nStepsOncePausedAndRightArrowToo() {
    var race = RaceFixture.valley()
    race.press(.character(" "), .character("n"))
    #expect(!race.isPlaying && race.stepCount == 1)
    race.press(.right)
    #expect(race.stepCount == 2 && race.lanes.allSatisfy { $0.stepCount == 2 })
  }

  @Test func paceKeysClimbAndDescendTheLadder() {
    var race = RaceFixture.valley()
    #expect(race.pace == .playgroundDefault)
    race.press(.character("s"))
    #expect(race.pace == Pace(stepsPerSecond: 100))
    race.press(.character("S"), .character("S"))
    #expect(race.pace == Pace(stepsPerSecond: 10))
    #expect(race.notice?.text.hasPrefix("pace 10/s") == true)
  }

  @Test func aDivergedRunStopsAndTheOthersGoOn() throws {
    var race = RaceFixture.learningRates()
    while !race.lanes[3].hasDiverged, race.stepCount < 100 { race.press(.character("n")) }
    let diverged = try #require(race.lanes[3].divergedAtStep, "η = 1.1 diverges within 100 steps")
    #expect(race.stepCount == diverged)
    #expect(race.notice?.text == "1.1 diverged at step \(diverged) and stopped; the others go on")
    #expect(race.notice?.kind == .warning)
    race.press(count: 10, .character("n"))
    #expect(race.lanes[3].stepCount == diverged, "a diverged run takes no more steps")
    #expect(race.lanes[0].stepCount == diverged + 10 && race.stepCount == diverged + 10, "the others go on")
  }

  @Test func rResetsEveryRunToTheSharedStart() {
    var race = RaceFixture.learningRates(steps: 45)
    race.press(.character(" "), .character("r"))
    #expect(race.stepCount == 0 && !race.isPlaying)
    #expect(race.lanes.allSatisfy { $0.stepCount == 0 && !$0.hasDiverged })
    let fresh = RaceFixture.learningRates()
    #expect(race.lanes.map { $0.session?.network.parameters } == fresh.lanes.map { $0.session?.network.parameters })
  }

  @Test func digitsHideAndShowRuns() {
    var race = RaceFixture.valley()
    race.press(.character("2"))
    #expect(race.hiddenLanes == [1])
    #expect(race.notice?.text == "run 2 (momentum) hidden; it keeps training — 2 shows it")
    race.press(.character("n"))
    #expect(race.lanes[1].stepCount == 1, "a hidden run keeps training")
    race.press(.character("2"))
    #expect(race.hiddenLanes.isEmpty)
    race.press(.character("6"))
    #expect(race.hiddenLanes.isEmpty)
    #expect(race.notice?.text == "there is no run 6 (this race has 4)")
  }

  @Test func yTogglesTheLossAxisFromLog() {
    var race = RaceFixture.valley()
    #expect(race.usesLogScale, "a race starts on a log axis")
    race.press(.character("y"))
    #expect(!race.usesLogScale && race.notice?.text == "loss axis: linear scale")
  }

  @Test func tabEnterAndEscapeWorkThePanes() {
    var race = RaceFixture.valley()
    #expect(race.panes == [.bowl, .loss])
    race.press(.tab)
    #expect(race.focusedPane == .loss)
    race.press(.enter)
    #expect(race.maximisedPane == .loss)
    race.press(.escape)
    #expect(race.maximisedPane == nil)
    race.press(.backTab)
    #expect(race.focusedPane == .bowl)
  }

  @Test func helpOpensAnyKeyClosesAndQQuits() {
    var race = RaceFixture.valley()
    race.press(.character("?"))
    #expect(race.showsHelp)
    #expect(race.press(.character("n")) == .none)
    #expect(!race.showsHelp && race.stepCount == 0, "the key only closed the help")
    #expect(race.press(.character("q")) == .quit)
  }

  @Test func theBowlIsOfferedOnlyWhereEveryRunSharesOneSurface() {
    #expect(RaceFixture.learningRates().panes == [.bowl, .loss])
    let names = RaceFixture.learningRates().bowl?.names
    #expect(names?.0 == "w" && names?.1 == "b")
    #expect(RaceFixture.optimizers().panes == [.loss], "a deep network's surface differs from run to run")
  }
}

/// The race on screen: 80×24 and 120×40, in colour, without colour and in ASCII.
@Suite struct RaceScreenTests {
  @Test func learningRates80x24() {
    assertSnapshot(raceScreen(RaceFixture.learningRates(steps: 60), 80, 24), named: "race-learning-rates-80x24")
  }

  @Test func learningRates120x40() {
    assertSnapshot(raceScreen(RaceFixture.learningRates(steps: 60), 120, 40), named: "race-learning-rates-120x40")
  }

  @Test func learningRatesMonochrome() {
    let buffer = raceScreen(RaceFixture.learningRates(steps: 60), 80, 24, theme: Fixture.monochrome)
    assertSnapshot(buffer, named: "race-learning-rates-80x24-monochrome")
  }

  @Test func learningRatesASCII() {
    let buffer = raceScreen(RaceFixture.learningRates(steps: 60), 80, 24, theme: Fixture.ascii)
    #expect(buffer.lines.joined().unicodeScalars.allSatisfy { $0.isASCII })
    assertSnapshot(buffer, named: "race-learning-rates-80x24-ascii")
  }

  @Test func valley80x24() {
    assertSnapshot(raceScreen(RaceFixture.valley(steps: 80), 80, 24), named: "race-valley-80x24")
  }

  @Test func valley120x40() {
    assertSnapshot(raceScreen(RaceFixture.valley(steps: 80), 120, 40), named: "race-valley-120x40")
  }

  @Test func valleyASCII120x40() {
    let buffer = raceScreen(RaceFixture.valley(steps: 80), 120, 40, theme: Fixture.ascii)
    #expect(buffer.lines.joined().unicodeScalars.allSatisfy { $0.isASCII })
    assertSnapshot(buffer, named: "race-valley-120x40-ascii")
  }

  @Test func optimizers80x24() {
    assertSnapshot(raceScreen(RaceFixture.optimizers(steps: 50), 80, 24), named: "race-optimizers-80x24")
  }

  @Test func hiddenRunAndHelp() {
    var race = RaceFixture.valley(steps: 20)
    race.press(.character("3"))
    assertSnapshot(raceScreen(race, 80, 24), named: "race-valley-run-3-hidden-80x24")
    race.press(.character("?"))
    assertSnapshot(raceScreen(race, 80, 24), named: "race-help-80x24")
  }

  /// Every run has its own colour in 256 and in 8 colours, and its own mark in every theme.
  @Test func runsDifferInColourAndMarkInEveryTheme() {
    let themes = [
      Fixture.colour, Theme(capabilities: TerminalCapabilities(colorCount: 8, unicode: true)), Fixture.monochrome,
      Fixture.ascii,
    ]
    for theme in themes {
      let looks = (0..<RaceLaneLook.capacity).map { RaceLaneLook(index: $0, theme: theme) }
      #expect(Set(looks.map(\.mark)).count == RaceLaneLook.capacity)
      if theme.colorCount > 0 { #expect(Set(looks.map(\.style.foreground)).count == RaceLaneLook.capacity) }
    }
  }

  /// The marks on the loss chart are where the learner looks for them: each run's mark appears
  /// in the chart, in the run's colour.
  @Test func everyRunsMarkIsOnTheChartInItsColour() throws {
    let race = RaceFixture.valley(steps: 80)
    let buffer = raceScreen(race, 120, 40)
    for index in race.lanes.indices {
      let look = RaceLaneLook(index: index, theme: Fixture.colour)
      let cells = buffer.area.y..<buffer.area.maxY
      let found = cells.contains { y in
        (buffer.area.x..<buffer.area.maxX).contains { x in
          buffer[x, y].symbol == look.mark && buffer[x, y].style.foreground == look.style.foreground
        }
      }
      #expect(found, "run \(index + 1)'s \(look.mark)")
    }
  }

  @Test func everySizeDrawsInsideTheScreen() {
    let races = [RaceFixture.learningRates(steps: 45), RaceFixture.valley(steps: 10)]
    for race in races {
      for width in stride(from: 1, through: 200, by: 7) {
        for height in stride(from: 1, through: 60, by: 5) {
          var buffer = Buffer(width: width, height: height)
          RaceApp(race: race, theme: Fixture.colour).render(into: &buffer)
          var embedded = sentinelBuffer(width + 2, height + 2)
          race.render(in: Rect(x: 1, y: 1, width: width, height: height), buffer: &embedded, theme: Fixture.ascii)
          for x in 0..<(width + 2) {
            #expect(embedded[x, 0].symbol == "x" && embedded[x, height + 1].symbol == "x")
          }
          #expect(!buffer.lines.joined().contains("nan"))
        }
      }
    }
  }
}
