/// Styled lines word-wrapped to a width, aligned and scrolled.
///
/// ```swift
/// let paragraph = Paragraph([Line("Gradient descent walks downhill.")])
/// let needed = paragraph.lineCount(width: area.width)
/// paragraph.render(in: area, buffer: &buffer)
/// ```
public struct Paragraph: Widget, Equatable, Sendable {
  /// Where each wrapped line sits horizontally.
  public enum Alignment: Equatable, Sendable {
    case left, center, right
  }

  public var lines: [Line]
  public var alignment: Alignment
  /// Wrapped lines skipped at the top.
  public var scroll: Int
  /// Columns between tab stops when tabs are expanded to spaces.
  public var tabWidth: Int
  /// When false, lines are cut at the right edge instead of wrapped.
  public var wraps: Bool

  public init(
    _ lines: [Line], alignment: Alignment = .left, scroll: Int = 0, tabWidth: Int = 4, wraps: Bool = true
  ) {
    self.lines = lines
    self.alignment = alignment
    self.scroll = Swift.max(0, scroll)
    self.tabWidth = Swift.max(1, tabWidth)
    self.wraps = wraps
  }

  public init(_ text: String, style: Style = .plain, alignment: Alignment = .left) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0), style: style) }
    self.init(lines, alignment: alignment)
  }

  // MARK: - Measuring

  /// How many screen lines the text needs at `width` (0 when nothing fits).
  public func lineCount(width: Int) -> Int {
    wrappedLines(width: width).count
  }

  /// The lines as they will be drawn at `width`, before scrolling and alignment.
  public func wrappedLines(width: Int) -> [Line] {
    guard width > 0 else { return [] }
    var result: [Line] = []
    for line in lines {
      let glyphs = Self.glyphs(of: line, tabWidth: tabWidth)
      let rows = wraps ? Self.wrap(glyphs, width: width) : [Self.cut(glyphs, width: width)]
      result.append(contentsOf: rows.map(Self.line(from:)))
    }
    return result
  }

  // MARK: - Drawing

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let rows = wrappedLines(width: area.width)
    for (offset, line) in rows.dropFirst(scroll).prefix(area.height).enumerated() {
      let slack = Swift.max(0, area.width - line.width)
      let indent: Int
      switch alignment {
      case .left: indent = 0
      case .center: indent = slack / 2
      case .right: indent = slack
      }
      buffer.write(line, x: area.x + indent, y: area.y + offset, clip: area)
    }
  }

  // MARK: - Wrapping

  /// One character with its style and width.
  private struct Glyph {
    var character: Character
    var style: Style
    var width: Int
    var isSpace: Bool { character == " " }
  }

  /// The visible characters of `line`, tabs expanded, zero-width and control characters dropped.
  private static func glyphs(of line: Line, tabWidth: Int) -> [Glyph] {
    var glyphs: [Glyph] = []
    var column = 0
    for span in line.spans {
      for character in span.text {
        if character == "\t" {
          let spaces = tabWidth - column % tabWidth
          for _ in 0..<spaces { glyphs.append(Glyph(character: " ", style: span.style, width: 1)) }
          column += spaces
          continue
        }
        if character.isNewline { continue }
        if let first = character.unicodeScalars.first, first.value < 0x20 || (0x7F...0x9F).contains(first.value) {
          continue
        }
        let width = DisplayWidth.of(character)
        guard width > 0 else { continue }
        glyphs.append(Glyph(character: character, style: span.style, width: width))
        column += width
      }
    }
    return glyphs
  }

  /// Greedy word wrap: words move to the next line whole; a word longer than the width is
  /// broken; spaces at a break are dropped. An empty line stays one empty line.
  private static func wrap(_ glyphs: [Glyph], width: Int) -> [[Glyph]] {
    var rows: [[Glyph]] = []
    var current: [Glyph] = []
    var currentWidth = 0
    var index = 0
    func breakLine() {
      while let last = current.last, last.isSpace {
        current.removeLast()
        currentWidth -= last.width
      }
      rows.append(current)
      current = []
      currentWidth = 0
    }
    while index < glyphs.count {
      if glyphs[index].isSpace {
        var end = index
        while end < glyphs.count, glyphs[end].isSpace { end += 1 }
        let spaces = glyphs[index..<end]
        if currentWidth + spaces.count <= width {
          // Leading spaces of a continuation line are dropped; those of a first line are kept.
          if !(current.isEmpty && !rows.isEmpty) {
            current.append(contentsOf: spaces)
            currentWidth += spaces.count
          }
        } else if !current.isEmpty {
          breakLine()
        }
        index = end
        continue
      }
      var end = index
      var wordWidth = 0
      while end < glyphs.count, !glyphs[end].isSpace {
        wordWidth += glyphs[end].width
        end += 1
      }
      if currentWidth + wordWidth <= width {
        current.append(contentsOf: glyphs[index..<end])
        currentWidth += wordWidth
      } else {
        if !current.isEmpty { breakLine() }
        for glyph in glyphs[index..<end] where glyph.width <= width {
          if currentWidth + glyph.width > width { breakLine() }
          current.append(glyph)
          currentWidth += glyph.width
        }
      }
      index = end
    }
    if !current.isEmpty || rows.isEmpty { breakLine() }
    return rows
  }

  /// The glyphs that fit in `width`, the rest cut off.
  private static func cut(_ glyphs: [Glyph], width: Int) -> [Glyph] {
    var result: [Glyph] = []
    var used = 0
    for glyph in glyphs {
      if used + glyph.width > width { break }
      result.append(glyph)
      used += glyph.width
    }
    return result
  }

  /// Glyphs merged back into spans of equal style.
  private static func line(from glyphs: [Glyph]) -> Line {
    var spans: [Span] = []
    for glyph in glyphs {
      if let last = spans.last, last.style == glyph.style {
        spans[spans.count - 1].text.append(glyph.character)
      } else {
        spans.append(Span(String(glyph.character), style: glyph.style))
      }
    }
    return Line(spans)
  }
}
