/// Parses the inline part of CommonMark used by lessons: `*italic*`, `_italic_`, `**bold**`,
/// `` `code` ``, `[links](url)`, `![images](src)` (alt text), `<https://autolinks>`, backslash
/// escapes and hard line breaks.
///
/// Runs in time linear in the input: every search for a closing bracket, parenthesis or backtick
/// run uses tables computed once, and emphasis uses CommonMark's delimiter stack with a floor per
/// delimiter character so no part of the stack is scanned twice.
enum InlineParser {
  /// Parses `text` (lines of one paragraph joined by `"\n"`) into merged styled runs.
  static func parse(_ text: String) -> [Inline] {
    var scanner = Scanner(characters: Array(text), allowLinks: true)
    let tokens = scanner.tokenize()
    return render(tokens: tokens)
  }

  // MARK: - Tokens

  /// A piece of the paragraph before emphasis is resolved.
  fileprivate enum Token {
    case text(String, InlineStyle, String?)
    case lineBreak
    case delimiter(DelimiterRun)
  }

  /// A run of `*` or `_`, and the emphasis it opens or closes once matched.
  fileprivate struct DelimiterRun {
    var character: Character
    var count: Int
    var canOpen: Bool
    var canClose: Bool
    var originalCount: Int
    /// Emphasis opened by this run, counted by level so `***` can open bold and italic.
    var openCounts: (bold: Int, italic: Int) = (0, 0)
    var closeCounts: (bold: Int, italic: Int) = (0, 0)
  }

  // MARK: - Scanner

  fileprivate struct Scanner {
    let characters: [Character]
    let allowLinks: Bool
    var tokens: [Token] = []
    var pendingText = ""

    init(characters: [Character], allowLinks: Bool) {
      self.characters = characters
      self.allowLinks = allowLinks
    }

    mutating func tokenize() -> [Token] {
      let backtickRuns = Self.backtickRuns(in: characters)
      var nextRunSearchStart: [Int: Int] = [:]
      let matchingBracket = allowLinks ? Self.matchingBrackets(in: characters) : [:]
      let nextCloseParenthesis = Self.nextIndex(of: ")", in: characters)
      let nextGreaterThan = Self.nextIndex(of: ">", in: characters)
      var index = 0
      while index < characters.count {
        let character = characters[index]
        switch character {
        case "\\":
          let next = index + 1
          if next < characters.count, characters[next] == "\n" {
            flushText(trimmingTrailingSpaces: true)
            tokens.append(.lineBreak)
            index += 2
          } else if next < characters.count, Self.isASCIIPunctuation(characters[next]) {
            pendingText.append(characters[next])
            index += 2
          } else {
            pendingText.append(character)
            index += 1
          }
        case "\n":
          let trailingSpaces = pendingText.reversed().prefix(while: { $0 == " " }).count
          flushText(trimmingTrailingSpaces: true)
          if trailingSpaces >= 2 {
            tokens.append(.lineBreak)
          } else {
            pendingText.append(" ")
          }
          index += 1
          while index < characters.count, characters[index] == " " { index += 1 }
        case "`":
          var length = 0
          while index + length < characters.count, characters[index + length] == "`" { length += 1 }
          let runs = backtickRuns[length] ?? []
          var position = nextRunSearchStart[length] ?? 0
          while position < runs.count, runs[position] <= index { position += 1 }
          nextRunSearchStart[length] = position
          if position < runs.count {
            let closing = runs[position]
            var content = String(characters[(index + length)..<closing])
              .replacingNewlines()
            if content.count >= 2, content.hasPrefix(" "), content.hasSuffix(" "),
              content.contains(where: { $0 != " " })
            {
              content = String(content.dropFirst().dropLast())
            }
            flushText()
            tokens.append(.text(content, .code, nil))
            index = closing + length
          } else {
            pendingText.append(String(repeating: "`", count: length))
            index += length
          }
        case "*", "_":
          var length = 0
          while index + length < characters.count, characters[index + length] == character {
            length += 1
          }
          flushText()
          let before: Character? = index > 0 ? characters[index - 1] : nil
          let after: Character? = index + length < characters.count ? characters[index + length] : nil
          tokens.append(.delimiter(Self.delimiterRun(character, length, before: before, after: after)))
          index += length
        case "!" where allowLinks && index + 1 < characters.count && characters[index + 1] == "[":
          if let end = link(at: index + 1, brackets: matchingBracket, parentheses: nextCloseParenthesis) {
            index = end
          } else {
            pendingText.append("!")
            index += 1
          }
        case "[" where allowLinks:
          if let end = link(at: index, brackets: matchingBracket, parentheses: nextCloseParenthesis) {
            index = end
          } else {
            pendingText.append("[")
            index += 1
          }
        case "<":
          if let end = autolink(at: index, nextGreaterThan: nextGreaterThan) {
            index = end
          } else {
            pendingText.append("<")
            index += 1
          }
        default:
          pendingText.append(character)
          index += 1
        }
      }
      flushText(trimmingTrailingSpaces: true)
      return tokens
    }

    /// Emits a link whose `[` is at `open`; returns the index after it, or nil if it is no link.
    mutating func link(at open: Int, brackets: [Int: Int], parentheses: [Int]) -> Int? {
      guard let close = brackets[open], close + 1 < characters.count, characters[close + 1] == "("
      else { return nil }
      let destinationStart = close + 2
      guard destinationStart <= characters.count else { return nil }
      let destinationEnd = destinationStart < characters.count ? parentheses[destinationStart] : -1
      guard destinationEnd >= 0 else { return nil }
      let destination = String(characters[destinationStart..<destinationEnd])
        .trimmingCharacters(in: " ")
      guard !destination.contains(where: { $0 == " " || $0 == "\n" }) else { return nil }
      var inner = Scanner(characters: Array(characters[(open + 1)..<close]), allowLinks: false)
      let innerRuns = InlineParser.render(tokens: inner.tokenize())
      flushText()
      for run in innerRuns {
        if run.text == "\n" {
          tokens.append(.lineBreak)
        } else {
          tokens.append(.text(run.text, run.style.union(.link), destination))
        }
      }
      return destinationEnd + 1
    }

    /// Emits `<scheme:…>` as a link; returns the index after it, or nil if it is no autolink.
    mutating func autolink(at open: Int, nextGreaterThan: [Int]) -> Int? {
      guard open + 1 < characters.count else { return nil }
      let close = nextGreaterThan[open + 1]
      guard close > open + 1 else { return nil }
      let address = String(characters[(open + 1)..<close])
      let lowercased = address.lowercased()
      guard lowercased.hasPrefix("http://") || lowercased.hasPrefix("https://")
        || lowercased.hasPrefix("mailto:"),
        !address.contains(where: { $0 == " " || $0 == "\n" || $0 == "<" })
      else { return nil }
      flushText()
      tokens.append(.text(address, .link, address))
      return close + 1
    }

    mutating func flushText(trimmingTrailingSpaces: Bool = false) {
      if trimmingTrailingSpaces {
        while pendingText.last == " " { pendingText.removeLast() }
      }
      if !pendingText.isEmpty {
        tokens.append(.text(pendingText, [], nil))
        pendingText = ""
      }
    }

    // MARK: Tables computed once

    /// Start positions of backtick runs, grouped by run length.
    static func backtickRuns(in characters: [Character]) -> [Int: [Int]] {
      var runs: [Int: [Int]] = [:]
      var index = 0
      while index < characters.count {
        if characters[index] == "`" {
          var length = 0
          while index + length < characters.count, characters[index + length] == "`" { length += 1 }
          runs[length, default: []].append(index)
          index += length
        } else {
          index += 1
        }
      }
      return runs
    }

    /// For each `[`, the index of its matching `]` (nesting respected, escapes skipped).
    static func matchingBrackets(in characters: [Character]) -> [Int: Int] {
      var result: [Int: Int] = [:]
      var stack: [Int] = []
      var index = 0
      while index < characters.count {
        switch characters[index] {
        case "\\": index += 1
        case "[": stack.append(index)
        case "]": if let open = stack.popLast() { result[open] = index }
        default: break
        }
        index += 1
      }
      return result
    }

    /// For each position, the index of the next `target` at or after it on the same line, or -1.
    static func nextIndex(of target: Character, in characters: [Character]) -> [Int] {
      var result = [Int](repeating: -1, count: characters.count)
      var next = -1
      for index in stride(from: characters.count - 1, through: 0, by: -1) {
        if characters[index] == target { next = index }
        if characters[index] == "\n" { next = -1 }
        result[index] = next
      }
      return result
    }

    static func delimiterRun(
      _ character: Character, _ count: Int, before: Character?, after: Character?
    ) -> DelimiterRun {
      let beforeIsSpace = before.map(\.isWhitespace) ?? true
      let afterIsSpace = after.map(\.isWhitespace) ?? true
      let beforeIsPunctuation = before.map(isPunctuation) ?? false
      let afterIsPunctuation = after.map(isPunctuation) ?? false
      let leftFlanking =
        !afterIsSpace && (!afterIsPunctuation || beforeIsSpace || beforeIsPunctuation)
      let rightFlanking =
        !beforeIsSpace && (!beforeIsPunctuation || afterIsSpace || afterIsPunctuation)
      let canOpen: Bool
      let canClose: Bool
      if character == "_" {
        canOpen = leftFlanking && (!rightFlanking || beforeIsPunctuation)
        canClose = rightFlanking && (!leftFlanking || afterIsPunctuation)
      } else {
        canOpen = leftFlanking
        canClose = rightFlanking
      }
      return DelimiterRun(
        character: character, count: count, canOpen: canOpen, canClose: canClose,
        originalCount: count)
    }

    static func isASCIIPunctuation(_ character: Character) -> Bool {
      guard let ascii = character.asciiValue else { return false }
      return (0x21...0x2F).contains(ascii) || (0x3A...0x40).contains(ascii)
        || (0x5B...0x60).contains(ascii) || (0x7B...0x7E).contains(ascii)
    }

    static func isPunctuation(_ character: Character) -> Bool {
      isASCIIPunctuation(character) || character.isPunctuation || character.isSymbol
    }
  }

  // MARK: - Emphasis

  /// Matches delimiter runs (CommonMark "process emphasis") and flattens tokens into runs.
  fileprivate static func render(tokens: [Token]) -> [Inline] {
    var tokens = tokens
    var stack: [Int] = []
    var floor: [Character: Int] = [:]
    for index in tokens.indices {
      guard case .delimiter(var closer) = tokens[index] else { continue }
      if closer.canClose {
        var searching = true
        while searching, closer.count > 0 {
          searching = false
          var position = stack.count - 1
          let bottom = floor[closer.character] ?? 0
          while position >= bottom {
            let openerIndex = stack[position]
            guard case .delimiter(var opener) = tokens[openerIndex] else { break }
            let oddMatch =
              (opener.canClose || closer.canOpen)
              && (opener.originalCount + closer.originalCount) % 3 == 0
              && !(opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0)
            if opener.character == closer.character, opener.count > 0, !oddMatch {
              let strong = opener.count >= 2 && closer.count >= 2
              let used = strong ? 2 : 1
              opener.count -= used
              closer.count -= used
              if strong {
                opener.openCounts.bold += 1
                closer.closeCounts.bold += 1
              } else {
                opener.openCounts.italic += 1
                closer.closeCounts.italic += 1
              }
              tokens[openerIndex] = .delimiter(opener)
              stack.removeSubrange((position + 1)...)
              if opener.count == 0 { stack.removeLast() }
              for (character, value) in floor where value > stack.count {
                floor[character] = stack.count
              }
              searching = true
              break
            }
            position -= 1
          }
          if !searching {
            floor[closer.character] = stack.count
          }
        }
      }
      tokens[index] = .delimiter(closer)
      if closer.count > 0, closer.canOpen {
        stack.append(index)
      }
    }
    return flatten(tokens)
  }

  /// Turns tokens with resolved emphasis into merged runs.
  private static func flatten(_ tokens: [Token]) -> [Inline] {
    var runs: [Inline] = []
    var boldDepth = 0
    var italicDepth = 0
    func append(_ text: String, _ style: InlineStyle, _ destination: String?) {
      guard !text.isEmpty else { return }
      var combined = style
      if boldDepth > 0 { combined.insert(.bold) }
      if italicDepth > 0 { combined.insert(.italic) }
      if let last = runs.last, last.style == combined, last.destination == destination,
        last.text != "\n", text != "\n"
      {
        runs[runs.count - 1].text += text
      } else {
        runs.append(Inline(text, style: combined, destination: destination))
      }
    }
    for token in tokens {
      switch token {
      case .text(let text, let style, let destination):
        append(text, style, destination)
      case .lineBreak:
        runs.append(.lineBreak)
      case .delimiter(let run):
        boldDepth -= run.closeCounts.bold
        italicDepth -= run.closeCounts.italic
        append(String(repeating: run.character, count: run.count), [], nil)
        boldDepth += run.openCounts.bold
        italicDepth += run.openCounts.italic
      }
    }
    while let last = runs.last, last.text == "\n" { runs.removeLast() }
    return runs
  }
}

extension String {
  fileprivate func replacingNewlines() -> String {
    String(map { $0 == "\n" ? " " : $0 })
  }

  fileprivate func trimmingCharacters(in character: Character) -> String {
    var slice = Substring(self)
    while slice.first == character { slice.removeFirst() }
    while slice.last == character { slice.removeLast() }
    return String(slice)
  }
}
