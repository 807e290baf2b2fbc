/// What the learner has done: per lesson, the pages completed and the page last visited.
public struct Progress: Codable, Equatable, Sendable {
  /// Format version of `progress.json`.
  public var version: Int
  /// Keyed by lesson id.
  public var lessons: [String: LessonProgress]

  public init(lessons: [String: LessonProgress] = [:]) {
    self.version = 1
    self.lessons = lessons
  }

  /// One lesson's progress.
  public struct LessonProgress: Codable, Equatable, Sendable {
    /// Indices (from 0) of completed pages, ascending, without repeats.
    public var completedPages: [Int]
    /// The page the learner last had open, to resume there.
    public var lastPage: Int

    public init(completedPages: [Int] = [], lastPage: Int = 0) {
      self.completedPages = Array(Set(completedPages.filter { $0 >= 0 })).sorted()
      self.lastPage = max(0, lastPage)
    }
  }

  /// Records that the learner opened `page` of lesson `lessonID`.
  public mutating func visit(lessonID: String, page: Int) {
    lessons[lessonID, default: LessonProgress()].lastPage = max(0, page)
  }

  /// Records that `page` of lesson `lessonID` is done.
  public mutating func complete(lessonID: String, page: Int) {
    guard page >= 0 else { return }
    var lesson = lessons[lessonID, default: LessonProgress()]
    if !lesson.completedPages.contains(page) {
      lesson.completedPages.append(page)
      lesson.completedPages.sort()
    }
    lessons[lessonID] = lesson
  }

  /// Whether `page` of lesson `lessonID` is done.
  public func isCompleted(lessonID: String, page: Int) -> Bool {
    lessons[lessonID]?.completedPages.contains(page) ?? false
  }

  /// Whether every page of `lesson` is done.
  public func isCompleted(_ lesson: Lesson) -> Bool {
    guard let completed = lessons[lesson.id]?.completedPages else { return lesson.pages.isEmpty }
    return lesson.pages.indices.allSatisfy(completed.contains)
  }

  /// The page to open when the learner returns to `lesson` (clamped to its pages).
  public func resumePage(for lesson: Lesson) -> Int {
    let last = lessons[lesson.id]?.lastPage ?? 0
    return max(0, min(last, lesson.pages.count - 1))
  }
}
