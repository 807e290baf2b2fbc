import Foundation
import SafeText
import Yams

/// A YAML snippet from a lesson file (front matter or a fenced block), parsed with Yams into
/// nodes whose line numbers are lines of the file.
///
/// Before Yams sees the text, it is checked for size and nesting so hostile input cannot
/// exhaust the stack of the recursive composer.
struct YAMLBlock {
  /// Largest YAML snippet accepted, in UTF-8 bytes.
  static let maximumBytes = 64 * 1024
  /// Deepest flow nesting (`[` / `{`) accepted.
  static let maximumFlowDepth = 16
  /// Widest indentation accepted, in columns.
  static let maximumIndentation = 48
  /// Most compact sequence markers (`- - -`) accepted at the start of a line.
  static let maximumCompactDepth = 8

  /// One key of a mapping with the file line it is on.
  struct Entry {
    var key: String
    var line: Int
    var value: Node
  }

  let fileName: String
  /// File line of the snippet's first line.
  let firstLine: Int

  /// Parses `text`; returns the root node, or nil (and appends problems) if it is not usable.
  func compose(_ text: String, problems: inout [LessonProblem]) -> Node? {
    if let problem = hostility(of: text) {
      problems.append(problem)
      return nil
    }
    do {
      return try Yams.compose(yaml: text)
    } catch let error as YamlError {
      problems.append(describe(error))
    } catch {
      problems.append(LessonProblem(file: fileName, line: firstLine, message: "bad YAML"))
    }
    return nil
  }

  /// The file line of `node` (or of the snippet's start if Yams gave no mark).
  func line(of node: Node) -> Int {
    guard let mark = node.mark else { return firstLine }
    return firstLine + mark.line - 1
  }

  /// Returns the mapping's entries, reporting non-string and duplicate keys.
  func entries(
    of node: Node, blockName: String, problems: inout [LessonProblem]
  ) -> [Entry]? {
    guard case .mapping(let mapping) = node else {
      problems.append(problem(at: node, "\(blockName) must be a mapping of `key: value` lines"))
      return nil
    }
    var seen: Set<String> = []
    var result: [Entry] = []
    for (keyNode, value) in mapping {
      guard case .scalar(let scalar) = keyNode else {
        problems.append(problem(at: keyNode, "\(blockName) keys must be plain words"))
        continue
      }
      let key = TextSanitizer.sanitize(scalar.string)
      if !seen.insert(key).inserted {
        problems.append(problem(at: keyNode, "duplicate key `\(key)` in \(blockName)"))
        continue
      }
      result.append(Entry(key: key, line: line(of: keyNode), value: value))
    }
    return result
  }

  func problem(at node: Node, _ message: String) -> LessonProblem {
    LessonProblem(file: fileName, line: line(of: node), message: message)
  }

  // MARK: - Private

  private func hostility(of text: String) -> LessonProblem? {
    if text.utf8.count > Self.maximumBytes {
      return LessonProblem(
        file: fileName, line: firstLine,
        message: "YAML block is larger than \(Self.maximumBytes / 1024) KB")
    }
    var flowDepth = 0
    var lineNumber = firstLine
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let indentation = line.prefix(while: { $0 == " " }).count
      if indentation > Self.maximumIndentation {
        return LessonProblem(
          file: fileName, line: lineNumber,
          message: "YAML is indented more than \(Self.maximumIndentation) columns")
      }
      var compact = 0
      var rest = line.dropFirst(indentation)
      while rest.hasPrefix("- ") || rest.hasPrefix("? ") {
        compact += 1
        rest = rest.dropFirst(2).drop(while: { $0 == " " })
      }
      if compact > Self.maximumCompactDepth {
        return LessonProblem(file: fileName, line: lineNumber, message: "YAML is nested too deeply")
      }
      for character in line.utf8 {
        if character == UInt8(ascii: "[") || character == UInt8(ascii: "{") {
          flowDepth += 1
          if flowDepth > Self.maximumFlowDepth {
            return LessonProblem(file: fileName, line: lineNumber, message: "YAML is nested too deeply")
          }
        } else if character == UInt8(ascii: "]") || character == UInt8(ascii: "}") {
          flowDepth = max(0, flowDepth - 1)
        }
      }
      lineNumber += 1
    }
    return nil
  }

  private func describe(_ error: YamlError) -> LessonProblem {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return LessonProblem(
        file: fileName, line: firstLine + max(mark.line, 1) - 1, message: "bad YAML: \(problem)")
    case .reader(let problem, _, _, _):
      return LessonProblem(file: fileName, line: firstLine, message: "bad YAML: \(problem)")
    default:
      return LessonProblem(file: fileName, line: firstLine, message: "bad YAML")
    }
  }
}

extension Node {
  /// The scalar text, if this is a scalar (sanitised).
  var plainString: String? {
    guard case .scalar(let scalar) = self else { return nil }
    return TextSanitizer.sanitize(scalar.string)
  }

  /// A number, if this scalar reads as one (integers too); NaN and infinities are not numbers.
  var finiteNumber: Double? {
    guard case .scalar(let scalar) = self else { return nil }
    let text = scalar.string.trimmingCharacters(in: .whitespaces)
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }

  /// An integer, if this scalar reads as one.
  var integer: Int? {
    guard case .scalar(let scalar) = self else { return nil }
    return Int(scalar.string.trimmingCharacters(in: .whitespaces))
  }

  /// `true`/`false` (YAML 1.1 spellings too), if this scalar reads as a boolean.
  var boolean: Bool? {
    guard case .scalar(let scalar) = self else { return nil }
    switch scalar.string.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: return nil
    }
  }
}
