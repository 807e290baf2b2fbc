import Foundation
import LessonKit
import TerminalUI
import Testing

@testable import DescentApp

/// Progress through the app and `ProgressStore`, as the program loop wires them.
@Suite struct DescentModelProgressTests {
  /// What the lead's main loop does on `.saveProgress`.
  static func perform(_ command: Command, model: inout DescentModel, store: inout ProgressStore) {
    guard command == .saveProgress else { return }
    if let warning = store.save(model.progress) { model.showWarning(warning) }
  }

  @Test func progressIsSavedAndResumedFromTheLastPage() throws {
    let directory = LessonFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var store = ProgressStore(fileURL: directory.appendingPathComponent("descent/progress.json"))
    var model = LessonFixture.model(progress: store.load().progress)
    LessonFixture.press([.down], on: &model)
    for key: Key in [.enter, .right, .right] {
      Self.perform(model.update(.key(key)), model: &model, store: &store)
    }
    #expect(model.player?.pageIndex == 2)
    #expect(model.update(.key(.character("q"))) == .none)

    var reopened = ProgressStore(fileURL: store.fileURL)
    let loaded = reopened.load()
    #expect(loaded.warning == nil)
    #expect(loaded.progress.lessons["house-prices"]?.lastPage == 2)
    #expect(loaded.progress.lessons["house-prices"]?.completedPages == [0, 1, 2])
    var resumed = LessonFixture.model(progress: loaded.progress)
    #expect(resumed.menu.selectedIndex == 0)
    LessonFixture.press([.down, .enter], on: &resumed)
    #expect(resumed.player?.pageIndex == 2)
  }

  @Test func corruptFileIsSetAsideAndReportedOnTheMenu() throws {
    let directory = LessonFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("progress.json")
    try Data("{ not json".utf8).write(to: file)
    var store = ProgressStore(fileURL: file)
    let loaded = store.load()
    let warning = try #require(loaded.warning)
    var model = LessonFixture.model(progress: loaded.progress, warning: warning)
    #expect(LessonFixture.screen(model).lines.joined(separator: " ").contains("corrupt-"))
    let aside = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("corrupt") }
    #expect(aside.count == 1)
    // Reported once: gone after opening a lesson and coming back.
    LessonFixture.press([.enter, .character("q")], on: &model)
    #expect(model.warning == nil)
  }

  /// `descent learn ID` opens straight into a lesson: the warning is shown there, until a key.
  @Test func corruptProgressIsReportedWhenStartingInALesson() throws {
    let id = try #require(LessonFixture.catalog.lessons.first?.id)
    var model = LessonFixture.model(startLesson: id, warning: "progress file x was set aside as y")
    #expect(model.screen == .lesson(id: id))
    let lines = LessonFixture.screen(model).lines
    #expect(lines.suffix(3).joined().contains("! progress file x was set aside as y"), "\(lines.suffix(3))")
    LessonFixture.press([.down], on: &model)
    #expect(model.warning == nil)
    #expect(!LessonFixture.screen(model).lines.joined().contains("progress file"))
  }

  /// A failed save while reading a lesson is shown in the lesson, not only on the menu.
  @Test func saveFailureIsShownInsideALesson() throws {
    let id = try #require(LessonFixture.catalog.lessons.first?.id)
    var model = LessonFixture.model(startLesson: id)
    _ = model.update(.warning("could not save progress to p: no space left on device"))
    #expect(LessonFixture.screen(model).lines.suffix(3).joined(separator: " ").contains("no space left on device"))
  }

  @Test func unwritableStateDirectoryKeepsTheAppWorkingWithAWarning() throws {
    let directory = LessonFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A regular file where the state directory should be: saving must fail, even as root.
    let blocker = directory.appendingPathComponent("descent")
    try Data("not a directory".utf8).write(to: blocker)
    var store = ProgressStore(fileURL: blocker.appendingPathComponent("progress.json"))
    var model = LessonFixture.model(progress: store.load().progress)
    Self.perform(model.update(.key(.enter)), model: &model, store: &store)
    #expect(model.warning != nil)
    Self.perform(model.update(.key(.right)), model: &model, store: &store)
    #expect(model.player?.pageIndex == 1)
    _ = model.update(.key(.character("q")))
    #expect(model.screen == .menu)
    // The failure was reported when it happened; the menu shows it until a lesson opens again.
    let warning = store.save(model.progress)
    #expect(warning == nil, "the same failure is reported only once")
  }

  @Test func updateReturnsSaveProgressOnlyWhenProgressChanged() {
    var model = LessonFixture.model(startLesson: "neuron")
    #expect(model.update(.key(.right)) == .saveProgress)
    #expect(model.update(.key(.left)) == .saveProgress)  // lastPage changed
    #expect(model.update(.key(.character("h"))) == .none)
    #expect(model.update(.tick(stepBudget: 10)) == .none)
    #expect(model.update(.resize(Size(width: 100, height: 30))) == .none)
  }
}
