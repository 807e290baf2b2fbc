/// One thing wrong with a lesson file, located by file name and 1-based line number.
public struct LessonProblem: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The file name as given to the parser (for a directory scan, the name inside the directory).
  public var file: String
  /// 1-based line in the file; 0 when the problem concerns the file as a whole.
  public var line: Int
  /// What is wrong, in one sentence (already sanitised).
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = TextSanitizer.sanitize(message)
  }

  /// `file:line: message`, the format `descent check` prints.
  public var description: String { "\(file):\(line): \(message)" }
}
