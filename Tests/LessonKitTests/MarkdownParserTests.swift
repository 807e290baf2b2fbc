import SafeText
import Testing

@testable import LessonKit

@Suite struct MarkdownParserTests {
  @Test func headingsOfEveryLevel() {
    let blocks = MarkdownParser.parse("# One\n### Three ###\n###### Six\n####### seven\n#nospace")
    #expect(blocks.count == 4)
    #expect(blocks[0] == .heading(level: 1, content: [Inline("One")]))
    #expect(blocks[1] == .heading(level: 3, content: [Inline("Three")]))
    #expect(blocks[2] == .heading(level: 6, content: [Inline("Six")]))
    #expect(blocks[3] == .paragraph([Inline("####### seven #nospace")]))
  }

  @Test func paragraphLinesJoinAndBlankLinesSplit() {
    let blocks = MarkdownParser.parse("first line\nsecond line\n\nnext paragraph")
    #expect(blocks == [.paragraph([Inline("first line second line")]), .paragraph([Inline("next paragraph")])])
  }

  @Test func hardLineBreaks() {
    let blocks = MarkdownParser.parse("one  \ntwo\\\nthree")
    #expect(blocks == [.paragraph([Inline("one"), .lineBreak, Inline("two"), .lineBreak, Inline("three")])])
  }

  @Test func inlineEmphasis() {
    let runs = InlineParser.parse("plain **bold** *italic* _also_ `co*de*` ***both***")
    #expect(runs == [
      Inline("plain "), Inline("bold", style: .bold), Inline(" "), Inline("italic", style: .italic),
      Inline(" "), Inline("also", style: .italic), Inline(" "), Inline("co*de*", style: .code),
      Inline(" "), Inline("both", style: [.bold, .italic]),
    ])
  }

  @Test func nestedEmphasisAndUnmatchedDelimiters() {
    #expect(InlineParser.parse("**bold *and italic* bold**") == [
      Inline("bold ", style: .bold), Inline("and italic", style: [.bold, .italic]),
      Inline(" bold", style: .bold),
    ])
    #expect(InlineParser.parse("2 * 3 * 4 and **open") == [Inline("2 * 3 * 4 and **open")])
    #expect(InlineParser.parse("snake_case_name") == [Inline("snake_case_name")])
    #expect(InlineParser.parse("\\*not italic\\*") == [Inline("*not italic*")])
  }

  @Test func linksAndAutolinks() {
    #expect(InlineParser.parse("see [the **docs**](https://x.org) or <https://y.org>") == [
      Inline("see "), Inline("the ", style: .link, destination: "https://x.org"),
      Inline("docs", style: [.link, .bold], destination: "https://x.org"), Inline(" or "),
      Inline("https://y.org", style: .link, destination: "https://y.org"),
    ])
    #expect(InlineParser.parse("[not a link] (x)") == [Inline("[not a link] (x)")])
  }

  @Test func unicodeFormulasPassThrough() {
    let text = "ŷ = wx + b, w₁x₁ + w₂x₂ + b, ∂L/∂w"
    #expect(MarkdownParser.parse(text) == [.paragraph([Inline(text)])])
  }

  @Test func bulletListsNest() {
    let blocks = MarkdownParser.parse("- one\n- two\n  - two a\n  - two b\n- three\n\nafter")
    #expect(blocks == [
      .bulletList([
        ListItem(content: [Inline("one")]),
        ListItem(
          content: [Inline("two")],
          children: [.bulletList([ListItem(content: [Inline("two a")]), ListItem(content: [Inline("two b")])])]),
        ListItem(content: [Inline("three")]),
      ]),
      .paragraph([Inline("after")]),
    ])
  }

  @Test func numberedListsKeepTheirStart() {
    let blocks = MarkdownParser.parse("3. three\n4. four\n   continued\n\n1) other")
    #expect(blocks == [
      .numberedList(start: 3, items: [ListItem(content: [Inline("three")]), ListItem(content: [Inline("four continued")])]),
      .numberedList(start: 1, items: [ListItem(content: [Inline("other")])]),
    ])
  }

  @Test func tablesWithAlignment() {
    let blocks = MarkdownParser.parse("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | **2** | 3 |\n| x \\| y | `|` | z | w | extra |")
    #expect(blocks == [
      .table(
        header: [[Inline("a")], [Inline("b")], [Inline("c")], [Inline("d")]],
        rows: [
          [[Inline("1")], [Inline("2", style: .bold)], [Inline("3")], []],
          [[Inline("x | y")], [Inline("|", style: .code)], [Inline("z")], [Inline("w")]],
        ],
        alignments: [.left, .center, .right, .none]),
    ])
  }

  @Test func codeBlocksAreVerbatim() {
    let text = "```swift\nlet x = **1**  \n\n    indented\t# not heading\n```\n~~~\n```\n~~~"
    #expect(MarkdownParser.parse(text) == [
      .codeBlock(language: "swift", lines: ["let x = **1**  ", "", "    indented    # not heading"]),
      .codeBlock(language: nil, lines: ["```"]),
    ])
  }

  @Test func unclosedCodeBlockRunsToTheEnd() {
    #expect(MarkdownParser.parse("```\na\nb") == [.codeBlock(language: nil, lines: ["a", "b"])])
  }

  @Test func blockQuotesHoldBlocks() {
    let blocks = MarkdownParser.parse("> # Note\n> some *text*\n>\n> - item\n\nafter")
    #expect(blocks == [
      .blockQuote([
        .heading(level: 1, content: [Inline("Note")]),
        .paragraph([Inline("some "), Inline("text", style: .italic)]),
        .bulletList([ListItem(content: [Inline("item")])]),
      ]),
      .paragraph([Inline("after")]),
    ])
  }

  @Test func thematicBreaks() {
    #expect(MarkdownParser.parse("a\n\n---\n* * *\n___") == [.paragraph([Inline("a")]), .rule, .rule, .rule])
  }

  @Test func controlAndEscapeCharactersAreRemoved() {
    let text = "red \u{1B}[31mtext\u{1B}[0m \u{1B}]0;title\u{07}bell\u{07} csi\u{9B}2J del\u{7F} cr\r end\u{202E}"
    let blocks = MarkdownParser.parse(text)
    #expect(blocks == [.paragraph([Inline("red text bell csi del cr end")])])
    let code = MarkdownParser.parse("```\n\u{1B}[2Jclear\n```")
    #expect(code == [.codeBlock(language: nil, lines: ["clear"])])
  }

  @Test func sanitiserMatchesTheSharedRecipe() {
    #expect(TextSanitizer.sanitize("a\u{1B}[1mb\u{1B}Pdcs\u{1B}\\c\td\ne\u{0}") == "abc\td\ne")
    #expect(TextSanitizer.sanitize("plain ŷ") == "plain ŷ")
    #expect(TextSanitizer.sanitize("trailing\u{1B}") == "trailing")
  }

  @Test func deepNestingIsCappedNotRecursedForever() {
    let quotes = String(repeating: ">", count: 10_000) + " deep"
    let blocks = MarkdownParser.parse(quotes)
    #expect(blocks.count == 1)
    let lists = (0..<200).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
    #expect(MarkdownParser.parse(lists).count == 1)
  }
}
