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
  /// The keys that turn pages, as a hint shows them.
  var pageKeys: String { isUnicode ? "←/→" : "<-/->" }
  /// The keys that scroll, as a hint shows them.
  var scrollKeys: String { isUnicode ? "↑/↓" : "up/down" }
}
