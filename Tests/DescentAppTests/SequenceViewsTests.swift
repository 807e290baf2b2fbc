import Foundation
import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// Playgrounds for the memory-and-depth views, trained a fixed number of steps.
enum SequenceFixture {
  /// `recall` of `length` steps with `model`, Adam at `learningRate`, batches of 32, `steps` steps.
  static func recall(
    _ model: String, length: Int = 12, learningRate: Double = 0.01, steps: Int
  ) -> Playground {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.recall, seed: 1, length: length), model: try! ModelDescription(parsing: model),
      optimizer: .adam, learningRate: learningRate, batchMode: .miniBatch(size: 32), seed: 1)
    return trained(configuration, steps: steps)
  }

  /// Six sigmoid layers of 8 on `circle`, SGD 0.5, full batch, `steps` steps.
  static func deepSigmoid(steps: Int) -> Playground {
    let hidden = Array(repeating: "dense 8 sigmoid", count: 6).joined(separator: ", ")
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), model: try! ModelDescription(parsing: hidden + ", dense 1 sigmoid"),
      optimizer: .sgd, learningRate: 0.5, batchMode: .fullBatch, seed: 1)
    return trained(configuration, steps: steps)
  }

  /// `sine-wave` with an 8-unit RNN, Adam 0.01, `steps` steps.
  static func sineWave(steps: Int) -> Playground {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.sineWave, seed: 1), model: try! ModelDescription(parsing: "rnn 8, dense 1"),
      optimizer: .adam, learningRate: 0.01, batchMode: .miniBatch(size: 32), seed: 1)
    return trained(configuration, steps: steps)
  }

  static func trained(_ configuration: TrainingConfiguration, steps: Int) -> Playground {
    var playground = try! Playground(configuration: configuration)
    for _ in 0..<steps { _ = playground.update(.key(.character("n"))) }
    return playground
  }

  static let themes: [(name: String, theme: Theme)] = [
    ("unicode", Fixture.colour), ("monochrome", Fixture.monochrome), ("ascii", Fixture.ascii),
  ]
}

@Suite struct SequenceViewsTests {
  // MARK: - Gradient flow

  @Test func gradientFlowThroughTimeFadesTowardsTheInput() throws {
    let playground = SequenceFixture.recall("rnn 8, dense 1 sigmoid", length: 30, steps: 20)
    let bars = try #require(GradientFlowView.bars(for: playground.session))
    #expect(bars.kind == .timeSteps)
    #expect(bars.norms.count == 30)
    // The last step gets far more of the gradient than the first.
    #expect(bars.norms[29] > 100 * bars.norms[0])
    for (name, theme) in SequenceFixture.themes where name != "monochrome" {
      let buffer = drawView(35, 8) { GradientFlowView(playground: playground).render(in: $0, buffer: &$1, theme: theme) }
      assertSnapshot(buffer, named: "gradient-flow-rnn-35x8-\(name)")
    }
  }

  @Test func gradientFlowPerLayerOfADeepSigmoidNetwork() throws {
    let playground = SequenceFixture.deepSigmoid(steps: 1)
    let bars = try #require(GradientFlowView.bars(for: playground.session))
    #expect(bars.kind == .layers)
    #expect(bars.names == ["1", "2", "3", "4", "5", "6", "7"])
    #expect(bars.norms[6] > 1000 * bars.norms[0])
    for (name, theme) in SequenceFixture.themes where name != "monochrome" {
      let buffer = drawView(35, 8) { GradientFlowView(playground: playground).render(in: $0, buffer: &$1, theme: theme) }
      assertSnapshot(buffer, named: "gradient-flow-deep-35x8-\(name)")
    }
    let large = drawView(56, 16) { GradientFlowView(playground: playground).render(in: $0, buffer: &$1, theme: Fixture.colour) }
    assertSnapshot(large, named: "gradient-flow-deep-56x16-unicode")
  }

  @Test func gradientFlowBarsAreColouredOnlyWithColours() {
    let playground = SequenceFixture.deepSigmoid(steps: 1)
    let colour = drawView(35, 8) { GradientFlowView(playground: playground).render(in: $0, buffer: &$1, theme: Fixture.colour) }
    let plain = drawView(35, 8) { GradientFlowView(playground: playground).render(in: $0, buffer: &$1, theme: Fixture.monochrome) }
    #expect(colour.lines == plain.lines)
    #expect(colour.cells.contains { $0.symbol == "█" && $0.style.foreground != .default })
    #expect(plain.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
  }

  /// Monochrome draws the same characters as colour and nothing else: the gates and the fitted
  /// series read by shape alone.
  @Test func gatesAndSequenceFitInMonochrome() {
    let recall = SequenceFixture.recall("lstm 6, dense 1 sigmoid", steps: 40)
    let sine = SequenceFixture.sineWave(steps: 150)
    let views: [(Theme) -> Buffer] = [
      { theme in drawView(35, 8) { LSTMGatesView(playground: recall).render(in: $0, buffer: &$1, theme: theme) } },
      { theme in drawView(35, 8) { SequenceFitView(playground: sine).render(in: $0, buffer: &$1, theme: theme) } },
    ]
    for view in views {
      let colour = view(Fixture.colour), plain = view(Fixture.monochrome)
      #expect(colour.lines == plain.lines)
      #expect(colour.cells.contains { $0.style.foreground != .default })
      #expect(plain.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
    }
  }

  @Test func gradientFlowBeforeTheFirstStepAsksForOne() {
    let playground = SequenceFixture.deepSigmoid(steps: 0)
    let buffer = drawView(35, 8) { GradientFlowView(playground: playground).render(in: $0, buffer: &$1, theme: Fixture.colour) }
    #expect(screenText(buffer).contains("take a step"))
  }

  // MARK: - Unrolled sequence and gates

  @Test func unrolledSequenceGoldens() {
    let playground = SequenceFixture.recall("lstm 6, dense 1 sigmoid", steps: 40)
    for (name, theme) in SequenceFixture.themes {
      let buffer = drawView(35, 10) { UnrolledSequenceView(playground: playground).render(in: $0, buffer: &$1, theme: theme) }
      assertSnapshot(buffer, named: "unrolled-lstm-35x10-\(name)")
    }
    let long = SequenceFixture.recall("rnn 16, dense 1 sigmoid", length: 30, steps: 5)
    let binned = drawView(35, 8) { UnrolledSequenceView(playground: long).render(in: $0, buffer: &$1, theme: Fixture.colour) }
    assertSnapshot(binned, named: "unrolled-rnn-30-steps-35x8-unicode")
  }

  @Test func gatesGoldensAndUnitChoice() throws {
    var playground = SequenceFixture.recall("lstm 6, dense 1 sigmoid", steps: 40)
    for (name, theme) in SequenceFixture.themes where name != "monochrome" {
      let buffer = drawView(35, 8) { LSTMGatesView(playground: playground).render(in: $0, buffer: &$1, theme: theme) }
      assertSnapshot(buffer, named: "gates-lstm-35x8-\(name)")
    }
    let large = drawView(56, 16) { LSTMGatesView(playground: playground).render(in: $0, buffer: &$1, theme: Fixture.colour) }
    assertSnapshot(large, named: "gates-lstm-56x16-unicode")
    // `u` walks through the units and back to the automatic choice.
    let probe = try #require(SequenceProbe(playground: playground))
    #expect(probe.gates?.forget.count == 12)
    #expect(playground.shownUnit == nil)
    for unit in 0..<6 {
      playground.press(.character("u"))
      #expect(playground.shownUnit == unit)
    }
    playground.press(.character("u"))
    #expect(playground.shownUnit == nil)
    #expect(playground.notice?.text == "sequence views: the unit holding the most memory")
  }

  @Test func sequenceViewsSayWhatTheyNeed() {
    let playground = SequenceFixture.deepSigmoid(steps: 1)
    for draw in [
      { (area: Rect, buffer: inout Buffer) in UnrolledSequenceView(playground: playground).render(in: area, buffer: &buffer, theme: Fixture.colour) },
      { (area: Rect, buffer: inout Buffer) in LSTMGatesView(playground: playground).render(in: area, buffer: &buffer, theme: Fixture.colour) },
      { (area: Rect, buffer: inout Buffer) in SequenceFitView(playground: playground).render(in: area, buffer: &buffer, theme: Fixture.colour) },
    ] {
      let buffer = drawView(35, 6, draw: draw)
      #expect(!screenText(buffer).contains("x"), "sentinel left: \(screenText(buffer))")
    }
    var rnn = SequenceFixture.recall("rnn 4, dense 1 sigmoid", steps: 1)
    rnn.press(.character("u"))
    #expect(rnn.shownUnit == 0)
  }

  // MARK: - Sequence fit

  @Test func sequenceFitGoldens() throws {
    let playground = SequenceFixture.sineWave(steps: 150)
    let series = try #require(SequenceFitView.series(for: playground.session))
    #expect(series.truth.count == SequenceFitView.pointsShown)
    let error = zip(series.truth, series.predicted).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(series.truth.count)
    #expect(error < 0.05)
    for (name, theme) in SequenceFixture.themes where name != "monochrome" {
      let buffer = drawView(35, 8) { SequenceFitView(playground: playground).render(in: $0, buffer: &$1, theme: theme) }
      assertSnapshot(buffer, named: "sequence-fit-35x8-\(name)")
    }
  }

  // MARK: - Switching networks and optimizers

  @Test func modelKeyRebuildsTheNextNetwork() throws {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.recall, seed: 1, length: 8), model: try ModelDescription(parsing: "lstm 4, dense 1 sigmoid"),
      optimizer: .adam, learningRate: 0.01, batchMode: .miniBatch(size: 32), seed: 1)
    let models = try ["lstm 4, dense 1 sigmoid", "rnn 4, dense 1 sigmoid"].map { try ModelDescription(parsing: $0) }
    var playground = try Playground(configuration: configuration, models: models)
    playground.press(.character(" "))
    _ = playground.update(.tick(stepBudget: 5))
    #expect(playground.session.stepCount > 0)
    playground.press(.character("m"))
    #expect(playground.session.stepCount == 0)
    #expect(playground.isPlaying)
    #expect(playground.configuration.model == models[1])
    #expect(playground.notice?.text == "network 2/2 rebuilt: rnn 4, dense 1 sigmoid")
    #expect(SequenceProbe.recurrentLayer(of: playground.session.network)?.kind == .recurrent)
    playground.press(.character("m"))
    #expect(playground.configuration.model == models[0])
    // A playground with one network says there is nothing to switch to.
    var single = try Playground(configuration: configuration)
    single.press(.character("m"))
    #expect(single.notice?.kind == .warning)
  }

  @Test func optimizerKeyCyclesTheLabsChoices() throws {
    var playground = try Playground(
      configuration: TrainingConfiguration(dataset: .builtIn(.circle, seed: 1), hiddenLayers: [4]),
      optimizers: [.sgd, .adam])
    playground.press(.character("o"))
    #expect(playground.session.optimizerKind == .adam)
    playground.press(.character("o"))
    #expect(playground.session.optimizerKind == .sgd)
  }

  @Test func compactDescriptionsFoldRepeats() throws {
    let sigmoid = try ModelDescription(parsing: Array(repeating: "dense 8 sigmoid", count: 6).joined(separator: ", ") + ", dense 1 sigmoid")
    #expect(sigmoid.compactDescription == "dense 8 sigmoid ×6, dense 1 sigmoid")
    let normalised = try ModelDescription(
      parsing: Array(repeating: "dense 8, batchnorm, sigmoid", count: 6).joined(separator: ", ") + ", dense 1 sigmoid")
    #expect(normalised.compactDescription == "(dense 8, batchnorm, sigmoid) ×6, dense 1 sigmoid")
    #expect(try ModelDescription(parsing: "lstm 16, dense 1 sigmoid").compactDescription == "lstm 16, dense 1 sigmoid")
  }

  @Test func sequenceDatasetsOpenWithTheSequencePanes() throws {
    let lstm = TrainingConfiguration(dataset: .builtIn(.recall, seed: 1), model: try ModelDescription(parsing: "lstm 4, dense 1 sigmoid"))
    #expect(Playground.defaultPanes(for: lstm) == [.loss, .gradientFlow, .unrolled, .gates])
    let wave = TrainingConfiguration(dataset: .builtIn(.sineWave, seed: 1), model: try ModelDescription(parsing: "rnn 4, dense 1"))
    #expect(Playground.defaultPanes(for: wave) == [.sequenceFit, .loss, .gradientFlow, .unrolled])
  }

  @Test func timeAxisBinsStepsThatDoNotFit() {
    let axis = TimeAxis(steps: 30, room: 28)
    #expect(axis.columns == 28)
    #expect(!axis.isOneStepPerColumn)
    #expect((0..<28).map { axis.steps(inColumn: $0).count }.reduce(0, +) == 30)
    #expect(axis.binned(Array(repeating: 2, count: 30)).allSatisfy { $0 == 2 })
    #expect(axis.column(ofStep: 29) == 27)
    let exact = TimeAxis(steps: 8, room: 20)
    #expect(exact.columns == 8 && exact.isOneStepPerColumn)
  }

  @Test func timeAxisWidensStepsInAWidePane() {
    let axis = TimeAxis(steps: 30, room: 70, widest: 3)
    #expect(axis.columnsPerStep == 2 && axis.columns == 60)
    #expect(axis.steps(inColumn: 0) == 0..<1 && axis.steps(inColumn: 1) == 0..<1 && axis.steps(inColumn: 59) == 29..<30)
    #expect(axis.column(ofStep: 29) == 58)
    #expect(axis.binned((0..<30).map(Double.init)).prefix(4) == [0, 0, 1, 1])
    let gapped = axis.binned((0..<30).map(Double.init), gaps: true)
    #expect(gapped[0] == 0 && gapped[1].isNaN && gapped[2] == 1 && gapped[3].isNaN)
    #expect(TimeAxis(steps: 30, room: 200, widest: 3).columns == 90)
    #expect(TimeAxis(steps: 30, room: 59, widest: 3).columnsPerStep == 1)
  }
}

/// The new lessons' lab pages as a learner first sees them, at 80×24 and 120×40.
@Suite struct SequenceLessonPageTests {
  /// (lesson id, page index from 0, steps pressed, golden name).
  static let pages: [(String, Int, Int, String)] = [
    ("recurrence", 3, 30, "recurrence-sine-wave"),
    ("recurrence", 4, 20, "recurrence-short-recall"),
    ("recurrence", 5, 20, "recurrence-long-recall"),
    ("lstm", 3, 20, "lstm-recall"),
    ("vanishing-gradients", 1, 1, "vanishing-sigmoid"),
    ("vanishing-gradients", 2, 0, "vanishing-fixes"),
    ("vanishing-gradients", 4, 1, "vanishing-adam"),
  ]

  @Test(arguments: 0..<pages.count) func labPage(index: Int) throws {
    let (lesson, page, steps, name) = Self.pages[index]
    for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
      var model = LessonFixture.model(
        progress: LessonFixture.progress([lesson: ([], page)]), startLesson: lesson, size: size)
      #expect(model.player?.pageIndex == page)
      #expect(model.player?.playground != nil)
      LessonFixture.press(Array(repeating: .character("n"), count: steps), on: &model)
      assertSnapshot(LessonFixture.screen(model, size: size), named: "lesson-\(name)-\(size.width)x\(size.height)")
    }
  }

  @Test func vanishingLabSwitchesNetworksWithM() throws {
    var model = LessonFixture.model(progress: LessonFixture.progress(["vanishing-gradients": ([], 2)]), startLesson: "vanishing-gradients")
    LessonFixture.press([.character("m")], on: &model)
    let playground = try #require(model.player?.playground)
    #expect(playground.modelChoiceIndex == 1)
    #expect(playground.notice?.text == "network 2/4 rebuilt: dense 8 relu ×6, dense 1 sigmoid")
    assertSnapshot(LessonFixture.screen(model), named: "lesson-vanishing-fixes-relu-80x24")
  }
}
