import TerminalUI

/// How a score over the input plane is coloured, shared by the decision boundary and the neuron
/// thumbnails so a region reads the same in both: pale blue at 0, white at ½, pale orange at 1
/// (the middle of the diverging scale), two pixels per cell as half blocks where the terminal
/// has colour and Unicode; otherwise one light shade per cell, coloured when it can be.
struct PlaneShading {
  let theme: Theme

  /// Whether a cell holds two pixels (upper and lower half).
  var usesHalfBlocks: Bool { theme.symbols.isUnicode && theme.colorCount > 0 }

  /// Pixel rows per cell row.
  var pixelsPerRow: Int { usesHalfBlocks ? 2 : 1 }

  /// The region colour of a score in 0…1 (class 1's probability).
  func color(_ score: Double) -> Color {
    theme.signedScale(limit: 1).color((score - 0.5) * 1.2)
  }

  /// A cell showing `upper` over `lower` (half blocks), or `upper` alone as a shade.
  ///
  /// Shades stay light under the boundary's points; `fillsRamp` uses the whole ramp without the
  /// blank (for heatmaps with nothing on top, where a blank cell would read as nothing drawn).
  func cell(upper: Double, lower: Double, fillsRamp: Bool = false) -> Cell {
    let symbols = theme.symbols
    if usesHalfBlocks {
      return Cell(symbols.upperHalf, style: Style(foreground: color(upper), background: color(lower)))
    }
    let score = min(1, max(0, upper))
    let steps = Double(max(1, symbols.shades.count - 1))
    let fraction = fillsRamp ? (1 + score * (steps - 1)) / steps : (symbols.isUnicode ? 0.6 : 0.55) * score
    var style = theme.dim
    if theme.colorCount > 0 { style = Style(foreground: color(upper)) }
    return Cell(symbols.shade(fraction), style: style)
  }
}
