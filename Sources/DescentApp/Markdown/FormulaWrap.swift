import TerminalUI

/// Breaks a line of formulas that is wider than the page between its terms, never inside one.
///
/// Break points, best first: a gap of two or more spaces (between two formulas on one line),
/// a space before `=`, `+`, `−` or a comparison outside brackets (the next line starts with the
/// operator), a space before `·`, `×` or `/` outside brackets, a space outside brackets, any
/// space; the latest of the best kind that fits wins. Continuation lines hang under the
/// expression after the first `= `, or are indented two columns when that breaks better. A word
/// wider than the line is broken where it must.
///
/// ```swift
/// FormulaWrap.lines("L_total = L_data + λ · (sum of every weight²)", width: 35)
/// // ["L_total = L_data", "  + λ · (sum of every weight²)"]
/// ```
enum FormulaWrap {
  /// Operators between terms of a sum or sides of an equation: the best places to break.
  static let termOperators: Set<Character> = ["=", "+", "-", "−", "<", ">", "≤", "≥", "≈", "≠", "→", "←", "±"]
  /// Operators inside a term: a break there is the next best.
  static let factorOperators: Set<Character> = ["·", "×", "÷", "/", "*"]

  /// `text` as lines of at most `width` columns.
  static func lines(_ text: String, width: Int) -> [String] {
    guard DisplayWidth.of(text) > width, width > 0 else { return [text] }
    let leading = text.prefix { $0 == " " }.count
    let candidates = [hangingIndent(text, width: width), String(repeating: " ", count: leading + 2)]
    let wrapped = candidates.map { wrap(Array(text), width: width, indent: $0) }
    // Fewer lines first, then breaks at better places.
    let best = wrapped.enumerated().min { left, right in
      (left.element.lines.count, -left.element.score, left.offset) < (right.element.lines.count, -right.element.score, right.offset)
    }
    return best?.element.lines ?? [text]
  }

  // MARK: - Private

  /// Greedy wrapping with continuation lines indented by `indent`; `score` adds up how good
  /// the chosen break points were.
  private static func wrap(_ characters: [Character], width: Int, indent: String) -> (lines: [String], score: Int) {
    var result: [String] = []
    var score = 0
    var remaining = characters
    var prefix = ""
    while !remaining.isEmpty {
      let room = max(1, width - DisplayWidth.of(prefix))
      if DisplayWidth.of(String(remaining)) <= room {
        result.append(prefix + String(remaining))
        break
      }
      let (cut, rank) = breakPoint(remaining, room: room)
      score += rank
      var head = Array(remaining[..<cut])
      while head.last == " " { head.removeLast() }
      result.append(prefix + String(head))
      remaining = Array(remaining[cut...].drop { $0 == " " })
      prefix = indent
    }
    return (result, score)
  }

  /// Spaces that line continuation lines up under the right-hand side of the first `= `, when
  /// that leaves at least half the width.
  private static func hangingIndent(_ text: String, width: Int) -> String {
    let characters = Array(text)
    let leading = characters.prefix { $0 == " " }.count
    var column = 0
    for (index, character) in characters.enumerated() {
      if character == "=", index + 1 < characters.count, characters[index + 1] == " ", index > leading {
        let under = column + 2
        return String(repeating: " ", count: under <= width / 2 ? under : leading + 4)
      }
      column += DisplayWidth.of(character)
    }
    return String(repeating: " ", count: min(leading + 4, max(0, width / 2)))
  }

  /// Where to end this line (an index into `characters` whose prefix fits in `room` columns)
  /// and how good a place it is (4 best … 0 a space inside brackets, -1 inside a word).
  private static func breakPoint(_ characters: [Character], room: Int) -> (index: Int, rank: Int) {
    var best: (index: Int, rank: Int)?
    var depth = 0
    var used = 0
    var fits = 0
    for (index, character) in characters.enumerated() {
      if used > room { break }
      fits = index
      if character == " ", index > 0, characters[index - 1] != " " {
        let next = characters[index...].first { $0 != " " }
        let gap = index + 1 < characters.count && characters[index + 1] == " "
        let rank: Int
        if gap {
          rank = 4
        } else if depth == 0, let next, termOperators.contains(next) {
          rank = 3
        } else if depth == 0, let next, factorOperators.contains(next) {
          rank = 2
        } else {
          rank = depth == 0 ? 1 : 0
        }
        if rank >= best?.rank ?? -1 { best = (index, rank) }
      }
      if "([{".contains(character) { depth += 1 }
      if ")]}".contains(character) { depth = max(0, depth - 1) }
      used += DisplayWidth.of(character)
    }
    if let best { return best }
    return (max(1, fits), -1)
  }
}
