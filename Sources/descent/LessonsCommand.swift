import ArgumentParser
import DescentApp
import Foundation
import LessonKit

/// `descent lessons`: the lessons with their progress, as text.
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons and your progress.")

  @OptionGroup var options: LessonOptions

  func run() throws {
    let catalog = try options.catalog()
    var store = ProgressStore(environment: ProcessInfo.processInfo.environment)
    let loaded = store?.load()
    if let warning = loaded?.warning { TerminalOutput.error(warning) }
    TerminalOutput.print(LessonListing.text(catalog: catalog, progress: loaded?.progress ?? Progress()))
  }
}
