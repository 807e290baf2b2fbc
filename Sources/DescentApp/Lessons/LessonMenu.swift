import LessonKit
import TerminalUI

/// The lesson menu: every lesson with its summary and how far the learner got.
///
/// Only the selection lives here; the lessons and progress belong to `DescentModel`.
public struct LessonMenu: Equatable, Sendable {
  /// Index of the highlighted lesson in the catalog's order.
  public private(set) var selectedIndex = 0

  public init(selectedIndex: Int = 0) {
    self.selectedIndex = max(0, selectedIndex)
  }

  /// What a key in the menu asks for.
  public enum Action: Equatable, Sendable {
    case none
    case open(lessonIndex: Int)
    case quit
  }

  /// Moves the selection or picks a lesson.
  public mutating func handle(_ key: Key, lessonCount: Int) -> Action {
    guard lessonCount > 0 else { return key == .character("q") ? .quit : .none }
    switch key {
    case .character("q"), .escape: return .quit
    case .up, .character("k"): selectedIndex = max(0, selectedIndex - 1)
    case .down, .character("j"), .tab: selectedIndex = min(lessonCount - 1, selectedIndex + 1)
    case .home, .pageUp: selectedIndex = 0
    case .end, .pageDown: selectedIndex = lessonCount - 1
    case .enter, .right, .character(" "): return .open(lessonIndex: min(selectedIndex, lessonCount - 1))
    default: break
    }
    return .none
  }

  /// Selects the lesson at `index` (e.g. the one the learner just left).
  public mutating func select(_ index: Int) { selectedIndex = max(0, index) }
}

/// How far the learner got in one lesson, for marks and bars.
enum LessonState: Equatable {
  case notStarted, inProgress, done

  init(_ lesson: Lesson, progress: Progress) {
    if progress.isCompleted(lesson) && !lesson.pages.isEmpty {
      self = .done
    } else if progress.lessons[lesson.id] != nil {
      self = .inProgress
    } else {
      self = .notStarted
    }
  }

  /// A one-cell mark: ✓ done, ◐ started, · not started (ASCII: x, ~, space).
  func mark(_ symbols: SymbolSet) -> String {
    switch self {
    case .done: symbols.isUnicode ? "✓" : "x"
    case .inProgress: symbols.isUnicode ? "◐" : "~"
    case .notStarted: symbols.isUnicode ? "·" : " "
    }
  }
}

/// Counts of completed pages, for progress bars.
struct PageTally: Equatable {
  var done: Int
  var total: Int

  init(lesson: Lesson, progress: Progress) {
    total = lesson.pages.count
    done = lesson.pages.indices.filter { progress.isCompleted(lessonID: lesson.id, page: $0) }.count
  }

  init(catalog: LessonCatalog, progress: Progress) {
    let tallies = catalog.lessons.map { PageTally(lesson: $0, progress: progress) }
    done = tallies.reduce(0) { $0 + $1.done }
    total = tallies.reduce(0) { $0 + $1.total }
  }

  init(done: Int, total: Int) {
    self.done = done
    self.total = total
  }

  /// A bar `width` cells wide, filled in proportion (eighth blocks in Unicode).
  func bar(width: Int, symbols: SymbolSet) -> String {
    guard width > 0 else { return "" }
    let fraction = total == 0 ? 0 : Double(done) / Double(total)
    let eighths = Int((fraction * Double(width * 8)).rounded())
    let full = eighths / 8
    var text = String(repeating: symbols.fullBlock, count: full)
    if full < width {
      let partial = eighths % 8
      let empty = symbols.isUnicode ? "░" : "."
      text += partial > 0 ? symbols.horizontalEighths[partial] : empty
      text += String(repeating: empty, count: width - full - 1)
    }
    return text
  }
}
