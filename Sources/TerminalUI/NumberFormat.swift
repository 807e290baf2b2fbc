/// Short, predictable number text for axis labels and value columns.
///
/// No Foundation and no locale: the same number always reads the same. Non-finite values are
/// shown as `—` (never "nan" or "inf").
///
/// ```swift
/// NumberFormat.compact(0.00123)          // "1.2e-3"
/// NumberFormat.value(0.3)                // "0.300"
/// NumberFormat.value(-1.25, width: 7)    // "  -1.25"
/// ```
public enum NumberFormat {
  /// What non-finite values are shown as.
  public static let notANumber = "—"

  // MARK: - Public

  /// The shortest readable form, at most two significant digits in exponent form and three in
  /// plain form, trailing zeros trimmed: `0`, `12`, `0.034`, `1.25`, `1250`, `1.2e-3`, `3.4e6`.
  public static func compact(_ value: Double) -> String {
    guard value.isFinite else { return notANumber }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    let sign = value < 0 ? "-" : ""
    if magnitude >= 0.01 && magnitude < 10_000 {
      return sign + trimZeros(plain(magnitude, significantDigits: 3))
    }
    return sign + scientific(magnitude, significantDigits: 2, trimmed: true)
  }

  /// Three significant digits with trailing zeros kept, so columns line up: `0.300`, `-1.25`,
  /// `12.5`, `125`, `0.0123`, `3.20e-5`, `1.20e6`; right-aligned to `width` when given.
  public static func value(_ value: Double, width: Int? = nil) -> String {
    let text: String
    if !value.isFinite {
      text = notANumber
    } else if value == 0 {
      text = "0.000"
    } else {
      let magnitude = abs(value)
      let sign = value < 0 ? "-" : ""
      if magnitude >= 0.01 && magnitude < 1000 {
        text = sign + plain(magnitude, significantDigits: 3)
      } else if magnitude >= 1000 && magnitude < 100_000 {
        text = sign + plain(magnitude, significantDigits: Int(log10Floor(magnitude)) + 1)
      } else {
        text = sign + scientific(magnitude, significantDigits: 2, trimmed: false)
      }
    }
    guard let width else { return text }
    return padLeft(text, to: width)
  }

  /// `text` with spaces before it to make `width` columns (unchanged when already wider).
  public static func padLeft(_ text: String, to width: Int) -> String {
    let missing = width - DisplayWidth.of(text)
    return missing > 0 ? String(repeating: " ", count: missing) + text : text
  }

  // MARK: - Private

  /// The exponent of the leading digit: ⌊log10(magnitude)⌋ for a positive finite number.
  private static func log10Floor(_ magnitude: Double) -> Int {
    var exponent = Int((log10Approx(magnitude)).rounded(.down))
    // Correct floating-point error at exact powers of ten.
    while power(exponent + 1) <= magnitude { exponent += 1 }
    while power(exponent) > magnitude { exponent -= 1 }
    return exponent
  }

  /// `magnitude` (positive, finite) as `mantissa × 10^exponent` with the mantissa in about [1, 10).
  ///
  /// Below 1e-290 the value is first scaled up by 1e300: 10⁻³⁰⁸ and smaller powers are subnormal
  /// or 0 in Double, so dividing by them gave an infinite mantissa (and a crash converting it to
  /// Int) for subnormal inputs such as 5e-324.
  private static func decimalExponentAndMantissa(_ magnitude: Double) -> (exponent: Int, mantissa: Double) {
    var scaled = magnitude
    var shift = 0
    if scaled < 1e-290 {
      scaled *= 1e300
      shift = -300
    }
    let exponent = log10Floor(scaled)
    return (exponent + shift, scaled / power(exponent))
  }

  private static func log10Approx(_ value: Double) -> Double {
    value.exponentBitPattern == 0 ? -308 : (Double(value.exponent) * 0.30102999566398120)
  }

  private static func power(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
      for _ in 0..<exponent { result *= 10 }
    } else {
      for _ in 0..<(-exponent) { result /= 10 }
    }
    return result
  }

  /// `magnitude` (positive, 1e-4 ≤ m < 1e6) in plain decimal with `significantDigits`.
  private static func plain(_ magnitude: Double, significantDigits: Int) -> String {
    var exponent = log10Floor(magnitude)
    var decimals = Swift.max(0, significantDigits - 1 - exponent)
    var scaled = (magnitude * power(decimals)).rounded()
    // Rounding up to the next power of ten (0.9996 → 1.000) takes one decimal fewer.
    if scaled >= power(significantDigits + Swift.max(0, exponent - significantDigits + 1)) && decimals > 0 {
      exponent += 1
      decimals = Swift.max(0, significantDigits - 1 - exponent)
      scaled = (magnitude * power(decimals)).rounded()
    }
    let digits = String(Int(scaled))
    guard decimals > 0 else { return digits }
    let padded = String(repeating: "0", count: Swift.max(0, decimals + 1 - digits.count)) + digits
    let split = padded.index(padded.endIndex, offsetBy: -decimals)
    return padded[..<split] + "." + padded[split...]
  }

  /// `magnitude` as `m.me±x` with `significantDigits` digits in the mantissa.
  private static func scientific(_ magnitude: Double, significantDigits: Int, trimmed: Bool) -> String {
    var (exponent, mantissa) = decimalExponentAndMantissa(magnitude)
    let scale = power(significantDigits - 1)
    mantissa = (mantissa * scale).rounded() / scale
    if mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    var text = plainMantissa(mantissa, decimals: significantDigits - 1)
    if trimmed { text = trimZeros(text) }
    return text + "e" + String(exponent)
  }

  private static func plainMantissa(_ mantissa: Double, decimals: Int) -> String {
    let scaled = Int((mantissa * power(decimals)).rounded())
    let digits = String(scaled)
    guard decimals > 0, digits.count > decimals else { return digits }
    let split = digits.index(digits.endIndex, offsetBy: -decimals)
    return digits[..<split] + "." + digits[split...]
  }

  private static func trimZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = Substring(text)
    while result.hasSuffix("0") { result = result.dropLast() }
    if result.hasSuffix(".") { result = result.dropLast() }
    return String(result)
  }
}
