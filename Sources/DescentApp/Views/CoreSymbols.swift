import TerminalUI

/// Symbols the playground needs that `SymbolSet` does not have yet, chosen by `isUnicode`.
///
/// Kept here (not hard-coded in views) so `--ascii` still swaps every character; candidates to
/// move into TerminalUI's `SymbolSet`.
extension SymbolSet {
  /// Shown before "playing".
  var playing: String { isUnicode ? "▶" : ">" }
  /// Shown before "paused".
  var paused: String { isUnicode ? "❚❚" : "||" }
  /// The text cursor while typing a learning rate.
  var cursor: String { isUnicode ? fullBlock : "_" }
  /// Separates fields in the title bar and hints.
  var separator: String { isUnicode ? "·" : "-" }
  /// The multiplication sign of `×10`.
  var times: String { isUnicode ? "×" : "x" }
  /// The division sign of `÷1.5`.
  var divide: String { isUnicode ? "÷" : "/" }
  /// A short horizontal stroke for legends.
  var legendLine: String { isUnicode ? "━" : "-" }

  /// `text` as this set can show it: unchanged for Unicode; for ASCII, common punctuation and
  /// arrows spelled in ASCII and any other non-ASCII character replaced by `?`.
  func displayable(_ text: String) -> String {
    guard !isUnicode, text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "—", "–", "─": result += "-"
      case "→": result += "->"
      case "←": result += "<-"
      case "↑": result += "^"
      case "↓": result += "v"
      case "×": result += "x"
      case "÷": result += "/"
      case "·", "•": result += "-"
      case "…": result += "..."
      case "‘", "’": result += "'"
      case "“", "”": result += "\""
      default: result += "?"
      }
    }
    return result
  }
}
