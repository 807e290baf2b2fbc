/// One screen of a lesson: Markdown blocks, at most one lab, and any checkpoints.
public struct LessonPage: Equatable, Sendable {
  /// Position in the lesson, from 0.
  public var index: Int
  /// File line where the page's text begins.
  public var line: Int
  /// The page's text without its lab, quiz and goal blocks.
  public var blocks: [MarkdownBlock]
  /// The live lab shown beside the text, if any.
  public var lab: LabSpec?
  /// Quizzes and goals, in the order written; the page is done when all are met.
  public var checkpoints: [Checkpoint]

  public init(index: Int, line: Int, blocks: [MarkdownBlock], lab: LabSpec? = nil, checkpoints: [Checkpoint] = []) {
    self.index = index
    self.line = line
    self.blocks = blocks
    self.lab = lab
    self.checkpoints = checkpoints
  }

  /// The text of the page's first heading, if it has one.
  public var title: String? {
    for block in blocks {
      if case .heading(_, let content) = block { return content.plainText }
    }
    return nil
  }

  /// Whether the page is done as soon as it is read (it has no checkpoint).
  public var isReadOnly: Bool { checkpoints.isEmpty }
}

/// Something the learner must do before a page counts as done.
public enum Checkpoint: Equatable, Sendable {
  case quiz(QuizSpec)
  case goal(GoalSpec)
}
