import DescentApp
import Foundation
import LessonKit

/// Opens the lesson UI with saved progress, saving as the learner goes.
enum LessonRunner {
  static func run(options: LessonOptions, startLesson: String?) throws {
    let catalog = try options.catalog()
    for problem in catalog.problems { TerminalOutput.error(problem.description) }
    var store = ProgressStore(environment: ProcessInfo.processInfo.environment)
    let loaded = store?.load()
    // Also on stderr, so it stays on the screen after the UI closes, whichever way it was opened.
    if let warning = loaded?.warning { TerminalOutput.error(warning) }
    try InteractiveSession.run(
      ascii: options.ascii,
      makeApp: { theme in
        DescentModel(
          catalog: catalog, progress: loaded?.progress ?? Progress(), theme: theme, startLesson: startLesson,
          warning: loaded?.warning ?? (store == nil ? "progress is not saved: neither XDG_STATE_HOME nor HOME is set" : nil))
      },
      onCommand: { command, model in
        guard command == .saveProgress, store != nil else { return nil }
        return store?.save(model.progress).map { Message.warning($0) }
      },
      afterStart: { model in
        // Opening a lesson records the visit before the loop runs; save it now.
        guard startLesson != nil else { return nil }
        return store?.save(model.progress).map { Message.warning($0) }
      })
  }
}
