import LessonKit
import TerminalUI
import SnapshotSupport
import Testing

@testable import DescentApp

@Suite struct MenuTests {
  @Test func opensOnTheMenuWithTheFirstUnfinishedLessonSelected() {
    let progress = LessonFixture.progress(["neuron": (Array(0..<LessonFixture.catalog.lessons[0].pages.count), 0)])
    let model = LessonFixture.model(progress: progress)
    #expect(model.screen == .menu)
    #expect(model.menu.selectedIndex == 1)
  }

  @Test func qInTheMenuQuits() {
    var model = LessonFixture.model()
    #expect(model.update(.key(.character("q"))) == .quit)
  }

  @Test func arrowsMoveTheSelectionWithinBounds() {
    var model = LessonFixture.model()
    LessonFixture.press([.up, .up], on: &model)
    #expect(model.menu.selectedIndex == 0)
    LessonFixture.press(Array(repeating: .down, count: 40), on: &model)
    #expect(model.menu.selectedIndex == LessonFixture.catalog.lessons.count - 1)
  }

  @Test func enterOpensTheSelectedLessonAtItsResumePage() {
    var model = LessonFixture.model(progress: LessonFixture.progress(["house-prices": ([0, 1], 2)]))
    LessonFixture.press([.home, .down], on: &model)
    let command = model.update(.key(.enter))
    #expect(model.screen == .lesson(id: "house-prices"))
    #expect(model.player?.pageIndex == 2)
    #expect(command == .saveProgress)
    #expect(model.progress.isCompleted(lessonID: "house-prices", page: 2))
  }

  @Test func qInALessonReturnsToTheMenuOnThatLesson() {
    var model = LessonFixture.model(startLesson: "coffee")
    #expect(model.screen == .lesson(id: "coffee"))
    #expect(model.update(.key(.character("q"))) == .none)
    #expect(model.screen == .menu)
    #expect(model.menu.selectedIndex == 2)
  }

  @Test func unknownStartLessonFallsBackToTheMenu() {
    #expect(LessonFixture.model(startLesson: "no-such-lesson").screen == .menu)
  }

  @Test func menuWithSomeProgress() {
    let progress = LessonFixture.progress([
      "neuron": (Array(0..<LessonFixture.catalog.lessons[0].pages.count), 3),
      "house-prices": ([0, 1, 2], 3),
    ])
    let model = LessonFixture.model(progress: progress)
    assertSnapshot(LessonFixture.screen(model), named: "menu-progress-80x24")
  }

  @Test func menuShowsTheProgressWarning() {
    let model = LessonFixture.model(warning: "progress file /state/descent/progress.json was set aside because it is not valid progress JSON; starting fresh")
    let text = LessonFixture.screen(model).lines.joined(separator: "\n")
    #expect(text.contains("set aside"))
    assertSnapshot(LessonFixture.screen(model), named: "menu-warning-80x24")
  }

  @Test func listingForTheCommandLine() {
    let progress = LessonFixture.progress(["neuron": (Array(0..<LessonFixture.catalog.lessons[0].pages.count), 0), "house-prices": ([0], 1)])
    let text = LessonListing.text(catalog: LessonFixture.catalog, progress: progress)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0].hasPrefix("[x] neuron "))
    #expect(lines[2].hasPrefix("[~] house-prices "))
    #expect(lines[4].hasPrefix("[ ] coffee "))
    #expect(text.hasSuffix("Open one with: descent learn <id>\n"))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }
}
