/// A block of a rendered lesson page: what the terminal renderer lays out, one after another.
public indirect enum MarkdownBlock: Equatable, Hashable, Sendable {
  /// `# Title` … `###### Title`; `level` is 1…6.
  case heading(level: Int, content: [Inline])
  /// Lines joined into one paragraph, to be wrapped to the screen width.
  case paragraph([Inline])
  /// `- item`, `* item` or `+ item`.
  case bulletList([ListItem])
  /// `1. item` or `1) item`; `start` is the first item's number.
  case numberedList(start: Int, items: [ListItem])
  /// A GitHub-style pipe table; every row has `header.count` cells (padded or cut).
  case table(header: [[Inline]], rows: [[[Inline]]], alignments: [TableAlignment])
  /// A fenced code block; lines are kept verbatim (only control characters removed).
  case codeBlock(language: String?, lines: [String])
  /// `> quoted` blocks.
  case blockQuote([MarkdownBlock])
  /// A thematic break: `***`, `---` or `___` on a line of its own.
  case rule
}

/// One item of a bullet or numbered list.
public struct ListItem: Equatable, Hashable, Sendable {
  /// The item's first paragraph (its own text).
  public var content: [Inline]
  /// Blocks indented under the item: nested lists, further paragraphs, code.
  public var children: [MarkdownBlock]

  public init(content: [Inline], children: [MarkdownBlock] = []) {
    self.content = content
    self.children = children
  }
}

/// How a table column is aligned, from its delimiter row (`:--`, `:-:`, `--:`, `---`).
public enum TableAlignment: String, Equatable, Hashable, Sendable {
  case none, left, center, right
}
