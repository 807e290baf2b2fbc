import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// The `convolution` lesson: its lab pages on screen, the drawing keys inside a lesson, and the
/// numbers its text states, measured with the labs' own settings.
@Suite struct ConvolutionLessonTests {
  static let lesson = LessonFixture.catalog.lesson(id: "convolution")

  /// Page indices (from 0) of the labs the goldens show.
  enum Page: Int, CaseIterable {
    case grid = 0, oneWindow = 3, train = 7, mistakes = 8, dense = 9, shifted = 10, denseShifted = 11, draw = 12
  }

  static func model(at page: Page, size: Size) -> DescentModel {
    LessonFixture.model(progress: LessonFixture.progress(["convolution": ([], page.rawValue)]), startLesson: "convolution", size: size)
  }

  @Test func lessonIsShippedWithItsLabs() throws {
    let lesson = try #require(Self.lesson)
    #expect(lesson.pages.count == 13)
    for page in Page.allCases { #expect(lesson.pages[page.rawValue].lab != nil, "\(page)") }
    #expect(lesson.pages[10].lab?.testShift == 1)
    #expect(lesson.pages[12].lab?.views.contains(.draw) == true)
  }

  @Test(arguments: Page.allCases, [Size(width: 80, height: 24), Size(width: 120, height: 40)])
  func labPage(page: Page, size: Size) {
    var model = Self.model(at: page, size: size)
    switch page {
    case .oneWindow: LessonFixture.press(Array(repeating: .character("."), count: 9), on: &model)
    case .train, .mistakes, .dense, .shifted, .denseShifted:
      LessonFixture.press(Array(repeating: .character("n"), count: 60), on: &model)
    case .draw:
      LessonFixture.press([.character("d"), .up, .up, .character(" "), .down, .character(" "), .down, .character(" ")], on: &model)
    case .grid: LessonFixture.press([.character("x")], on: &model)
    }
    assertSnapshot(LessonFixture.screen(model, size: size), named: "lesson-convolution-\(page)-\(size.width)x\(size.height)")
  }

  @Test func drawingInsideALessonKeepsTheArrowsOnThePad() throws {
    var model = Self.model(at: .draw, size: Size(width: 80, height: 24))
    LessonFixture.press([.character("d"), .left, .left, .character(" ")], on: &model)
    let screen = screenText(LessonFixture.screen(model))
    #expect(screen.contains("page 13/13"), "left moved the cursor, not the page")
    #expect(screen.contains("arrows move"))
    LessonFixture.press([.escape, .left], on: &model)
    #expect(screenText(LessonFixture.screen(model)).contains("page 12/13"), "after drawing, left pages again")
  }

  // MARK: - What the text says

  static func trained(_ model: String, steps: Int, shift: Int? = nil) -> TrainingSession {
    var configuration = DigitFixture.configuration(model: model)
    if let shift { configuration.dataset = configuration.dataset.shiftingTestImages(right: shift) }
    var session = try! TrainingSession(configuration: configuration)
    session.step(count: steps)
    session.refreshMetrics()
    return session
  }

  static let dense = "dense 11 relu, dense 10 softmax"

  @Test func parameterCountsInTheTable() throws {
    #expect(Self.trained(DigitFixture.model, steps: 0).network.parameterCount == 810)
    #expect(Self.trained(Self.dense, steps: 0).network.parameterCount == 835)
    let network = Self.trained(DigitFixture.model, steps: 0).network
    #expect(try #require(network.block(named: "conv1.kernel")).count + 8 == 80)
    #expect(network.layers.map(\.outputShape.dimensions) .contains([8, 3, 3]))
  }

  @Test func theCNNLearnsFasterAndBothReachTheSameAccuracy() throws {
    let cnn100 = try #require(Self.trained(DigitFixture.model, steps: 100).testAccuracy)
    let dense100 = try #require(Self.trained(Self.dense, steps: 100).testAccuracy)
    #expect((0.82...0.92).contains(cnn100), "CNN near 87 % after 100 steps: \(cnn100)")
    #expect((0.5...0.7).contains(dense100), "dense near 60 % after 100 steps: \(dense100)")
    let cnn = try #require(Self.trained(DigitFixture.model, steps: 800).testAccuracy)
    let dense = try #require(Self.trained(Self.dense, steps: 800).testAccuracy)
    #expect(cnn > 0.95 && dense > 0.93, "both around 95 %: \(cnn) \(dense)")
  }

  @Test func shiftedDigitsHurtTheDenseNetworkMore() throws {
    let cnn = try #require(Self.trained(DigitFixture.model, steps: 800, shift: 1).testAccuracy)
    let dense = try #require(Self.trained(Self.dense, steps: 800, shift: 1).testAccuracy)
    #expect((0.4...0.6).contains(cnn), "CNN about half right: \(cnn)")
    #expect((0.25...0.42).contains(dense), "dense about a third: \(dense)")
    #expect(cnn > dense + 0.08)
  }
}
