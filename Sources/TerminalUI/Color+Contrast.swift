import Foundation

/// How light a colour looks, so text is never drawn in (or near) the colour behind it.
extension Color {
  /// The colour's red, green and blue (0…255) in xterm's palette; nil for the terminal's
  /// default, which only the terminal knows.
  public var rgb: (red: Int, green: Int, blue: Int)? {
    switch self {
    case .default: return nil
    case .basic(let number): return Self.basicPalette[Int(number & 7)]
    case .indexed(let index):
      if index < 16 { return Self.basicPalette[Int(index & 7)] }
      if index >= 232 {
        let level = 8 + 10 * Int(index - 232)
        return (level, level, level)
      }
      let cube = Int(index) - 16
      let levels = [0, 95, 135, 175, 215, 255]
      return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
    }
  }

  /// Relative luminance (WCAG 2): 0 for black, 1 for white; nil for the default colour.
  public var luminance: Double? {
    guard let (red, green, blue) = rgb else { return nil }
    func linear(_ channel: Int) -> Double {
      let value = Double(channel) / 255
      return value <= 0.04045 ? value / 12.92 : Foundation.pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// The WCAG contrast ratio of two colours, 1 (the same) to 21 (black on white); nil when
  /// either is the default colour.
  public func contrast(with other: Color) -> Double? {
    guard let mine = luminance, let theirs = other.luminance else { return nil }
    return (Swift.max(mine, theirs) + 0.05) / (Swift.min(mine, theirs) + 0.05)
  }

  /// xterm's eight basic colours at normal intensity (0 black … 7 white).
  public static let basicPalette: [(red: Int, green: Int, blue: Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
  ]
}
