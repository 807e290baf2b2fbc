import Foundation
import LessonKit
import TerminalUI

@testable import DescentApp

/// Shared fixtures for the lesson player, menu and app tests.
enum LessonFixture {
  static let catalog = DescentModel.embeddedCatalog()
  static let theme = Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true))

  /// The app on the shipped lessons, sized to `size`.
  static func model(
    progress: LessonKit.Progress = LessonKit.Progress(), startLesson: String? = nil, warning: String? = nil,
    size: Size = Size(width: 80, height: 24)
  ) -> DescentModel {
    var model = DescentModel(catalog: catalog, progress: progress, theme: theme, startLesson: startLesson, warning: warning)
    _ = model.update(.resize(size))
    return model
  }

  /// The screen as text lines.
  static func screen(_ model: DescentModel, size: Size = Size(width: 80, height: 24)) -> Buffer {
    var buffer = Buffer(size: size)
    model.render(into: &buffer)
    return buffer
  }

  /// Sends `keys` one after another; returns the commands.
  @discardableResult
  static func press(_ keys: [Key], on model: inout DescentModel) -> [Command] {
    keys.map { model.update(.key($0)) }
  }

  /// Progress with lesson `id` opened at `page`.
  static func progress(_ entries: [String: (completed: [Int], last: Int)]) -> LessonKit.Progress {
    LessonKit.Progress(lessons: entries.mapValues { LessonKit.Progress.LessonProgress(completedPages: $0.completed, lastPage: $0.last) })
  }

  /// A fresh empty directory under the temporary directory.
  static func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-player-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
