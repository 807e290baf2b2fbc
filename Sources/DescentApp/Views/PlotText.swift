import Foundation
import TerminalUI

/// Short number and label text for the plots: at most a given number of columns, never garbled.
enum PlotText {
  /// `value` in at most `width` columns (`width` ≥ 3): `0.53` → `.53` when four columns are all
  /// there is, `1234` → `1e3`; non-finite values are `—`. Accepts every Double: a subnormal such
  /// as `5e-324` is `5e-324` when it fits and `0` when it does not.
  static func number(_ value: Double, width: Int, symbols: SymbolSet = .unicode) -> String {
    guard value.isFinite else { return symbols.isUnicode ? "—" : "--" }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    // Fixed decimals only while the whole part can fit (1e308 would print 309 digits).
    if magnitude < 1e15 {
      for decimals in stride(from: 3, through: 0, by: -1) {
        var text = trimmed(String(format: "%.\(decimals)f", value))
        if text.count > width { text = withoutLeadingZero(text) }
        if text.count <= width, text != "0", text != "-0" { return text }
      }
    }
    let (mantissa, exponent) = oneDigitScientific(value)
    let text = "\(mantissa)e\(exponent)"
    if text.count <= width { return text }
    if exponent < 0 { return value < 0 && width >= 2 ? "-0" : "0" }
    return String(repeating: "9", count: max(1, width - (value < 0 ? 1 : 0))).withSign(value < 0)
  }

  /// The vertical "more below" mark of a column of nodes.
  static func verticalEllipsis(_ symbols: SymbolSet) -> String {
    symbols.isUnicode ? "⋮" : ":"
  }

  // MARK: - Private

  /// `value` (finite, non-zero) rounded to one significant digit as `(mantissa, exponent)`, e.g.
  /// `(-5, -324)`. C's `%e` does the rounding, so no power of ten is ever computed: 10⁻³²⁴ is 0
  /// in Double, and dividing by it is how a subnormal once crashed this function.
  private static func oneDigitScientific(_ value: Double) -> (mantissa: String, exponent: Int) {
    let parts = String(format: "%.0e", value).split(separator: "e")
    guard parts.count == 2, let exponent = Int(parts[1]) else { return (value < 0 ? "-1" : "1", 0) }
    return (String(parts[0]), exponent)
  }

  private static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = Substring(text)
    while result.hasSuffix("0") { result = result.dropLast() }
    if result.hasSuffix(".") { result = result.dropLast() }
    return String(result)
  }

  private static func withoutLeadingZero(_ text: String) -> String {
    if text.hasPrefix("0.") { return String(text.dropFirst()) }
    if text.hasPrefix("-0.") { return "-" + text.dropFirst(2) }
    return text
  }
}

extension String {
  fileprivate func withSign(_ negative: Bool) -> String { negative ? "-" + self : self }
}
