import Foundation
import Testing

@testable import LessonKit

/// A lesson text with valid front matter followed by `body`; the body starts at file line 8.
func lessonText(_ body: String, id: String = "test", requires: String = "[]") -> String {
  """
  ---
  id: \(id)
  title: Test
  order: 1
  summary: A test lesson.
  requires: \(requires)
  ---
  \(body)
  """
}

/// Problems found in `text`, as `file:line: message` strings.
func problems(in text: String, file: String = "t.md") -> [String] {
  Lesson.parse(text: text, fileName: file).problems.map(\.description)
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("lessonkit-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The directory of example lessons shipped with the tests.
func fixturesDirectory() throws -> URL {
  try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
}
