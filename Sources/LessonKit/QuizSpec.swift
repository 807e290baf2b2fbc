import Yams

/// A multiple-choice checkpoint: the learner predicts, then reads why.
///
/// In a ```` ```quiz ```` block: `question`, `choices` (a list of at least two), `answer` (the
/// number of the correct choice, counting from 1 as the learner sees them), optional `explain`.
public struct QuizSpec: Equatable, Sendable {
  /// The question, as Markdown inline text.
  public var question: String
  /// The choices in the order shown, as Markdown inline text.
  public var choices: [String]
  /// Index of the correct choice in `choices`, counting from 0.
  public var answerIndex: Int
  /// Shown after the learner answers (Markdown), if given.
  public var explanation: String?
  /// File line of the block's opening fence.
  public var line: Int

  public init(question: String, choices: [String], answerIndex: Int, explanation: String?, line: Int) {
    self.question = question
    self.choices = choices
    self.answerIndex = answerIndex
    self.explanation = explanation
    self.line = line
  }

  /// The question as styled runs.
  public var questionInlines: [Inline] { InlineParser.parse(question) }
  /// Each choice as styled runs.
  public var choiceInlines: [[Inline]] { choices.map(InlineParser.parse) }
  /// The explanation as blocks (empty if none).
  public var explanationBlocks: [MarkdownBlock] { explanation.map(MarkdownParser.parse) ?? [] }

  /// Whether choosing `index` (from 0) is right.
  public func isCorrect(_ index: Int) -> Bool { index == answerIndex }

  static let knownKeys = ["question", "choices", "answer", "explain"]

  /// Reads a quiz from its YAML root; nil (with problems) if it cannot be asked.
  static func parse(
    _ root: Node, yaml: YAMLBlock, fenceLine: Int, problems: inout [LessonProblem]
  ) -> QuizSpec? {
    guard let entries = yaml.entries(of: root, blockName: "quiz", problems: &problems) else {
      return nil
    }
    var question: String?
    var choices: [String]?
    var answerEntry: YAMLBlock.Entry?
    var explanation: String?
    var valid = true
    for entry in entries {
      switch entry.key {
      case "question":
        question = entry.value.plainString
        if question?.isEmpty ?? true {
          problems.append(LessonProblem(file: yaml.fileName, line: entry.line, message: "`question` must be text"))
          valid = false
        }
      case "choices":
        if case .sequence(let sequence) = entry.value, sequence.count >= 2, sequence.count <= 9,
          sequence.allSatisfy({ $0.plainString?.isEmpty == false })
        {
          choices = sequence.compactMap(\.plainString)
        } else {
          problems.append(
            LessonProblem(
              file: yaml.fileName, line: entry.line,
              message: "`choices` must be a list of 2 to 9 texts"))
          valid = false
        }
      case "answer":
        answerEntry = entry
      case "explain":
        explanation = entry.value.plainString
      default:
        problems.append(
          LessonProblem(
            file: yaml.fileName, line: entry.line,
            message: "unknown key `\(entry.key)` in quiz (known: \(knownKeys.joined(separator: ", ")))"))
      }
    }
    for key in ["question", "choices"] where !entries.contains(where: { $0.key == key }) {
      problems.append(LessonProblem(file: yaml.fileName, line: fenceLine, message: "quiz has no `\(key)`"))
      valid = false
    }
    guard let answerEntry else {
      problems.append(
        LessonProblem(
          file: yaml.fileName, line: fenceLine,
          message: "quiz has no correct answer: add `answer: <number of the right choice, from 1>`"))
      return nil
    }
    guard valid, let question, let choices else { return nil }
    guard let answer = answerEntry.value.integer, (1...choices.count).contains(answer) else {
      problems.append(
        LessonProblem(
          file: yaml.fileName, line: answerEntry.line,
          message: "quiz has no correct answer: `answer` must be a choice number from 1 to \(choices.count)"))
      return nil
    }
    return QuizSpec(
      question: question, choices: choices, answerIndex: answer - 1, explanation: explanation,
      line: fenceLine)
  }
}
