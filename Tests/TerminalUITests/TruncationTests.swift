import Testing

@testable import TerminalUI

/// The one way text is cut to a width: by columns, wide characters whole, an ellipsis at the cut.
@Suite struct TruncationTests {
  @Test func cutsWithAnEllipsis() {
    #expect("diverged: training loss exceeded".truncated(toWidth: 12, ellipsis: "…") == "diverged: t…")
    #expect("short".truncated(toWidth: 12, ellipsis: "…") == "short")
    #expect("short".truncated(toWidth: 5, ellipsis: "…") == "short")
    #expect("shorter".truncated(toWidth: 0, ellipsis: "…") == "")
  }

  @Test func whenOnlyTheEllipsisWouldFitTheTextIsKept() {
    #expect("bedrooms".truncated(toWidth: 1, ellipsis: "…") == "b")
    #expect("bedrooms".truncated(toWidth: 2, ellipsis: "...") == "be")
    #expect("bedrooms".truncated(toWidth: 4, ellipsis: "...") == "b...")
  }

  @Test func wideCharactersCountTwoColumnsAndAreNeverSplit() {
    let cut = "日本語の文".truncated(toWidth: 6, ellipsis: "…")
    #expect(cut == "日本…")
    #expect(DisplayWidth.of(cut) == 5)
    #expect("x日本".truncated(toWidth: 3, ellipsis: "~") == "x~")
  }

  @Test func stylesAreKeptAndTheEllipsisTakesTheLastOne() {
    let bold = Style(bold: true), dim = Style(dim: true)
    let line = Line([Span("loss ", style: dim), Span("0.0345", style: bold)]).truncated(toWidth: 8, ellipsis: "…")
    #expect(line.spans == [Span("loss ", style: dim), Span("0.", style: bold), Span("…", style: bold)])
    #expect(line.width == 8)
  }
}
