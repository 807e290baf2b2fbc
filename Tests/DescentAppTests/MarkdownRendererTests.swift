import LessonKit
import TerminalUI
import Testing

@testable import DescentApp

@Suite struct MarkdownRendererTests {
  static func render(_ markdown: String, width: Int, styles: LessonStyles = .standard) -> [String] {
    MarkdownRenderer(width: width, styles: styles).lines(for: MarkdownParser.parse(markdown)).map(\.plainText)
  }

  @Test func paragraphsWrapAtSpacesAndKeepStyledWordsTogether() {
    let lines = Self.render("The **weight** `w` says how *strongly*, one input pushes.", width: 20)
    #expect(lines == ["The weight w says", "how strongly, one", "input pushes."])
  }

  @Test func longWordsBreakInsteadOfOverflowing() {
    #expect(Self.render("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
  }

  @Test func inlineStylesBecomeCellStyles() {
    let styles = LessonStyles.standard
    let line = MarkdownRenderer(width: 40, styles: styles).lines(for: MarkdownParser.parse("a **b** `c`"))[0]
    #expect(line.spans.first { $0.text == "b" }?.style.bold == true)
    #expect(line.spans.first { $0.text == "c" }?.style.foreground == styles.code.foreground)
  }

  @Test func levelOneHeadingHasARule() {
    #expect(Self.render("# Title", width: 10) == ["Title", "──────────"])
  }

  @Test func nestedListsHangTheirIndent() {
    let lines = Self.render("- first item that wraps\n  - nested one\n- second", width: 16)
    #expect(lines == ["• first item", "  that wraps", "  • nested one", "• second"])
  }

  @Test func numberedListsAlignTheirNumbers() {
    let text = (1...10).map { "\($0). item" }.joined(separator: "\n")
    let lines = Self.render(text, width: 20)
    #expect(lines[0] == " 1. item")
    #expect(lines[9] == "10. item")
  }

  @Test func tablesFitAndAlign() {
    let lines = Self.render("| a | num |\n|:--|--:|\n| x | 1 |\n| long | 22 |", width: 30)
    #expect(lines == [
      "┌──────┬─────┐",
      "│ a    │ num │",
      "├──────┼─────┤",
      "│ x    │   1 │",
      "│ long │  22 │",
      "└──────┴─────┘",
    ])
  }

  @Test func tooWideTablesWrapCellsAndNeverOverflow() {
    let markdown = "| clue | meaning |\n|---|---|\n| location | how good the neighbourhood is |"
    for width in [12, 20, 30] {
      let lines = Self.render(markdown, width: width)
      for line in lines { #expect(DisplayWidth.of(line) <= width, "\(width): \(line)") }
    }
    #expect(Self.render(markdown, width: 20).count > 5)
  }

  @Test func asciiTables() {
    let lines = Self.render("| a | b |\n|---|---|\n| 1 | 2 |", width: 20, styles: .ascii)
    #expect(lines == ["+---+---+", "| a | b |", "+---+---+", "| 1 | 2 |", "+---+---+"])
  }

  @Test func formulaBlocksWrapBetweenTermsAndDrawingsAreClipped() {
    let lines = Self.render("```\nprice = 0.3·size + 0.2·bedrooms\n```", width: 24)
    #expect(lines == ["┃ price = 0.3·size", "┃         + 0.2·bedrooms"])
    let drawing = Self.render("```\nx ──┬─▶ (h₁) ──┐ long\n```", width: 12)
    #expect(drawing == ["┃ x ──┬─▶ (…"])
  }

  @Test func blockQuotesGetABar() {
    #expect(Self.render("> quoted text here", width: 10) == ["│ quoted", "│ text", "│ here"])
  }

  @Test func rulesSpanTheWidth() {
    #expect(Self.render("---", width: 4) == ["────"])
  }

  @Test func everyShippedPageFitsItsColumn() {
    for lesson in LessonFixture.catalog.lessons {
      for page in lesson.pages {
        for width in [20, 37, 76] {
          for line in MarkdownRenderer(width: width, styles: .standard).lines(for: page.blocks) {
            #expect(line.width <= width, "\(lesson.id) page \(page.index) at \(width): \(line.plainText)")
            #expect(!line.plainText.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
          }
        }
      }
    }
  }
}
