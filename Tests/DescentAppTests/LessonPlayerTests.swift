import LessonKit
import TerminalUI
import SnapshotSupport
import Testing

@testable import DescentApp

@Suite struct LessonPlayerTests {
  static let housePrices = LessonFixture.catalog.lesson(id: "house-prices")
  /// The house-prices page whose lab has the weights goal.
  static let houseLabPage = 3
  /// The house-prices page with the first quiz.
  static let houseQuizPage = 5

  @Test func learnStartsInTheLessonAtItsResumePage() {
    let model = LessonFixture.model(progress: LessonFixture.progress(["coffee": ([], 2)]), startLesson: "coffee")
    #expect(model.screen == .lesson(id: "coffee"))
    #expect(model.player?.pageIndex == 2)
  }

  @Test func pagingKeysStopAtTheEnds() throws {
    var model = LessonFixture.model(startLesson: "neuron")
    let count = try #require(LessonFixture.catalog.lesson(id: "neuron")).pages.count
    #expect(model.update(.key(.left)) == .none)
    #expect(model.player?.pageIndex == 0)
    #expect(model.update(.key(.right)) == .saveProgress)
    #expect(model.player?.pageIndex == 1)
    #expect(model.update(.key(.pageDown)) == .saveProgress)
    #expect(model.player?.pageIndex == 2)
    _ = model.update(.key(.pageUp))
    #expect(model.player?.pageIndex == 1)
    LessonFixture.press(Array(repeating: .right, count: count - 2), on: &model)
    #expect(model.player?.pageIndex == count - 1)
    // → on the last page opens the next lesson; in the last lesson it stays.
    _ = model.update(.key(.right))
    #expect(model.screen == .lesson(id: "house-prices"))
    var last = LessonFixture.model(startLesson: LessonFixture.catalog.lessons.last?.id)
    LessonFixture.press(Array(repeating: .right, count: 20), on: &last)
    #expect(last.player?.pageIndex == (LessonFixture.catalog.lessons.last?.pages.count ?? 0) - 1)
    #expect(last.update(.key(.right)) == .none)
  }

  @Test func visitingATextPageCompletesItAndRemembersIt() {
    var model = LessonFixture.model(startLesson: "neuron")
    #expect(model.progress.isCompleted(lessonID: "neuron", page: 0))
    #expect(model.update(.key(.right)) == .saveProgress)
    #expect(model.progress.isCompleted(lessonID: "neuron", page: 1))
    #expect(model.progress.lessons["neuron"]?.lastPage == 1)
  }

  @Test func skippingPastAGoalLeavesThePageUndone() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseLabPage)]), startLesson: "house-prices")
    #expect(model.player?.pageIndex == Self.houseLabPage)
    _ = model.update(.key(.right))
    #expect(model.player?.pageIndex == Self.houseLabPage + 1)
    #expect(!model.progress.isCompleted(lessonID: "house-prices", page: Self.houseLabPage))
  }

  @Test func rightArrowPagesInALabAndNSteps() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseLabPage)]), startLesson: "house-prices")
    _ = model.update(.key(.character("n")))
    _ = model.update(.key(.character("n")))
    #expect(model.player?.playground?.session.stepCount == 2)
    #expect(model.player?.pageIndex == Self.houseLabPage)
    _ = model.update(.key(.right))
    #expect(model.player?.pageIndex == Self.houseLabPage + 1)
  }

  @Test func housePricesGoalIsMetByTrainingAndThePageIsDone() throws {
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseLabPage)]), startLesson: "house-prices")
    #expect(model.update(.key(.character(" "))) == .none)
    #expect(model.wantsFrames)
    var saved = false
    // At the lab's pace of 3 steps a second: within 20 seconds of ticks.
    for _ in 0..<600 where !model.progress.isCompleted(lessonID: "house-prices", page: Self.houseLabPage) {
      if model.update(.tick(stepBudget: 50)) == .saveProgress { saved = true }
    }
    #expect(saved)
    #expect(model.progress.isCompleted(lessonID: "house-prices", page: Self.houseLabPage))
    let player = try #require(model.player)
    #expect(player.goalStatus(at: 1) == .met || player.goalStatus(at: 0) == .met)
    let text = LessonFixture.screen(model).lines.joined(separator: "\n")
    #expect(text.contains("settled on 0.3"))
  }

  @Test func hShowsAndHidesTheHint() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseLabPage)]), startLesson: "house-prices")
    #expect(!LessonFixture.screen(model).lines.joined().contains("Hint:"))
    _ = model.update(.key(.character("h")))
    #expect(model.player?.hintRequested == true)
    #expect(LessonFixture.screen(model).lines.joined().contains("Hint:"))
    _ = model.update(.key(.character("h")))
    #expect(!LessonFixture.screen(model).lines.joined().contains("Hint:"))
  }

  @Test func quizWrongThenRightWithNumbers() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseQuizPage)]), startLesson: "house-prices")
    #expect(model.update(.key(.character("1"))) == .none)
    #expect(!model.progress.isCompleted(lessonID: "house-prices", page: Self.houseQuizPage))
    #expect(LessonFixture.screen(model).lines.joined().contains("Not quite"))
    #expect(model.update(.key(.character("9"))) == .none)
    #expect(model.update(.key(.character("3"))) == .saveProgress)
    #expect(model.progress.isCompleted(lessonID: "house-prices", page: Self.houseQuizPage))
    #expect(LessonFixture.screen(model).lines.joined().contains("Right."))
  }

  @Test func arrowsScrollAQuizPageAndNeverAnswer() {
    // Overfitting page 3: the L2 text and lab, then a quiz about them.
    var model = LessonFixture.model(progress: LessonFixture.progress(["overfitting": ([], 2)]), startLesson: "overfitting")
    let before = screenText(LessonFixture.screen(model))
    #expect(before.contains("L2 regularization"))
    LessonFixture.press(Array(repeating: .down, count: 60), on: &model)
    #expect(model.player?.quizzes[1]?.answered == nil)
    let after = screenText(LessonFixture.screen(model))
    #expect(after.contains("Quiz") && after.contains("It settles near its best"))
    assertSnapshot(LessonFixture.screen(model), named: "lesson-quiz-after-text-scrolled-80x24")
    _ = model.update(.key(.up))
    #expect(model.player?.scroll == (model.player.map { $0.maximumScroll(in: Rect(x: 0, y: 0, width: 80, height: 24), styles: $0.styles) } ?? 0) - 1)
  }

  @Test func answeringAQuizBelowTheTextScrollsItsExplanationIntoView() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["overfitting": ([], 2)]), startLesson: "overfitting")
    #expect(model.player?.scroll == 0)
    _ = model.update(.key(.character("2")))
    let text = screenText(LessonFixture.screen(model))
    #expect(text.contains("Right."))
    #expect(text.contains("test loss levels off instead of"))
  }

  // MARK: - Promises of the text

  /// A page without a lab never asks for a key only a lab answers.
  @Test func pagesWithoutALabNeverAskForLabKeys() throws {
    let labKeys = try Regex("(?i)press(es|ing)?\\s+(space|`[^`]+`|\\*\\*[^*]+\\*\\*|[+nrRlbosayxp]\\b)")
    for lesson in LessonFixture.catalog.lessons {
      for page in lesson.pages where page.lab == nil {
        let text = MarkdownRenderer(width: 1000, styles: .standard).lines(for: page.blocks).map(\.plainText).joined(separator: " ")
        #expect(text.firstMatch(of: labKeys) == nil, "\(lesson.id) page \(page.index + 1)")
      }
    }
  }

  /// The batches lab's text names the order `b` cycles in.
  @Test func batchKeyCyclesInTheOrderTheLessonGives() throws {
    let lesson = try #require(LessonFixture.catalog.lesson(id: "batches"))
    let text = lesson.pages.flatMap(\.blocks).description
    #expect(text.contains("full → single sample"))
    var model = LessonFixture.model(progress: LessonFixture.progress(["batches": ([], 2)]), startLesson: "batches")
    var modes: [String] = []
    for _ in 0..<3 {
      _ = model.update(.key(.character("b")))
      modes.append(model.player?.playground?.session.batchMode.label ?? "")
    }
    #expect(modes.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["single", "mini-batch", "full"])
  }

  // MARK: - End of a lesson

  @Test func theLastPageSaysTheLessonEndedAndRightOpensTheNext() throws {
    let lesson = try #require(LessonFixture.catalog.lesson(id: "house-prices"))
    var model = LessonFixture.model(
      progress: LessonFixture.progress(["house-prices": ([], lesson.pages.count - 1)]), startLesson: "house-prices")
    _ = model.update(.key(.character("2")))
    let text = screenText(LessonFixture.screen(model))
    #expect(text.contains("End of “Weights decide”."))
    #expect(text.contains("next lesson, The coffee"))
    assertSnapshot(LessonFixture.screen(model), named: "lesson-end-80x24")
    #expect(model.update(.key(.right)) == .saveProgress)
    #expect(model.screen == .lesson(id: "coffee"))
    #expect(model.player?.pageIndex == 0)
  }

  @Test func theLastLessonEndsTheCourseAndPointsOnwards() throws {
    let lesson = try #require(LessonFixture.catalog.lessons.last)
    var model = LessonFixture.model(
      progress: LessonFixture.progress([lesson.id: ([], lesson.pages.count - 1)]), startLesson: lesson.id)
    LessonFixture.press(Array(repeating: .down, count: 40), on: &model)
    let text = screenText(LessonFixture.screen(model))
    #expect(text.contains("End of the course."))
    #expect(text.contains("descent play") && text.contains("descent train --csv"))
    assertSnapshot(LessonFixture.screen(model), named: "course-end-80x24")
    #expect(model.update(.key(.right)) == .none)
    #expect(model.screen == .lesson(id: lesson.id))
  }

  @Test func longPagesScrollWithinBounds() throws {
    var model = LessonFixture.model(startLesson: "neuron", size: Size(width: 80, height: 12))
    LessonFixture.press(Array(repeating: .down, count: 200), on: &model)
    let player = try #require(model.player)
    #expect(player.scroll > 0)
    #expect(player.scroll == player.maximumScroll(in: Rect(x: 0, y: 0, width: 80, height: 12), styles: player.styles))
    _ = model.update(.key(.up))
    #expect(model.player?.scroll == player.scroll - 1)
  }

  // MARK: - Golden screens

  @Test func textPage80x24() {
    let model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([0], 1)]), startLesson: "house-prices")
    assertSnapshot(LessonFixture.screen(model), named: "lesson-text-80x24")
  }

  @Test func labPageAfterTwentySteps80x24() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseLabPage)]), startLesson: "house-prices")
    LessonFixture.press(Array(repeating: .character("n"), count: 20), on: &model)
    assertSnapshot(LessonFixture.screen(model), named: "lesson-lab-80x24")
  }

  @Test func labPageAfterTwentySteps120x40() {
    let size = Size(width: 120, height: 40)
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseLabPage)]), startLesson: "house-prices", size: size)
    LessonFixture.press(Array(repeating: .character("n"), count: 20), on: &model)
    assertSnapshot(LessonFixture.screen(model, size: size), named: "lesson-lab-120x40")
  }

  @Test func labPageTooSmallRecoversOnResize() {
    let small = Size(width: 60, height: 20)
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseLabPage)]), startLesson: "house-prices", size: small)
    assertSnapshot(LessonFixture.screen(model, size: small), named: "lesson-lab-too-small-60x20")
    _ = model.update(.resize(Size(width: 80, height: 24)))
    #expect(!LessonFixture.screen(model).lines.joined().contains("Make the terminal"))
  }

  @Test func questionMarkShowsTheKeysOverTheLabAndAnyKeyClosesThem() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["hidden-layers": ([], 2)]), startLesson: "hidden-layers")
    _ = model.update(.key(.character("?")))
    assertSnapshot(LessonFixture.screen(model), named: "lesson-lab-help-80x24")
    _ = model.update(.key(.character("n")))
    let text = screenText(LessonFixture.screen(model))
    #expect(!text.contains("back to the lesson menu"))
    #expect(model.player?.playground?.session.stepCount == 0, "the key that closes the help does nothing else")
  }

  @Test func aLongNoticeInALabWrapsInsteadOfBeingCut() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["hidden-layers": ([], 2)]), startLesson: "hidden-layers")
    _ = model.update(.key(.character("a")))
    let buffer = LessonFixture.screen(model)
    assertSnapshot(buffer, named: "lesson-lab-notice-80x24")
    let lab = (20..<24).map { y in (41..<80).map { buffer[$0, y].symbol }.joined() }.joined(separator: " ")
    let words = lab.split(separator: " ").joined(separator: " ")
    #expect(words.contains("activation relu: the network was rebuilt and training restarted"), "\(words)")
  }

  @Test func quizBeforeAndAfterAnswering() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([], Self.houseQuizPage)]), startLesson: "house-prices")
    assertSnapshot(LessonFixture.screen(model), named: "lesson-quiz-before-80x24")
    _ = model.update(.key(.character("3")))
    assertSnapshot(LessonFixture.screen(model), named: "lesson-quiz-after-80x24")
  }
}
