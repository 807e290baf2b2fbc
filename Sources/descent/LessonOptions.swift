import ArgumentParser
import DescentApp
import Foundation
import LessonKit
import SafeText

/// Where lessons come from and how the screen is drawn; shared by the lesson commands.
struct LessonOptions: ParsableArguments {
  @Option(name: .customLong("lessons"), help: "Load lessons from this folder instead of the built-in ones.")
  var lessonDirectory: String?

  @Flag(help: "Use plain ASCII (no braille or block graphics).")
  var ascii = false

  /// The built-in lessons, or the folder's; a folder that holds none is a one-line error.
  func catalog() throws -> LessonCatalog {
    guard let lessonDirectory else { return DescentModel.embeddedCatalog() }
    let shownDirectory = TextSanitizer.inline(lessonDirectory)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: lessonDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError("--lessons: '\(shownDirectory)' is not a folder")
    }
    let catalog = LessonCatalog.load(directory: URL(fileURLWithPath: lessonDirectory))
    guard !catalog.lessons.isEmpty else {
      throw ValidationError("--lessons: no lessons in '\(shownDirectory)' (run 'descent check \(shownDirectory)')")
    }
    return catalog
  }
}
