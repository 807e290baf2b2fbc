import ArgumentParser
import Foundation
import LessonKit
import SafeText

/// `descent check [DIR]`: validates lesson files; every problem as `file:line: what is wrong`.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Validate lesson files: every problem as file:line: message; exit 1 if any.")

  @Argument(help: "The folder of lessons to check.")
  var directory: String = "Lessons"

  func run() throws {
    let shownDirectory = TextSanitizer.inline(directory)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError("'\(shownDirectory)' is not a folder")
    }
    let catalog = LessonCatalog.load(directory: URL(fileURLWithPath: directory))
    for problem in catalog.problems { TerminalOutput.print(problem.description) }
    if !catalog.problems.isEmpty {
      TerminalOutput.print("\(catalog.problems.count) problem\(catalog.problems.count == 1 ? "" : "s") in \(shownDirectory)")
      throw ExitCode(1)
    }
    guard !catalog.lessons.isEmpty else {
      TerminalOutput.print("no lessons in \(shownDirectory)")
      throw ExitCode(1)
    }
    TerminalOutput.print("\(catalog.lessons.count) lesson\(catalog.lessons.count == 1 ? "" : "s") OK in \(shownDirectory)")
  }
}
