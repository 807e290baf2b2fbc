import TerminalUI

/// Maps Descent colours to curses colour numbers for the palette the terminal has.
public enum ColorMapping {
  /// The curses colour number for `color`, or -1 for the terminal's default.
  ///
  /// - Parameters:
  ///   - colorCount: 256 keeps indexed colours; 8 maps them to the nearest basic colour.
  ///   - defaultColor: what `.default` becomes: -1 when `use_default_colors` succeeded, else 7 (fg) or 0 (bg).
  public static func cursesNumber(for color: Color, colorCount: Int, defaultColor: Int16) -> Int16 {
    switch color {
    case .default: return defaultColor
    case .basic(let n): return Int16(n & 7)
    case .indexed(let n): return colorCount >= 256 ? Int16(n) : Int16(nearestBasic(to: n))
    }
  }

  /// The basic colour (0 black … 7 white) nearest to 256-palette entry `index`.
  ///
  /// 0–7 are themselves, 8–15 (bright) their dark twin; the 6×6×6 cube (16–231) and the grey ramp
  /// (232–255) go to the basic colour at the smallest squared RGB distance, using xterm's palette.
  public static func nearestBasic(to index: UInt8) -> UInt8 {
    if index < 16 { return index & 7 }
    guard let (r, g, b) = Color.indexed(index).rgb else { return 7 }
    var best: UInt8 = 0
    var bestDistance = Int.max
    for (candidate, reference) in Color.basicPalette.enumerated() {
      let dr = r - reference.0, dg = g - reference.1, db = b - reference.2
      let distance = dr * dr + dg * dg + db * db
      if distance < bestDistance {
        bestDistance = distance
        best = UInt8(candidate)
      }
    }
    return best
  }
}
