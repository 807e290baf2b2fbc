import ArgumentParser
import CursesBackend
import DescentApp
import Foundation
import TerminalUI

/// Runs an app full-screen in the learner's terminal and always gives the terminal back.
enum InteractiveSession {
  /// Checks the terminal, starts curses, runs `makeApp`'s app until it quits, restores the terminal.
  /// `onCommand` performs the app's side effects; `afterStart` those due before the first frame.
  /// A terminal that cannot host the UI is one line on stderr and exit code 2.
  static func run<Model: App>(
    ascii: Bool, makeApp: (Theme) -> Model, onCommand: (Command, Model) -> Message? = { _, _ in nil },
    afterStart: (Model) -> Message? = { _ in nil }
  ) throws {
    do {
      try CursesBackend.preflight()
    } catch {
      error.writeToStandardError()
      throw ExitCode(2)
    }
    let backend: CursesBackend
    do {
      backend = try CursesBackend(logPath: logPath(), asciiOverride: ascii)
    } catch {
      error.writeToStandardError()
      throw ExitCode(2)
    }
    var model = makeApp(Theme(capabilities: backend.capabilities))
    if let message = afterStart(model) { _ = model.update(message) }
    var running = backend
    ProgramLoop.run(&model, on: &running, onCommand: onCommand)
    backend.shutdown()
  }

  /// Where stderr goes while curses owns the screen: `$XDG_STATE_HOME/descent/descent.log`.
  private static func logPath() -> String? {
    let environment = ProcessInfo.processInfo.environment
    let base: URL
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
      base = URL(fileURLWithPath: state)
    } else if let home = environment["HOME"], !home.isEmpty {
      base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
    } else {
      return nil
    }
    let directory = base.appendingPathComponent("descent")
    guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil else {
      return nil
    }
    return directory.appendingPathComponent("descent.log").path
  }
}
