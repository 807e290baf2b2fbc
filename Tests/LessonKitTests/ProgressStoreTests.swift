import Foundation
import Testing

@testable import LessonKit

@Suite struct ProgressStoreTests {
  @Test func defaultLocationFollowsXDG() {
    #expect(ProgressStore.defaultFileURL(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/descent/progress.json")
    #expect(ProgressStore.defaultFileURL(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])?.path == "/h/.local/state/descent/progress.json")
    #expect(ProgressStore.defaultFileURL(environment: [:]) == nil)
  }

  @Test func saveAndResume() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let created = try #require(ProgressStore(environment: ["XDG_STATE_HOME": directory.path]))
    var store = created
    var progress = Progress()
    progress.visit(lessonID: "one-neuron", page: 2)
    progress.complete(lessonID: "one-neuron", page: 1)
    progress.complete(lessonID: "one-neuron", page: 0)
    progress.complete(lessonID: "one-neuron", page: 1)
    #expect(store.save(progress) == nil)
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("descent/progress.json").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("descent").path)
    #expect(leftovers == ["progress.json"])

    var reopened = ProgressStore(fileURL: store.fileURL)
    let loaded = reopened.load()
    #expect(loaded.warning == nil)
    #expect(loaded.progress == progress)
    #expect(loaded.progress.lessons["one-neuron"]?.completedPages == [0, 1])
    #expect(loaded.progress.isCompleted(lessonID: "one-neuron", page: 1))
    let lesson = Lesson(id: "one-neuron", title: "T", order: 1, summary: "S", fileName: "f", pages: [
      LessonPage(index: 0, line: 1, blocks: []), LessonPage(index: 1, line: 2, blocks: []),
    ])
    #expect(loaded.progress.resumePage(for: lesson) == 1)
    #expect(loaded.progress.isCompleted(lesson))
  }

  @Test func missingFileIsAFreshStart() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var store = ProgressStore(fileURL: directory.appendingPathComponent("progress.json"))
    let loaded = store.load()
    #expect(loaded.progress == Progress())
    #expect(loaded.warning == nil)
  }

  @Test func corruptFileIsSetAsideWithAWarning() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("progress.json")
    try Data("{ not json".utf8).write(to: file)
    var store = ProgressStore(fileURL: file)
    let loaded = store.load(now: Date(timeIntervalSince1970: 0))
    #expect(loaded.progress == Progress())
    let warning = try #require(loaded.warning)
    #expect(warning.contains("progress.json.corrupt-19700101T000000Z"))
    let aside = directory.appendingPathComponent("progress.json.corrupt-19700101T000000Z")
    #expect(try Data(contentsOf: aside) == Data("{ not json".utf8))
    #expect(!FileManager.default.fileExists(atPath: file.path))
    #expect(store.load().warning == nil)

    try Data([0xFF, 0x00, 0x13]).write(to: file)
    _ = store.load(now: Date(timeIntervalSince1970: 0))
    #expect(FileManager.default.fileExists(atPath: aside.path + "-2"))
  }

  @Test func readOnlyDirectoryWarnsOnceAndKeepsWorking() throws {
    guard getuid() != 0 else { return }  // root ignores permissions
    let directory = try temporaryDirectory()
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
      try? FileManager.default.removeItem(at: directory)
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
    var store = ProgressStore(fileURL: directory.appendingPathComponent("descent/progress.json"))
    #expect(store.save(Progress()) != nil)
    #expect(store.save(Progress()) == nil)
  }

  @Test func unwritableTargetWarns() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A regular file where the state directory should be: no permissions needed to fail.
    let blocker = directory.appendingPathComponent("descent")
    try Data().write(to: blocker)
    var store = ProgressStore(fileURL: blocker.appendingPathComponent("progress.json"))
    let saved = store.save(Progress())
    let warning = try #require(saved)
    #expect(warning.hasPrefix("could not save progress"))
    #expect(store.save(Progress()) == nil)
  }
}
