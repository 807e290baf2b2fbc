import TerminalUI

/// Key hints on one row (`space train · n step · ? keys`): as many as fit, the least important
/// left out first, never cut in the middle of a word.
struct KeyHints: Equatable {
  /// One key and what it does; a higher priority is kept longer.
  struct Hint: Equatable {
    var keys: String
    var action: String
    var priority: Int
  }

  var hints: [Hint]

  init(_ hints: [Hint]) {
    self.hints = hints
  }

  /// The hints that fit in `width` columns, in their order, spelled for `symbols`.
  func text(width: Int, symbols: SymbolSet) -> String {
    let separator = symbols.isUnicode ? " · " : " | "
    func joined(_ hints: [Hint]) -> String {
      hints.map { symbols.displayable("\($0.keys) \($0.action)") }.joined(separator: separator)
    }
    var kept = hints
    while DisplayWidth.of(joined(kept)) > width, kept.count > 1,
      let lowest = kept.indices.min(by: { kept[$0].priority < kept[$1].priority })
    {
      kept.remove(at: lowest)
    }
    return joined(kept).truncated(toWidth: width, ellipsis: symbols.ellipsis)
  }
}
