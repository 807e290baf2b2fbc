import Foundation
import LessonKit
import Testing

@testable import DescentApp

/// The shipped lessons: embedded copy up to date, every file valid.
@Suite struct LessonEmbeddedTests {
  static let lessonsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Lessons")

  @Test func embeddedLessonsMatchTheFiles() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.lessonsDirectory.path)
      .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    #expect(EmbeddedLessons.sources.map(\.fileName) == names, "run Lessons/embed.sh")
    for source in EmbeddedLessons.sources where names.contains(source.fileName) {
      let text = try String(contentsOf: Self.lessonsDirectory.appendingPathComponent(source.fileName), encoding: .utf8)
      #expect(source.text == text, "\(source.fileName) changed: run Lessons/embed.sh")
    }
  }

  @Test func everyShippedLessonParsesWithoutProblems() {
    let catalog = DescentModel.embeddedCatalog()
    #expect(catalog.problems.isEmpty, "\(catalog.problems.map(\.description).joined(separator: "\n"))")
    #expect(catalog.lessons.count == EmbeddedLessons.sources.count)
    for lesson in catalog.lessons { #expect(!lesson.pages.isEmpty, "\(lesson.id)") }
  }

  @Test func directoryAndEmbeddedCatalogsAgree() {
    let fromDirectory = LessonCatalog.load(directory: Self.lessonsDirectory)
    #expect(fromDirectory.lessons == DescentModel.embeddedCatalog().lessons)
  }
}
