import SafeText

/// Why a CSV file could not become a dataset, pointing at the file, line and column.
///
/// `description` is one line in the compiler style a learner's editor understands:
/// `data.csv:7: column 'size': "abc" is not a number`.
public struct CSVError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file name as the learner typed it (`description` sanitises it).
  public var fileName: String
  /// The 1-based line the problem is on, or `nil` when it concerns the whole file.
  public var line: Int?
  /// The column name the problem is in, if it is in one field.
  public var column: String?
  /// What is wrong, e.g. `"abc" is not a number`.
  public var problem: String

  public init(fileName: String, line: Int?, column: String? = nil, problem: String) {
    self.fileName = fileName
    self.line = line
    self.column = column
    self.problem = problem
  }

  /// One line, with the file name sanitised (a file name is untrusted text).
  public var description: String {
    var text = TextSanitizer.inline(fileName)
    if let line { text += ":\(line)" }
    text += ": "
    if let column { text += "column '\(column)': " }
    return text + problem
  }
}
