import Foundation
import SafeText

/// The only way the command line writes text: everything passes the one sanitiser first.
///
/// File names, column names, option values and file text all end up in messages; none of their
/// escape sequences or control characters may reach the learner's terminal, on stdout or stderr.
enum TerminalOutput {
  /// Writes `text` and a newline to stdout; newlines are kept, tabs become spaces.
  static func print(_ text: String) {
    Swift.print(TextSanitizer.sanitize(text, keeping: .newlines))
  }

  /// Writes `descent: <message>` on one line to stderr.
  static func error(_ message: String) {
    FileHandle.standardError.write(Data("descent: \(TextSanitizer.inline(message))\n".utf8))
  }
}
