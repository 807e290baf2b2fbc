import ArgumentParser
import Foundation

/// The `descent` command: the lesson UI by default, plus headless subcommands.
@main
struct Descent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "descent",
    abstract: "Learn neural networks by training real ones in the terminal.",
    discussion: "With no subcommand, opens the lessons where you left off.",
    version: Descent.version,
    subcommands: [
      LearnCommand.self, LessonsCommand.self, PlayCommand.self, RaceCommand.self, TrainCommand.self, CheckCommand.self,
      PredictCommand.self, ExportCommand.self, BenchCommand.self,
    ])

  /// What `descent --version` prints.
  static let version = "0.1.0"

  @OptionGroup var options: LessonOptions

  func run() throws {
    try LessonRunner.run(options: options, startLesson: nil)
  }

  /// Like ArgumentParser's `main`, but every failure is one line on stderr and exit code 2
  /// (help and explicit exit codes pass through), so scripts and learners never see a usage dump.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        TerminalOutput.print(fullMessage(for: error))
        Foundation.exit(0)
      }
      // Messages quote option values, file names and file contents: the first line only, sanitised.
      let line = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      TerminalOutput.error(line)
      Foundation.exit(2)
    }
  }
}
