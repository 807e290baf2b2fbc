import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// Digits, trained once: the parameters of the lesson's CNN after 300 steps, reused by every
/// fixture so the views are drawn from a model that has learned something.
enum DigitFixture {
  static let model = "conv 8 3x3 relu, maxpool 2, dense 10 softmax"

  static func configuration(model: String = DigitFixture.model, startingParameters: [String: [Double]] = [:]) -> TrainingConfiguration {
    var configuration = TrainingConfiguration(dataset: .builtIn(.digits, seed: 1), model: try! ModelDescription(parsing: model))
    configuration.learningRate = 0.1
    configuration.batchMode = .miniBatch(size: 32)
    configuration.seed = 1
    configuration.startingParameters = startingParameters
    return configuration
  }

  /// Every block of the CNN after 300 steps.
  static let trainedBlocks: [String: [Double]] = {
    var session = try! TrainingSession(configuration: configuration())
    session.step(count: 300)
    var blocks: [String: [Double]] = [:]
    for block in session.network.blocks { blocks[block.name] = Array(session.network.parameters[block.range]) }
    return blocks
  }()

  /// A playground on digits showing `panes`, trained (or fresh when `trained` is false).
  static func playground(_ panes: [LabView], trained: Bool = true) -> Playground {
    try! Playground(configuration: configuration(startingParameters: trained ? trainedBlocks : [:]), panes: panes)
  }
}

/// Every image view, drawn alone at a lab pane's size (80×24: about 35×8) and a larger one, in
/// 256 colours, 8 colours, monochrome and ASCII.
@Suite struct DigitViewsTests {
  enum ThemeName: String, CaseIterable { case colour, eightColours = "8-colours", monochrome, ascii }

  static func theme(_ name: ThemeName) -> Theme {
    switch name {
    case .colour: Fixture.colour
    case .eightColours: Theme(capabilities: TerminalCapabilities(colorCount: 8, unicode: true))
    case .monochrome: Fixture.monochrome
    case .ascii: Fixture.ascii
    }
  }

  static let views: [LabView] = [.digit, .filters, .featureMaps, .convolution, .probabilities, .confusion, .mistakes, .accuracy, .draw]

  static func draw(_ view: LabView, _ playground: Playground, _ width: Int, _ height: Int, theme: Theme) -> Buffer {
    drawView(width, height) { area, buffer in
      switch view {
      case .digit: DigitImageView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      case .filters: FiltersView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      case .featureMaps: FeatureMapsView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      case .convolution: ConvolutionStepView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      case .probabilities: ClassProbabilitiesView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      case .confusion: ConfusionMatrixView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      case .mistakes: MistakesGalleryView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      case .accuracy: AccuracyChartView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      case .draw: DrawingPadView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
      default: break
      }
    }
  }

  /// A playground with something to show in every view: a few steps of history for the chart,
  /// the window moved, a digit drawn on the pad.
  static func scene(_ view: LabView) -> Playground {
    var playground = DigitFixture.playground([view])
    switch view {
    case .accuracy:
      for _ in 0..<30 { _ = playground.update(.key(.character("n"))) }
    case .convolution:
      playground.press(.character("."), .character("."), .character("."), .character("."), .character("."), .character("."), .character("."), .character("f"))
    case .draw:
      playground.press(.character("d"))
      // A "7": the top bar, then the stroke down to the left.
      playground.press(.up, .up, .up, .left, .left, .character(" "))
      for _ in 0..<4 { playground.press(.right, .character(" ")) }
      for _ in 0..<6 { playground.press(.down, .character(" ")) }
    default:
      break
    }
    return playground
  }

  @Test(arguments: DigitViewsTests.views) func paneSize80x24(view: LabView) {
    assertSnapshot(Self.draw(view, Self.scene(view), 35, 8, theme: Fixture.colour), named: "digits-\(view.rawValue)-35x8")
  }

  @Test(arguments: DigitViewsTests.views, ThemeName.allCases) func largerPane(view: LabView, theme: ThemeName) {
    let buffer = Self.draw(view, Self.scene(view), 56, 18, theme: Self.theme(theme))
    assertSnapshot(buffer, named: "digits-\(view.rawValue)-56x18-\(theme.rawValue)")
    if theme == .monochrome || theme == .ascii {
      #expect(buffer.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default }, "no colour in \(theme)")
    }
    if theme == .ascii {
      #expect(buffer.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "ASCII only")
    }
  }

  /// Too narrow for the digit beside its text: the text, then the digit under it.
  @Test func narrowDigitInASCIIStacks() {
    let buffer = Self.draw(.digit, Self.scene(.digit), 31, 16, theme: Fixture.ascii)
    assertSnapshot(buffer, named: "digits-digit-31x16-ascii")
    #expect(screenText(buffer).contains("label 4"))
    #expect(buffer.lines[4...].contains { $0.contains("#") }, "the digit is drawn under the text")
  }

  @Test(arguments: DigitViewsTests.views) func viewsSayWhatTheyNeedOnOtherData(view: LabView) {
    let buffer = Self.draw(view, Fixture.house(steps: 0), 40, 6, theme: Fixture.colour)
    #expect(!screenText(buffer).contains("x"), "the whole area is drawn")
    #expect(screenText(buffer).contains("need") || screenText(buffer).contains("appl"), "\(screenText(buffer))")
  }

  @Test func digitsInColourUseHalfBlocksOfGrey() {
    let buffer = Self.draw(.digit, Self.scene(.digit), 56, 18, theme: Fixture.colour)
    let halves = buffer.cells.filter { $0.symbol == "▀" }
    #expect(halves.count >= 64)
    #expect(halves.allSatisfy { if case .indexed(let index) = $0.style.foreground { index >= 232 } else { false } })
  }

  @Test func filtersInColourAreOrangeAndBlue() {
    let buffer = Self.draw(.filters, Self.scene(.filters), 56, 18, theme: Fixture.colour)
    let scale = Fixture.colour.signedScale(limit: 1)
    let colours = Set(buffer.cells.filter { $0.symbol == "▀" }.map(\.style.foreground))
    #expect(colours.contains(scale.color(1)) || colours.contains(scale.color(-1)) || colours.count > 8)
  }
}
