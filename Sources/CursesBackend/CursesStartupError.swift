import SafeText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the interactive UI cannot start; `description` is the one line the caller prints before exiting 2.
public enum CursesStartupError: Error, Equatable, Sendable, CustomStringConvertible {
  /// stdin or stdout is not a terminal (a pipe, a file, `/dev/null`).
  case notATerminal
  /// `TERM` is unset or empty.
  case termUnset
  /// `TERM=dumb`: no cursor addressing.
  case dumbTerminal
  /// ncurses has no terminfo entry for this `TERM`, or the entry cannot address the cursor.
  case unknownTerminal(String)

  public var description: String {
    let headless = "use 'descent train' for headless runs"
    switch self {
    case .notATerminal:
      return "descent: the interactive UI needs a terminal (stdin/stdout is not a tty); \(headless)"
    case .termUnset:
      return "descent: TERM is not set, so the interactive UI cannot start; \(headless)"
    case .dumbTerminal:
      return "descent: the interactive UI cannot run on TERM=dumb; \(headless)"
    case .unknownTerminal(let term):
      return "descent: unknown terminal type '\(TextSanitizer.inline(term))' (no terminfo entry); \(headless)"
    }
  }

  /// Writes `description` and a newline to stderr (fd 2; Swift 6 cannot touch Glibc's `stderr` global).
  public func writeToStandardError() {
    let line = Array((description + "\n").utf8)
    var offset = 0
    while offset < line.count {
      let written = line[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      if written <= 0 { return }
      offset += written
    }
  }
}
