import LessonKit
import SnapshotSupport
import TerminalUI
import Testing

@testable import DescentApp

/// Formulas never wrap in the middle of an expression and never lose their end.
@Suite struct FormulaLayoutTests {
  @Test func aShortFormulaInTextMovesToTheNextLineWhole() {
    let lines = MarkdownRendererTests.render("The linear unit computes ŷ = w·x + b for every point.", width: 30)
    #expect(lines == ["The linear unit computes", "ŷ = w·x + b for every point."])
    #expect(MarkdownRendererTests.render("Here with w = 2 and b = 1:", width: 12) == ["Here with", "w = 2 and", "b = 1:"])
  }

  @Test func aCodeSpanStaysOnOneLineWhenItFits() {
    let lines = MarkdownRendererTests.render("Then run `descent train --csv FILE` at home.", width: 30)
    #expect(lines == ["Then run", "descent train --csv FILE at", "home."])
  }

  @Test func aFormulaWiderThanTheLineStillBreaksAtItsSpaces() {
    let lines = MarkdownRendererTests.render("a = b + c + d + e", width: 9)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 9 })
    #expect(lines.joined(separator: " ") == "a = b + c + d + e")
  }

  @Test func aLongFormulaLineBreaksBeforeATermAndKeepsItsEnd() {
    #expect(FormulaWrap.lines("L_total = L_data + λ · (sum of every weight²)", width: 35)
      == ["L_total = L_data", "  + λ · (sum of every weight²)"])
    #expect(FormulaWrap.lines("L_total = L_data + λ · (sum of every weight²)", width: 43)
      == ["L_total = L_data", "          + λ · (sum of every weight²)"])
    #expect(FormulaWrap.lines("z₁ = 0.1·1.0 + 0.2·0.5 + 0 = 0.2      h₁ = σ(0.2) = 0.5498", width: 40)
      == ["z₁ = 0.1·1.0 + 0.2·0.5 + 0 = 0.2", "     h₁ = σ(0.2) = 0.5498"])
    #expect(FormulaWrap.lines("short", width: 10) == ["short"])
    #expect(FormulaWrap.lines("abcdefghij", width: 4).allSatisfy { DisplayWidth.of($0) <= 4 })
  }

  /// Every formula block of every shipped page, at 80×24 and 120×40, in full: no line cut.
  @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
  func noShippedFormulaLosesItsEnd(size: Size) {
    for lesson in LessonFixture.catalog.lessons {
      for (index, page) in lesson.pages.enumerated() {
        var model = LessonFixture.model(progress: LessonFixture.progress([lesson.id: ([], index)]), startLesson: lesson.id, size: size)
        guard let player = model.player else { continue }
        let width = player.layout(in: Rect(x: 0, y: 0, width: size.width, height: size.height), styles: player.styles).text.width
        let lines = player.textLines(width: width, styles: player.styles).map(\.plainText)
        for case .codeBlock(_, let source) in page.blocks {
          let isDrawing = source.contains { $0.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) } }
          guard !isDrawing else { continue }
          for line in source {
            // A blank line between formulas has no last word to look for.
            guard let last = line.split(separator: " ").last.map(String.init) else { continue }
            #expect(lines.contains { $0.contains(last) }, "\(lesson.id) page \(index + 1): \(line)")
          }
        }
        #expect(!lines.contains { $0.hasSuffix("…") }, "\(lesson.id) page \(index + 1)")
        _ = model.update(.key(.home))
      }
    }
  }

  @Test func theL2FormulaAt80x24() {
    let model = LessonFixture.model(progress: LessonFixture.progress(["overfitting": ([], 2)]), startLesson: "overfitting")
    assertSnapshot(LessonFixture.screen(model), named: "lesson-l2-formula-80x24")
  }
}
