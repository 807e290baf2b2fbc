import Foundation

/// Maps a number to a colour (256 or 8 colours) or to a shade character (monochrome, ASCII).
///
/// Diverging scales are for signed values (weights, network outputs): blue for negative, white
/// at zero, orange for positive, symmetric around zero. Sequential scales are for losses: dark
/// blue for low, yellow for high, optionally on a log10 axis.
///
/// ```swift
/// let scale = ColorScale.diverging(limit: 2, colorCount: 256)
/// let color = scale.color(-0.7)
/// ```
public struct ColorScale: Equatable, Sendable {
  /// How values map to the 0…1 position along the scale.
  public enum Kind: Equatable, Sendable {
    /// `-limit` → 0, `0` → 0.5, `+limit` → 1.
    case diverging(limit: Double)
    /// `lower` → 0, `upper` → 1; with `logarithmic`, in log10 of the value (non-positive → 0).
    case sequential(lower: Double, upper: Double, logarithmic: Bool)
  }

  public let kind: Kind
  /// 256, 8, or 0 (monochrome: only `shade` is meaningful; `color` gives `.default`).
  public let colorCount: Int
  /// log10 of a logarithmic scale's ends, worked out once: `fraction` runs for every cell.
  private let logBounds: (low: Double, high: Double)?

  public init(kind: Kind, colorCount: Int) {
    self.kind = kind
    self.colorCount = colorCount
    if case .sequential(let lower, let upper, true) = kind {
      logBounds = (
        log10(Swift.max(lower, Double.leastNormalMagnitude)), log10(Swift.max(upper, Double.leastNormalMagnitude))
      )
    } else {
      logBounds = nil
    }
  }

  public static func == (left: ColorScale, right: ColorScale) -> Bool {
    left.kind == right.kind && left.colorCount == right.colorCount
  }

  /// A blue ↔ white ↔ orange scale over `-limit…limit`.
  public static func diverging(limit: Double, colorCount: Int) -> ColorScale {
    ColorScale(kind: .diverging(limit: limit), colorCount: colorCount)
  }

  /// A dark-to-bright scale over `lower…upper`, linear or log10.
  public static func sequential(lower: Double, upper: Double, logarithmic: Bool = false, colorCount: Int) -> ColorScale {
    ColorScale(kind: .sequential(lower: lower, upper: upper, logarithmic: logarithmic), colorCount: colorCount)
  }

  /// A sequential scale spanning the finite values of `values` (positive ones when logarithmic).
  public static func sequential(fitting values: [Double], logarithmic: Bool = false, colorCount: Int) -> ColorScale {
    var lower = Double.infinity, upper = -Double.infinity
    for value in values where value.isFinite && (!logarithmic || value > 0) {
      lower = Swift.min(lower, value)
      upper = Swift.max(upper, value)
    }
    if lower > upper { (lower, upper) = logarithmic ? (1, 10) : (0, 1) }
    return sequential(lower: lower, upper: upper, logarithmic: logarithmic, colorCount: colorCount)
  }

  // MARK: - Mapping

  /// Where `value` sits on the scale, 0…1 (clamped); NaN gives nil.
  public func fraction(_ value: Double) -> Double? {
    guard !value.isNaN else { return nil }
    let raw: Double
    switch kind {
    case .diverging(let limit):
      let bound = limit > 0 && limit.isFinite ? limit : 1
      raw = 0.5 + 0.5 * value / bound
    case .sequential(let lower, let upper, _):
      if let (low, high) = logBounds {
        guard value > 0 else { return 0 }
        raw = high > low ? (log10(value) - low) / (high - low) : 0.5
      } else {
        raw = upper > lower ? (value - lower) / (upper - lower) : 0.5
      }
    }
    return Swift.min(1, Swift.max(0, raw.isNaN ? 0.5 : raw))
  }

  /// The colour for `value` at this scale's colour count; `.default` for NaN or monochrome.
  public func color(_ value: Double) -> Color {
    guard colorCount >= 8, let position = fraction(value) else { return .default }
    let diverging: Bool
    if case .diverging = kind { diverging = true } else { diverging = false }
    if colorCount >= 256 {
      let table = diverging ? Self.divergingTable : Self.sequentialTable
      return .indexed(table[Int(position * Double(table.count - 1) + 0.5)])
    }
    let basics = diverging ? Self.divergingBasic : Self.sequentialBasic
    let index = Swift.min(basics.count - 1, Int(position * Double(basics.count)))
    return .basic(basics[index])
  }

  /// The shade character for `value` from `symbols.shades` (a space for NaN).
  public func shade(_ value: Double, symbols: SymbolSet) -> String {
    guard let position = fraction(value) else { return " " }
    return symbols.shade(position)
  }

  // MARK: - Private

  /// Colour stops in the xterm 6×6×6 cube (red, green, blue each 0…5).
  private static let divergingCube: [(Double, Double, Double)] = [(0, 1, 4), (1, 3, 5), (5, 5, 5), (5, 3, 1), (5, 1, 0)]
  private static let sequentialCube: [(Double, Double, Double)] = [(0, 0, 1), (0, 1, 3), (0, 3, 3), (2, 4, 1), (5, 5, 0)]
  /// Basic colours from low to high.
  private static let divergingBasic: [UInt8] = [4, 6, 7, 3, 1]
  private static let sequentialBasic: [UInt8] = [4, 6, 2, 3, 7]

  /// The cube colours at 1,024 evenly spaced positions, so `color` is a lookup per cell.
  private static let divergingTable = (0..<1024).map { cubeColor(divergingCube, at: Double($0) / 1023) }
  private static let sequentialTable = (0..<1024).map { cubeColor(sequentialCube, at: Double($0) / 1023) }

  private static func cubeColor(_ stops: [(Double, Double, Double)], at position: Double) -> UInt8 {
    let scaled = position * Double(stops.count - 1)
    let lowIndex = Swift.min(stops.count - 2, Int(scaled))
    let t = scaled - Double(lowIndex)
    let low = stops[lowIndex], high = stops[lowIndex + 1]
    func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
    let red = channel(low.0, high.0), green = channel(low.1, high.1), blue = channel(low.2, high.2)
    return UInt8(16 + 36 * red + 6 * green + blue)
  }
}
