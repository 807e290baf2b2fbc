import Testing

@testable import TerminalUI

@Suite struct NumberFormatTests {
  @Test(arguments: [
    (0.0, "0"), (12, "12"), (0.034, "0.034"), (1.25, "1.25"), (-1.25, "-1.25"), (0.00123, "1.2e-3"),
    (1_200_000, "1.2e6"), (3.2e-5, "3.2e-5"), (1250, "1250"), (9999.6, "10000"), (0.3, "0.3"),
    (1e-300, "1e-300"), (-2.5e300, "-2.5e300"), (100, "100"), (0.1, "0.1"), (0.9996, "1"),
    (.nan, "—"), (.infinity, "—"), (-.infinity, "—"),
  ] as [(Double, String)])
  func compact(value: Double, expected: String) {
    #expect(NumberFormat.compact(value) == expected)
  }

  @Test(arguments: [
    (0.3, "0.300"), (-1.25, "-1.25"), (12.5, "12.5"), (125, "125"), (0.0123, "0.0123"), (3.2e-5, "3.2e-5"),
    (1.2e6, "1.2e6"), (0, "0.000"), (1234, "1234"), (.nan, "—"), (0.99999, "1.00"), (9.9999, "10.0"),
  ] as [(Double, String)])
  func value(value: Double, expected: String) {
    #expect(NumberFormat.value(value) == expected)
  }

  @Test func rightAlignsToWidth() {
    #expect(NumberFormat.value(-1.25, width: 7) == "  -1.25")
    #expect(NumberFormat.value(.nan, width: 3) == "  —")
    #expect(NumberFormat.padLeft("toolong", to: 3) == "toolong")
  }

  @Test func neverLongerThanEightColumns() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let exponent = Double.random(in: -99...99, using: &generator)
      let sign: Double = Bool.random(using: &generator) ? 1 : -1
      let number = sign * Double.random(in: 1..<10, using: &generator) * pow10(exponent.rounded())
      #expect(NumberFormat.compact(number).count <= 8, "\(number)")
      #expect(NumberFormat.value(number).count <= 8, "\(number)")
    }
  }

  private func pow10(_ exponent: Double) -> Double {
    var result = 1.0
    let steps = Int(abs(exponent))
    for _ in 0..<steps { result = exponent > 0 ? result * 10 : result / 10 }
    return result
  }
}
