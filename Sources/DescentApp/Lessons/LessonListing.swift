import LessonKit
import TerminalUI

/// The plain-text lesson list `descent lessons` prints.
public enum LessonListing {
  /// One line per lesson — mark, id, title, pages done — then its summary, indented:
  ///
  /// ```
  /// [x] neuron          One neuron                 7/7 pages
  ///     What a single artificial neuron computes, with numbers you can follow.
  /// ```
  ///
  /// `[x]` done, `[~]` started, `[ ]` not started. Plain ASCII marks, so it pipes cleanly.
  public static func text(catalog: LessonCatalog, progress: Progress) -> String {
    let idWidth = catalog.lessons.map { DisplayWidth.of($0.id) }.max() ?? 0
    let titleWidth = catalog.lessons.map { DisplayWidth.of($0.title) }.max() ?? 0
    var lines: [String] = []
    for lesson in catalog.lessons {
      let mark: String
      switch LessonState(lesson, progress: progress) {
      case .done: mark = "[x]"
      case .inProgress: mark = "[~]"
      case .notStarted: mark = "[ ]"
      }
      let tally = PageTally(lesson: lesson, progress: progress)
      let id = padded(lesson.id, to: idWidth)
      let title = padded(lesson.title, to: titleWidth)
      lines.append("\(mark) \(id)  \(title)  \(tally.done)/\(tally.total) pages")
      lines.append("    \(lesson.summary)")
    }
    let total = PageTally(catalog: catalog, progress: progress)
    lines.append("")
    lines.append("\(total.done) of \(total.total) pages done. Open one with: descent learn <id>")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
  }
}
