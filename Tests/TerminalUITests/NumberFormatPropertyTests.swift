import PropertyBased
import PropertySupport
import Testing

@testable import TerminalUI

/// `NumberFormat` accepts every Double: subnormals, signed zeros, infinities, NaN, ±1e308.
@Suite struct NumberFormatPropertyTests {
  /// Any bit pattern: every exponent, both signs, NaN payloads.
  static let anyDouble = Gen<UInt64>.value().map { Double(bitPattern: $0) }

  @Test(arguments: HostileDoubles.edgesAndBitPatterns(count: 2_000))
  func compactIsShortAndPlain(value: Double) {
    let text = NumberFormat.compact(value)
    #expect(isShortPlainNumber(text, maximumLength: 9), "compact(\(value.bitPattern)) = \(text)")
  }

  @Test(arguments: HostileDoubles.edgesAndBitPatterns(count: 2_000))
  func valueIsShortAndPlain(value: Double) {
    let text = NumberFormat.value(value)
    #expect(isShortPlainNumber(text, maximumLength: 10), "value(\(value.bitPattern)) = \(text)")
    #expect(DisplayWidth.of(NumberFormat.value(value, width: 12)) == 12)
  }

  @Test func anyBitPatternFormats() async {
    await propertyCheck(count: 2_000, input: Self.anyDouble) { value in
      #expect(isShortPlainNumber(NumberFormat.compact(value), maximumLength: 9))
      #expect(isShortPlainNumber(NumberFormat.value(value), maximumLength: 10))
    }
  }

  @Test(arguments: [
    (Double.leastNonzeroMagnitude, "4.9e-324"), (-Double.leastNonzeroMagnitude, "-4.9e-324"), (-0.0, "0"),
    (Double.greatestFiniteMagnitude, "1.8e308"), (1e308, "1e308"), (-1e308, "-1e308"), (Double.leastNormalMagnitude / 2.225e2, "1e-310"),
  ] as [(Double, String)])
  func extremes(value: Double, expected: String) {
    #expect(NumberFormat.compact(value) == expected)
  }

  /// Digits, one sign, one point, one exponent, or the not-a-number dash; nothing else.
  private func isShortPlainNumber(_ text: String, maximumLength: Int) -> Bool {
    guard !text.isEmpty, text.count <= maximumLength else { return false }
    if text == NumberFormat.notANumber { return true }
    return text.allSatisfy { $0.isASCII && ($0.isNumber || "-.e".contains($0)) }
  }
}
