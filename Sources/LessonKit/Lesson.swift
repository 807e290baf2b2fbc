/// One lesson: front matter and a sequence of short pages.
public struct Lesson: Equatable, Sendable, Identifiable {
  /// Stable id used by `requires` and by saved progress, e.g. `gradient-descent`.
  public var id: String
  public var title: String
  /// Position in the lesson menu (ascending).
  public var order: Int
  /// One line for the lesson menu.
  public var summary: String
  /// Ids of lessons to finish first.
  public var requires: [String]
  /// The file name the lesson was parsed from.
  public var fileName: String
  public var pages: [LessonPage]
  /// File line of the `id` key and of each `requires` entry, for cross-lesson problems.
  var idLine: Int
  var requiresLines: [Int]

  public init(
    id: String, title: String, order: Int, summary: String, requires: [String] = [],
    fileName: String, pages: [LessonPage]
  ) {
    self.id = id
    self.title = title
    self.order = order
    self.summary = summary
    self.requires = requires
    self.fileName = fileName
    self.pages = pages
    self.idLine = 1
    self.requiresLines = requires.map { _ in 1 }
  }

  /// Parses a lesson from its text (e.g. a string embedded in the program).
  ///
  /// Returns the lesson whenever its front matter is usable, together with every problem found;
  /// a lesson with problems still loads (broken labs and checkpoints are left out).
  public static func parse(text: String, fileName: String) -> LessonParseResult {
    LessonParser(text: text, fileName: fileName).parse()
  }
}

/// A parsed lesson (if its front matter was usable) and the problems found in it.
public struct LessonParseResult: Equatable, Sendable {
  public var lesson: Lesson?
  public var problems: [LessonProblem]

  public init(lesson: Lesson?, problems: [LessonProblem]) {
    self.lesson = lesson
    self.problems = problems
  }
}
