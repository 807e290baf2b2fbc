import Foundation
import Testing

@testable import LessonKit

@Suite struct LessonCatalogTests {
  @Test func fixtureDirectoryValidatesClean() throws {
    let problems = validateLessons(in: try fixturesDirectory())
    #expect(problems.map(\.description) == [])
    let catalog = loadLessons(in: try fixturesDirectory())
    #expect(catalog.lessons.map(\.id) == ["one-neuron"])
  }

  @Test func crossLessonProblems() {
    let catalog = LessonCatalog(sources: [
      (fileName: "b.md", text: lessonText("text", id: "same", requires: "[ghost, same]")),
      (fileName: "a.md", text: lessonText("text", id: "same")),
      (fileName: "c.md", text: lessonText("text", id: "other", requires: "\n  - same\n  - missing")),
    ])
    #expect(catalog.problems.map(\.description) == [
      "a.md:2: duplicate lesson id `same` (also in b.md:2)",
      "b.md:6: `requires` names unknown lesson `ghost`",
      "b.md:6: lesson requires itself",
      "c.md:8: `requires` names unknown lesson `missing`",
    ])
    #expect(catalog.lessons.map(\.fileName) == ["c.md", "b.md"].sorted { $0 > $1 })
    #expect(catalog.lesson(id: "other")?.requires == ["same", "missing"])
  }

  @Test func lessonsSortByOrderThenID() {
    func text(_ id: String, _ order: Int) -> String {
      "---\nid: \(id)\ntitle: T\norder: \(order)\nsummary: S\n---\nbody"
    }
    let catalog = LessonCatalog(sources: [
      (fileName: "1.md", text: text("zeta", 1)), (fileName: "2.md", text: text("alpha", 2)),
      (fileName: "3.md", text: text("beta", 1)),
    ])
    #expect(catalog.lessons.map(\.id) == ["beta", "zeta", "alpha"])
  }

  @Test func hostileFilesAreProblemsNotCrashes() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    func write(_ name: String, _ bytes: [UInt8]) throws {
      try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
    try write("binary.md", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])
    try write("latin1.md", Array("---\nid: x\n".utf8) + [0xE9, 0x0A])
    try write("huge.md", [UInt8](repeating: UInt8(ascii: "a"), count: LessonCatalog.maximumFileBytes + 1))
    try write("README.md", Array("# not a lesson".utf8))
    try write("notes.txt", Array("ignored".utf8))
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
    try write("ok.md", Array(lessonText("fine", id: "ok").utf8))
    let problems = validateLessons(in: directory).map(\.description)
    #expect(problems == [
      "binary.md:1: file holds NUL bytes: it looks binary, not a Markdown lesson",
      "folder.md:0: not a regular file",
      "huge.md:0: file is larger than 512 KB",
      "latin1.md:3: file is not valid UTF-8",
    ])
    #expect(loadLessons(in: directory).lessons.map(\.id) == ["ok"])
  }

  @Test func missingDirectoryIsAProblem() {
    let problems = validateLessons(in: URL(fileURLWithPath: "/nonexistent/lessons"))
    #expect(problems.map(\.description) == ["/nonexistent/lessons:0: cannot read lesson directory"])
  }

  @Test func problemDescriptionIsFileLineMessage() {
    #expect(LessonProblem(file: "a.md", line: 3, message: "bad\u{1B}[2J thing").description == "a.md:3: bad thing")
  }
}

@Suite struct AuthoringGuideTests {
  /// The complete example in `Lessons/README.md` is the fixture lesson, so it stays valid.
  @Test func guideExampleMatchesTheFixture() throws {
    let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Lessons/README.md")
    let text = try String(contentsOf: guide, encoding: .utf8)
    let start = try #require(text.range(of: "````markdown\n"))
    let end = try #require(text.range(of: "\n````", range: start.upperBound..<text.endIndex))
    let example = String(text[start.upperBound..<end.lowerBound]) + "\n"
    let fixture = try String(
      contentsOf: try fixturesDirectory().appendingPathComponent("01-one-neuron.md"), encoding: .utf8)
    #expect(example == fixture)
  }
}
