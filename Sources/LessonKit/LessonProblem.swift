import SafeText

/// One thing wrong with a lesson file, located by file name and 1-based line number.
public struct LessonProblem: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The file name as given to the parser (for a directory scan, the name inside the directory),
  /// sanitised: a file name is untrusted text too (`inv\e]52;c;…\a.md` writes the clipboard).
  public var file: String
  /// 1-based line in the file; 0 when the problem concerns the file as a whole.
  public var line: Int
  /// What is wrong, in one sentence (sanitised, on one line).
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = TextSanitizer.inline(file)
    self.line = line
    self.message = TextSanitizer.inline(message)
  }

  /// `file:line: message`, the format `descent check` prints.
  public var description: String { "\(file):\(line): \(message)" }
}
