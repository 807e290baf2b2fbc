import LessonKit
import TerminalUI

/// Lays LessonKit's Markdown blocks out as terminal lines of a given width.
///
/// Pure: the same blocks, width and styles always give the same lines. No line is wider than
/// `width` (code blocks are clipped, everything else is wrapped), and every character comes from
/// sanitised lesson text or from the symbol set, so no control character reaches the screen.
public struct MarkdownRenderer: Sendable {
  public var width: Int
  public var styles: LessonStyles

  public init(width: Int, styles: LessonStyles) {
    self.width = max(1, width)
    self.styles = styles
  }

  /// The blocks as lines, one blank line between blocks.
  public func lines(for blocks: [MarkdownBlock]) -> [Line] {
    var result: [Line] = []
    for (index, block) in blocks.enumerated() {
      if index > 0 { result.append(Line()) }
      result.append(contentsOf: lines(for: block))
    }
    return result
  }

  /// One block as lines.
  public func lines(for block: MarkdownBlock) -> [Line] {
    switch block {
    case .heading(let level, let content):
      var style = styles.heading
      if level >= 3 { style.underline = false }
      var lines = wrap(content, base: style)
      if level == 1 { lines.append(Line(String(repeating: styles.symbols.lightBorder.horizontal, count: width), style: styles.decoration)) }
      return lines
    case .paragraph(let content):
      return wrap(content, base: styles.text)
    case .bulletList(let items):
      return listLines(items, markers: items.map { _ in styles.symbols.bullet + " " })
    case .numberedList(let start, let items):
      let markers = items.indices.map { "\(start + $0). " }
      let markerWidth = markers.map(DisplayWidth.of).max() ?? 0
      return listLines(items, markers: markers.map { String(repeating: " ", count: markerWidth - DisplayWidth.of($0)) + $0 })
    case .table(let header, let rows, let alignments):
      return TableLayout(header: header, rows: rows, alignments: alignments, renderer: self).lines()
    case .codeBlock(_, let lines):
      return codeLines(lines)
    case .blockQuote(let blocks):
      let bar = Span(styles.symbols.lightBorder.vertical + " ", style: styles.decoration)
      return indented(blocks, first: [bar], rest: [bar], styleOverride: styles.dim)
    case .rule:
      return [Line(String(repeating: styles.symbols.lightBorder.horizontal, count: width), style: styles.decoration)]
    }
  }

  // MARK: - Inline text

  /// Wraps styled runs to `width` (less any prefix), breaking at spaces; words longer than a
  /// line are broken between characters. Hard line breaks start a new line.
  func wrap(_ inlines: [Inline], base: Style, width: Int? = nil) -> [Line] {
    let limit = max(1, width ?? self.width)
    let symbols = styles.symbols
    let inlines = symbols.isUnicode ? inlines : inlines.map { Inline(symbols.displayable($0.text), style: $0.style, destination: $0.destination) }
    var lines: [Line] = []
    var current: [Span] = []
    var currentWidth = 0
    var pendingSpace = false
    func finishLine() {
      lines.append(Line(current))
      current = []
      currentWidth = 0
      pendingSpace = false
    }
    let words = Self.words(inlines)
    let unitWidths = Self.unbreakableWidths(words)
    for (index, word) in words.enumerated() {
      switch word {
      case .lineBreak:
        finishLine()
      case .space:
        pendingSpace = currentWidth > 0
      case .text(let pieces):
        // A formula (`w = 2`, `ŷ = w·x + b`) or a code span moves to the next line whole when
        // it fits there; one wider than a line breaks at its spaces like any text.
        let wordWidth = pieces.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let unitWidth = unitWidths[index] ?? wordWidth
        let spaceWidth = pendingSpace ? 1 : 0
        if currentWidth > 0, currentWidth + spaceWidth + wordWidth > limit
          || (currentWidth + spaceWidth + unitWidth > limit && unitWidth <= limit && pendingSpace)
        {
          finishLine()
        } else if pendingSpace {
          current.append(Span(" ", style: base))
          currentWidth += 1
        }
        pendingSpace = false
        for piece in pieces {
          let style = styles.style(for: piece.style, base: base)
          for character in piece.text {
            let characterWidth = DisplayWidth.of(character)
            if currentWidth > 0, currentWidth + characterWidth > limit { finishLine() }
            if let last = current.last, last.style == style {
              current[current.count - 1].text.append(character)
            } else {
              current.append(Span(String(character), style: style))
            }
            currentWidth += characterWidth
          }
        }
      }
    }
    if !current.isEmpty || lines.isEmpty { finishLine() }
    return lines
  }

  /// Characters that, standing alone between spaces, join their neighbours into one formula:
  /// no line breaks next to them.
  static let operators: Set<String> = ["=", "+", "-", "−", "·", "×", "÷", "/", "*", "<", ">", "≤", "≥", "≈", "≠", "→", "←", "±", "⇒", "∝", "<=", ">=", "->", "<-", "+/-", "~="]

  /// For each word that starts a run of words joined by unbreakable spaces (around an operator,
  /// or inside one code span), the width of the whole run; nil for a word on its own.
  static func unbreakableWidths(_ words: [Word]) -> [Int: Int] {
    func text(_ index: Int) -> [Inline]? {
      guard words.indices.contains(index), case .text(let pieces) = words[index] else { return nil }
      return pieces
    }
    func isOperator(_ index: Int) -> Bool { text(index).map { operators.contains($0.plainText) } ?? false }
    func isCode(_ index: Int) -> Bool { text(index).map { $0.allSatisfy { $0.style.contains(.code) } } ?? false }
    /// A space between words `index - 1` and `index + 1` that must not break.
    func joins(_ index: Int) -> Bool {
      guard case .space = words[index], text(index - 1) != nil, text(index + 1) != nil else { return false }
      return isOperator(index - 1) || isOperator(index + 1) || (isCode(index - 1) && isCode(index + 1))
    }
    var widths: [Int: Int] = [:]
    var index = 0
    while index < words.count {
      guard let first = text(index) else {
        index += 1
        continue
      }
      var width = DisplayWidth.of(first.plainText)
      var end = index
      while end + 2 < words.count, joins(end + 1), let next = text(end + 2) {
        width += 1 + DisplayWidth.of(next.plainText)
        end += 2
      }
      if end > index { widths[index] = width }
      index = end + 1
    }
    return widths
  }

  /// A piece of inline text between spaces: the unit of wrapping.
  enum Word {
    case text([Inline])
    case space
    case lineBreak
  }

  /// Splits runs into words, keeping a word's differently styled parts together (`**w**,`).
  static func words(_ inlines: [Inline]) -> [Word] {
    var words: [Word] = []
    var pieces: [Inline] = []
    func finishWord() {
      if !pieces.isEmpty { words.append(.text(pieces)) }
      pieces = []
    }
    for inline in inlines {
      if inline.text == "\n" {
        finishWord()
        words.append(.lineBreak)
        continue
      }
      var piece = ""
      for character in inline.text {
        if character == " " || character == "\t" || character == "\n" {
          if !piece.isEmpty { pieces.append(Inline(piece, style: inline.style)) }
          piece = ""
          finishWord()
          if case .space = words.last {} else { words.append(.space) }
        } else {
          piece.append(character)
        }
      }
      if !piece.isEmpty { pieces.append(Inline(piece, style: inline.style)) }
    }
    finishWord()
    return words
  }

  // MARK: - Lists, quotes, code

  private func listLines(_ items: [ListItem], markers: [String]) -> [Line] {
    var result: [Line] = []
    for (item, marker) in zip(items, markers) {
      let markerSpan = Span(marker, style: styles.decoration)
      let hanging = Span(String(repeating: " ", count: DisplayWidth.of(marker)))
      let blocks = [MarkdownBlock.paragraph(item.content)] + item.children
      result.append(contentsOf: indented(blocks, first: [markerSpan], rest: [hanging], separated: false))
    }
    return result
  }

  /// Renders `blocks` narrower and puts `first` before the first line, `rest` before the others.
  private func indented(
    _ blocks: [MarkdownBlock], first: [Span], rest: [Span], separated: Bool = true, styleOverride: Style? = nil
  ) -> [Line] {
    let prefixWidth = max(Line(first).width, Line(rest).width)
    var inner = MarkdownRenderer(width: max(1, width - prefixWidth), styles: styles)
    if let styleOverride { inner.styles.text = styleOverride }
    var body: [Line] = []
    for (index, block) in blocks.enumerated() {
      if index > 0, separated || !Self.isList(block) { body.append(Line()) }
      body.append(contentsOf: inner.lines(for: block))
    }
    return body.enumerated().map { index, line in Line((index == 0 ? first : rest) + line.spans) }
  }

  private static func isList(_ block: MarkdownBlock) -> Bool {
    switch block {
    case .bulletList, .numberedList: true
    default: false
    }
  }

  /// Code lines behind a bar. A block of formulas wraps a line that does not fit between its
  /// terms (`FormulaWrap`), never losing its end; a drawing (box-drawing characters) is kept
  /// as drawn and clipped, since wrapping would break it apart.
  private func codeLines(_ lines: [String]) -> [Line] {
    let bar = Span(styles.symbols.thickBorder.vertical + " ", style: styles.decoration)
    let room = max(1, width - 2)
    let texts = lines.map { styles.symbols.displayable($0.replacingOccurrences(of: "\t", with: "    ")) }
    let isDrawing = lines.contains { $0.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) || $0 == "▶" } }
    return texts.flatMap { text -> [Line] in
      let rows = isDrawing
        ? [text.truncated(toWidth: room, ellipsis: styles.symbols.ellipsis)] : FormulaWrap.lines(text, width: room)
      return rows.map { Line([bar, Span($0, style: styles.codeBlock)]) }
    }
  }
}
