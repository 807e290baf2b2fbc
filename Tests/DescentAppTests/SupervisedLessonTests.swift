import LessonKit
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// The `supervised` lesson's digit story on screen: labelled test digits, a guess that starts
/// wrong and, after training, is right.
@Suite struct SupervisedLessonTests {
  /// The page with the digits lab.
  static let page: Int = {
    let lesson = LessonFixture.catalog.lesson(id: "supervised")
    return lesson?.pages.firstIndex { $0.lab?.dataset == .digits } ?? 0
  }()

  @Test(arguments: [0, 150], [Size(width: 80, height: 24), Size(width: 120, height: 40)])
  func digitLabPage(steps: Int, size: Size) throws {
    var model = LessonFixture.model(
      progress: LessonFixture.progress(["supervised": ([], Self.page)]), startLesson: "supervised", size: size)
    LessonFixture.press(Array(repeating: .character("n"), count: steps), on: &model)
    let screen = LessonFixture.screen(model, size: size)
    let text = screenText(screen)
    #expect(text.contains("label 4"), "the first test digit is a 4")
    // Untrained the guess is wrong; after training it is right (the view marks it ✓).
    let rightGuess = try Regex(#"guess \d +\d+% ✓"#)
    #expect(text.contains(rightGuess) == (steps > 0), "\(steps) steps")
    assertSnapshot(screen, named: "lesson-supervised-digits-\(steps)-steps-\(size.width)x\(size.height)")
  }
}
