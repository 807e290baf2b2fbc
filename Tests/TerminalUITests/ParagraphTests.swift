import Testing

@testable import TerminalUI

@Suite struct ParagraphTests {
  @Test func wrapsWordsAndPadsNothing() {
    var buffer = sentinelBuffer(12, 4)
    Paragraph("The loss goes down slowly.").render(in: Rect(x: 1, y: 0, width: 10, height: 3), buffer: &buffer)
    expectLines(buffer, [
      "xThe lossxx",
      "xgoes downx",
      "xslowly.xxx",
      "xxxxxxxxxxxx",
    ].map { $0.padding(12) })
  }

  @Test func breaksOverlongWords() {
    let paragraph = Paragraph("a backpropagation b")
    #expect(paragraph.wrappedLines(width: 6).map(\.plainText) == ["a", "backpr", "opagat", "ion b"])
    #expect(paragraph.lineCount(width: 6) == 4)
  }

  @Test func keepsStylesAcrossWraps() {
    let bold = Style(bold: true)
    let paragraph = Paragraph([Line([Span("plain "), Span("bold words", style: bold)])])
    let wrapped = paragraph.wrappedLines(width: 10)
    #expect(wrapped == [Line([Span("plain "), Span("bold", style: bold)]), Line([Span("words", style: bold)])])
  }

  @Test func respectsWideCharacters() {
    var buffer = sentinelBuffer(5, 3)
    Paragraph("日本語 ab").render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["日本x", "語 ab", "xxxxx"])
  }

  @Test func expandsTabsAndKeepsEmptyLines() {
    let paragraph = Paragraph("a\tb\n\nc")
    #expect(paragraph.wrappedLines(width: 20).map(\.plainText) == ["a   b", "", "c"])
  }

  @Test func alignsAndScrolls() {
    var buffer = sentinelBuffer(8, 2)
    Paragraph([Line("one"), Line("two"), Line("three")], alignment: .right, scroll: 1)
      .render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["xxxxxtwo", "xxxthree"])
    var centered = sentinelBuffer(7, 1)
    Paragraph("ab", alignment: .center).render(in: centered.area, buffer: &centered)
    expectLines(centered, ["xxabxxx"])
  }

  @Test func cutsInsteadOfWrappingWhenAsked() {
    let paragraph = Paragraph([Line("a long line")], wraps: false)
    #expect(paragraph.wrappedLines(width: 4).map(\.plainText) == ["a lo"])
  }

  @Test func degenerateAreas() {
    var empty = sentinelBuffer(0, 0)
    Paragraph("text").render(in: empty.area, buffer: &empty)
    var one = sentinelBuffer(1, 1)
    Paragraph("日本").render(in: one.area, buffer: &one)
    expectLines(one, ["x"])
    #expect(Paragraph("text").lineCount(width: 0) == 0)
    #expect(Paragraph("").lineCount(width: 5) == 1)
  }
}

extension String {
  /// `self` padded with the sentinel `x` to `width` columns (test pictures only).
  func padding(_ width: Int) -> String {
    self + String(repeating: "x", count: max(0, width - DisplayWidth.of(self)))
  }
}
