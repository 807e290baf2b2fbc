import SafeText

/// Parses the CommonMark subset lessons use into `MarkdownBlock`s.
///
/// Supported: ATX headings (`#`…`######`), paragraphs, bullet lists (`-`, `*`, `+`), numbered
/// lists (`1.` or `1)`), nesting by indentation, GitHub pipe tables with alignment, fenced code
/// (```` ``` ```` or `~~~`), block quotes (`>` on every line), and thematic breaks. Not supported:
/// setext headings (`Title` over `---` gives a paragraph and a rule), indented code blocks,
/// HTML, reference links. Tabs become spaces (stops of 4).
///
/// Never fails: anything it does not understand is a paragraph. Nesting (lists and quotes) is
/// capped at `maximumDepth`, so every line is examined at most that many times.
public enum MarkdownParser {
  /// How deep lists and quotes may nest; deeper content is kept as plain paragraph text.
  public static let maximumDepth = 8

  /// Parses Markdown text into blocks. Control characters are removed first.
  public static func parse(_ text: String) -> [MarkdownBlock] {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineFeed)
      .map { TextSanitizer.sanitize(String($0)) }
    return parse(lines: lines)
  }

  /// Parses already split, sanitised lines into blocks.
  static func parse(lines: [String]) -> [MarkdownBlock] {
    parse(lines: lines.map(expandTabs), depth: 0)
  }

  // MARK: - Blocks

  private static func parse(lines: [String], depth: Int) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    var paragraph: [String] = []
    func flushParagraph() {
      if !paragraph.isEmpty {
        blocks.append(.paragraph(InlineParser.parse(paragraph.joined(separator: "\n"))))
        paragraph = []
      }
    }
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let indent = leadingSpaces(line)
      if isBlank(line) {
        flushParagraph()
        index += 1
        continue
      }
      if indent >= 4 {
        if paragraph.isEmpty {
          paragraph.append(String(line.dropFirst(indent)))
        } else {
          paragraph.append(line)
        }
        index += 1
        continue
      }
      let content = Substring(line.dropFirst(indent))
      if let fence = fenceOpening(content) {
        flushParagraph()
        index = parseFence(fence, indent: indent, lines: lines, start: index, into: &blocks)
        continue
      }
      if let heading = heading(content) {
        flushParagraph()
        blocks.append(heading)
        index += 1
        continue
      }
      if isThematicBreak(content) {
        flushParagraph()
        blocks.append(.rule)
        index += 1
        continue
      }
      if content.hasPrefix(">") {
        flushParagraph()
        var quoted: [String] = []
        while index < lines.count {
          let quoteLine = lines[index]
          let quoteIndent = leadingSpaces(quoteLine)
          guard quoteIndent < 4, quoteLine.dropFirst(quoteIndent).hasPrefix(">") else { break }
          var rest = quoteLine.dropFirst(quoteIndent + 1)
          if rest.hasPrefix(" ") { rest = rest.dropFirst() }
          quoted.append(String(rest))
          index += 1
        }
        if depth + 1 >= maximumDepth {
          blocks.append(.blockQuote([.paragraph(InlineParser.parse(quoted.joined(separator: "\n")))]))
        } else {
          blocks.append(.blockQuote(parse(lines: quoted, depth: depth + 1)))
        }
        continue
      }
      if let marker = listMarker(line), paragraph.isEmpty || marker.canInterruptParagraph {
        flushParagraph()
        index = parseList(first: marker, lines: lines, start: index, depth: depth, into: &blocks)
        continue
      }
      if index + 1 < lines.count, let table = tableStart(header: line, delimiter: lines[index + 1]) {
        flushParagraph()
        index = parseTable(table, lines: lines, start: index, into: &blocks)
        continue
      }
      paragraph.append(String(content))
      index += 1
    }
    flushParagraph()
    return blocks
  }

  // MARK: Fenced code

  private struct Fence {
    var character: Character
    var length: Int
    var language: String?
  }

  private static func fenceOpening(_ content: Substring) -> Fence? {
    guard let first = content.first, first == "`" || first == "~" else { return nil }
    let length = content.prefix(while: { $0 == first }).count
    guard length >= 3 else { return nil }
    let info = content.dropFirst(length).trimmingSpaces()
    if first == "`", info.contains("`") { return nil }
    let language = info.split(separator: " ").first.map(String.init)
    return Fence(character: first, length: length, language: language)
  }

  /// Returns whether `line` closes a code block opened with `fence`.
  static func closesFence(_ line: String, character: Character, length: Int) -> Bool {
    let indent = leadingSpaces(line)
    guard indent < 4 else { return false }
    let content = line.dropFirst(indent)
    let run = content.prefix(while: { $0 == character }).count
    return run >= length && content.dropFirst(run).allSatisfy { $0 == " " }
  }

  private static func parseFence(
    _ fence: Fence, indent: Int, lines: [String], start: Int, into blocks: inout [MarkdownBlock]
  ) -> Int {
    var index = start + 1
    var body: [String] = []
    while index < lines.count {
      let line = lines[index]
      index += 1
      if closesFence(line, character: fence.character, length: fence.length) { break }
      let removable = min(indent, leadingSpaces(line))
      body.append(String(line.dropFirst(removable)))
    }
    blocks.append(.codeBlock(language: fence.language, lines: body))
    return index
  }

  // MARK: Headings and breaks

  private static func heading(_ content: Substring) -> MarkdownBlock? {
    let level = content.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(level) else { return nil }
    let rest = content.dropFirst(level)
    guard rest.isEmpty || rest.first == " " else { return nil }
    var text = rest.trimmingSpaces()
    let closing = text.reversed().prefix(while: { $0 == "#" }).count
    if closing == text.count {
      text = ""
    } else if closing > 0, text.dropLast(closing).last == " " {
      text = text.dropLast(closing).trimmingSpaces()
    }
    return .heading(level: level, content: InlineParser.parse(String(text)))
  }

  private static func isThematicBreak(_ content: Substring) -> Bool {
    guard let first = content.first, first == "*" || first == "-" || first == "_" else {
      return false
    }
    var count = 0
    for character in content {
      if character == first {
        count += 1
      } else if character != " " {
        return false
      }
    }
    return count >= 3
  }

  // MARK: Lists

  private struct ListMarker {
    var indent: Int
    var contentIndent: Int
    /// `-`, `*`, `+` for bullets; `.` or `)` for numbered items.
    var symbol: Character
    var number: Int?
    var canInterruptParagraph: Bool
  }

  private static func listMarker(_ line: String) -> ListMarker? {
    let indent = leadingSpaces(line)
    guard indent < 4 else { return nil }
    let content = line.dropFirst(indent)
    guard let first = content.first else { return nil }
    var markerWidth: Int
    var symbol: Character
    var number: Int?
    if first == "-" || first == "*" || first == "+" {
      markerWidth = 1
      symbol = first
    } else {
      let digits = content.prefix(while: { $0.isASCII && $0.isNumber })
      guard (1...9).contains(digits.count), let value = Int(digits) else { return nil }
      let delimiter = content.dropFirst(digits.count).first
      guard let delimiter, delimiter == "." || delimiter == ")" else { return nil }
      markerWidth = digits.count + 1
      symbol = delimiter
      number = value
    }
    let afterMarker = content.dropFirst(markerWidth)
    guard afterMarker.isEmpty || afterMarker.first == " " else { return nil }
    let spaces = afterMarker.prefix(while: { $0 == " " }).count
    let padding = afterMarker.allSatisfy({ $0 == " " }) || spaces > 4 ? 1 : spaces
    let blankItem = afterMarker.allSatisfy { $0 == " " }
    return ListMarker(
      indent: indent, contentIndent: indent + markerWidth + padding, symbol: symbol, number: number,
      canInterruptParagraph: !blankItem && (number == nil || number == 1))
  }

  private static func parseList(
    first: ListMarker, lines: [String], start: Int, depth: Int, into blocks: inout [MarkdownBlock]
  ) -> Int {
    var items: [ListItem] = []
    var index = start
    var marker = first
    while true {
      var body: [String] = [String(lines[index].dropFirst(min(marker.contentIndent, lines[index].count)))]
      index += 1
      var previousBlank = false
      while index < lines.count {
        let line = lines[index]
        if isBlank(line) {
          previousBlank = true
          body.append("")
          index += 1
          continue
        }
        let indent = leadingSpaces(line)
        if indent >= marker.contentIndent {
          body.append(String(line.dropFirst(marker.contentIndent)))
          previousBlank = false
          index += 1
          continue
        }
        if !previousBlank, listMarker(line) == nil, !startsBlock(line, next: lines, at: index) {
          body.append(String(line.dropFirst(indent)))
          index += 1
          continue
        }
        break
      }
      while body.last.map(isBlank) == true { body.removeLast() }
      items.append(listItem(body: body, depth: depth))
      guard index < lines.count, let next = listMarker(lines[index]), next.symbol == marker.symbol,
        (next.number == nil) == (marker.number == nil)
      else { break }
      marker = next
    }
    if let number = first.number {
      blocks.append(.numberedList(start: number, items: items))
    } else {
      blocks.append(.bulletList(items))
    }
    return index
  }

  private static func listItem(body: [String], depth: Int) -> ListItem {
    if depth + 1 >= maximumDepth {
      let text = body.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "\n")
      return ListItem(content: InlineParser.parse(text))
    }
    var children = parse(lines: body, depth: depth + 1)
    if case .paragraph(let content) = children.first {
      children.removeFirst()
      return ListItem(content: content, children: children)
    }
    return ListItem(content: [], children: children)
  }

  /// Whether `line` would start a block other than a paragraph (ends lazy continuation).
  private static func startsBlock(_ line: String, next lines: [String], at index: Int) -> Bool {
    let indent = leadingSpaces(line)
    guard indent < 4 else { return false }
    let content = line.dropFirst(indent)
    return fenceOpening(content) != nil || heading(content) != nil || isThematicBreak(content)
      || content.hasPrefix(">")
      || (index + 1 < lines.count && tableStart(header: line, delimiter: lines[index + 1]) != nil)
  }

  // MARK: Tables

  private static func tableStart(header: String, delimiter: String) -> [TableAlignment]? {
    guard header.contains("|"), delimiter.contains("-") else { return nil }
    let delimiterCells = splitCells(delimiter)
    var alignments: [TableAlignment] = []
    for cell in delimiterCells {
      let trimmed = cell.trimmingSpaces()
      let left = trimmed.hasPrefix(":")
      let right = trimmed.hasSuffix(":")
      let dashes = trimmed.dropFirst(left ? 1 : 0).dropLast(right && trimmed.count > 1 ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      switch (left, right) {
      case (true, true): alignments.append(.center)
      case (true, false): alignments.append(.left)
      case (false, true): alignments.append(.right)
      case (false, false): alignments.append(TableAlignment.none)
      }
    }
    guard !alignments.isEmpty, splitCells(header).count == alignments.count else { return nil }
    return alignments
  }

  private static func parseTable(
    _ alignments: [TableAlignment], lines: [String], start: Int, into blocks: inout [MarkdownBlock]
  ) -> Int {
    func row(_ line: String) -> [[Inline]] {
      var cells = splitCells(line).map { InlineParser.parse(String($0.trimmingSpaces())) }
      if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
      while cells.count < alignments.count { cells.append([]) }
      return cells
    }
    let header = row(lines[start])
    var rows: [[[Inline]]] = []
    var index = start + 2
    while index < lines.count, !isBlank(lines[index]), lines[index].contains("|") {
      rows.append(row(lines[index]))
      index += 1
    }
    blocks.append(.table(header: header, rows: rows, alignments: alignments))
    return index
  }

  /// Splits a table row on `|` outside code spans; `\|` is a literal bar.
  private static func splitCells(_ line: String) -> [String] {
    var trimmed = line.trimmingSpaces()
    if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
    if trimmed.hasSuffix("|"), !trimmed.hasSuffix("\\|") { trimmed = trimmed.dropLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    var inCode = false
    for character in trimmed {
      if escaped {
        if character != "|" { current.append("\\") }
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "`" {
        inCode.toggle()
        current.append(character)
      } else if character == "|", !inCode {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    cells.append(current)
    return cells
  }

  // MARK: - Helpers

  static func leadingSpaces(_ line: String) -> Int {
    line.prefix(while: { $0 == " " }).count
  }

  private static func isBlank(_ line: String) -> Bool {
    line.allSatisfy { $0 == " " }
  }

  private static func expandTabs(_ line: String) -> String {
    guard line.contains("\t") else { return line }
    var result = ""
    var column = 0
    for character in line {
      if character == "\t" {
        let width = 4 - column % 4
        result.append(String(repeating: " ", count: width))
        column += width
      } else {
        result.append(character)
        column += 1
      }
    }
    return result
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces.
  func trimmingSpaces() -> Substring {
    var slice = Substring(self)
    while slice.first == " " { slice.removeFirst() }
    while slice.last == " " { slice.removeLast() }
    return slice
  }
}
