import PropertyBased
import PropertySupport
import Testing
import TerminalUI

@testable import DescentApp

/// Every number formatter of the app accepts every Double (a subnormal once crashed `PlotText`).
@Suite struct NumberTextPropertyTests {
  static let anyDouble = Gen<UInt64>.value().map { Double(bitPattern: $0) }
  static let plotWidths = [3, 4, 5, 6, 8]

  @Test(arguments: HostileDoubles.edgesAndBitPatterns(count: 1_000))
  func plotNumberFitsItsWidth(value: Double) {
    for width in Self.plotWidths {
      for symbols in [SymbolSet.unicode, .ascii] {
        let text = PlotText.number(value, width: width, symbols: symbols)
        #expect(!text.isEmpty && text.count <= width, "PlotText.number(\(value.bitPattern), \(width)) = \(text)")
        #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
      }
    }
  }

  @Test(arguments: HostileDoubles.edgesAndBitPatterns(count: 1_000))
  func statusAndLessonNumbersAreText(value: Double) {
    for text in [
      StatusLine.number(value), StatusLine.percent(value), formatLearningRate(value), LessonPlayer.number(value),
    ] {
      #expect(!text.isEmpty && text.count <= 32, "\(value.bitPattern) → \(text)")
      #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
    }
  }

  @Test func anyBitPattern() async {
    await propertyCheck(count: 2_000, input: Self.anyDouble) { value in
      for width in Self.plotWidths { #expect(PlotText.number(value, width: width).count <= width) }
      #expect(!StatusLine.percent(value).isEmpty)
      #expect(!formatLearningRate(value).isEmpty)
      #expect(!LessonPlayer.number(value).isEmpty)
    }
  }

  @Test(arguments: [
    (.leastNonzeroMagnitude, 4, "0"), (-.leastNonzeroMagnitude, 4, "-0"), (.leastNonzeroMagnitude, 6, "5e-324"),
    (-.leastNonzeroMagnitude, 7, "-5e-324"), (.leastNonzeroMagnitude * 2024, 6, "1e-320"),
    (1e308, 5, "1e308"), (-1e308, 5, "-9999"), (Double.greatestFiniteMagnitude, 5, "2e308"), (-0.0, 4, "0"),
    (9.6, 3, "9.6"), (96, 3, "96"), (960, 3, "960"), (9600, 3, "1e4"), (0.00096, 4, ".001"), (0.00096, 5, "0.001"),
  ] as [(Double, Int, String)])
  func plotNumberExamples(value: Double, width: Int, expected: String) {
    #expect(PlotText.number(value, width: width) == expected)
  }

  @Test(arguments: [(1e307, "—"), (1e10, "1e12%"), (-2e10, "-2e12%"), (0.5, "50%"), (-0.0, "0%"), (Double.nan, "—")] as [(Double, String)])
  func percentOfAnyFraction(fraction: Double, expected: String) {
    #expect(StatusLine.percent(fraction) == expected)
  }
}
