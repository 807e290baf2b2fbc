import Testing

@testable import TerminalUI

/// Lesson maths in plain ASCII: readable spellings, never `?`.
@Suite struct ASCIITransliterationTests {
  @Test func mathsReadsAsASCII() {
    #expect(ASCIITransliteration.text("ŷ = σ(w·x + b)") == "y_hat = sigma(w*x + b)")
    #expect(ASCIITransliteration.text("w ← w − η · ∂L/∂w") == "w <- w - eta * dL/dw")
    #expect(ASCIITransliteration.text("σ(z) = 1/(1+e⁻ᶻ), L = ½(ŷ − y)²") == "sigma(z) = 1/(1+e^-z), L = 1/2(y_hat - y)^2")
    #expect(ASCIITransliteration.text("x₁, hᵢ, λ ≤ 0.1 ± 1e⁻³ ≈ ∞ — …") == "x1, hi, lambda <= 0.1 +/- 1e^-3 ~= inf -- ...")
    #expect(ASCIITransliteration.text("full → 1 → mini-batch") == "full -> 1 -> mini-batch")
  }

  @Test func boxDrawingKeepsItsWidth() {
    let art = " x₁ = 1.0 ──┬─▶ (h₁) ──┐\n            ╳          ├─▶ ŷ"
    #expect(ASCIITransliteration.text(art) == " x1 = 1.0 --+-> (h1) --+\n            X          +-> y_hat")
  }

  @Test func accentsGoAndNothingBecomesAQuestionMark() {
    #expect(ASCIITransliteration.text("café naïve Ünïcode") == "cafe naive Unicode")
    #expect(ASCIITransliteration.text("e\u{301}x\u{302}") == "ex_hat")
    #expect(ASCIITransliteration.text("日本 ⣿ ▓") == "__ . #")
    #expect(ASCIITransliteration.text("plain ascii\ttab\n") == "plain ascii\ttab\n")
  }

  @Test func singleCellsStandIn() {
    #expect(ASCIITransliteration.singleCell("→") == ">")
    #expect(ASCIITransliteration.singleCell("ŷ") == "y")
    #expect(ASCIITransliteration.singleCell("²") == "2")
    #expect(ASCIITransliteration.singleCell("日") == "_")
    #expect(ASCIITransliteration.singleCell("a") == "a")
  }
}
