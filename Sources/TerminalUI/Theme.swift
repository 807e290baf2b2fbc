/// Semantic styles and symbols for one terminal: views ask for "the value style", not a colour.
///
/// Built once from `TerminalCapabilities`. With 256 colours it uses the palette; with 8 the basic
/// colours; in monochrome (`NO_COLOR`, 0 colours) only bold, dim, underline and reverse.
///
/// ```swift
/// let theme = Theme(capabilities: TerminalCapabilities(colorCount: 8, unicode: false))
/// buffer.write("loss", x: 0, y: 0, style: theme.label)
/// ```
public struct Theme: Equatable, Sendable {
  public var symbols: SymbolSet
  /// 0, 8 or 256: what colour scales and styles were built for.
  public var colorCount: Int

  /// Panel titles.
  public var title: Style
  /// Names next to numbers ("loss", "lr").
  public var label: Style
  /// Numbers the learner should read.
  public var value: Style
  /// Positive weights, improvements.
  public var positive: Style
  /// Negative weights.
  public var negative: Style
  /// The training-loss curve.
  public var trainSeries: Style
  /// The test-loss curve.
  public var testSeries: Style
  /// Markers: current point, learning-rate changes.
  public var marker: Style
  /// Secondary text: hints, axes.
  public var dim: Style
  /// The selected item.
  public var highlight: Style
  /// The status bar at the bottom.
  public var statusBar: Style
  /// Warnings and a diverged run (NaN loss).
  public var warning: Style
  /// Borders of unfocused and focused panels.
  public var border: Style
  public var focusedBorder: Style

  public init(capabilities: TerminalCapabilities) {
    symbols = SymbolSet.forCapabilities(capabilities)
    let colors = capabilities.colorCount >= 256 ? 256 : (capabilities.colorCount >= 8 ? 8 : 0)
    colorCount = colors
    switch colors {
    case 256:
      title = Style(foreground: .indexed(255), bold: true)
      label = Style(foreground: .indexed(250))
      value = Style(foreground: .indexed(231), bold: true)
      positive = Style(foreground: .indexed(208))
      negative = Style(foreground: .indexed(33))
      trainSeries = Style(foreground: .indexed(39))
      testSeries = Style(foreground: .indexed(214))
      marker = Style(foreground: .indexed(199), bold: true)
      dim = Style(foreground: .indexed(244))
      highlight = Style(foreground: .indexed(16), background: .indexed(117), bold: true)
      statusBar = Style(foreground: .indexed(255), background: .indexed(237))
      warning = Style(foreground: .indexed(196), bold: true)
      border = Style(foreground: .indexed(240))
      focusedBorder = Style(foreground: .indexed(117), bold: true)
    case 8:
      // Text on the terminal's own background keeps the terminal's own foreground: white (or
      // black) text vanishes on a terminal whose background is white (or black).
      title = Style(bold: true)
      label = .plain
      value = Style(bold: true)
      positive = Style(foreground: .yellow)
      negative = Style(foreground: .blue, bold: true)
      trainSeries = Style(foreground: .cyan)
      testSeries = Style(foreground: .yellow)
      marker = Style(foreground: .magenta, bold: true)
      dim = Style(dim: true)
      highlight = Style(foreground: .black, background: .cyan)
      statusBar = Style(foreground: .black, background: .white)
      warning = Style(foreground: .red, bold: true)
      border = Style(dim: true)
      focusedBorder = Style(foreground: .cyan, bold: true)
    default:
      title = Style(bold: true)
      label = .plain
      value = Style(bold: true)
      positive = .plain
      negative = Style(underline: true)
      trainSeries = Style(bold: true)
      testSeries = .plain
      marker = Style(bold: true)
      dim = Style(dim: true)
      highlight = Style(reverse: true)
      statusBar = Style(reverse: true)
      warning = Style(bold: true, reverse: true)
      border = Style(dim: true)
      focusedBorder = Style(bold: true)
    }
  }

  // MARK: - Scales

  /// Blue ↔ white ↔ orange over `-limit…limit`, for weights and decision boundaries.
  public func signedScale(limit: Double) -> ColorScale {
    .diverging(limit: limit, colorCount: colorCount)
  }

  /// Dark ↔ bright over the finite values given, for loss landscapes (log10 by default).
  public func lossScale(fitting values: [Double], logarithmic: Bool = true) -> ColorScale {
    .sequential(fitting: values, logarithmic: logarithmic, colorCount: colorCount)
  }

  /// `style` drawn over `surface` (a bar with its own colours): it takes the surface's
  /// background, and the surface's foreground where it has none or where its own colour would
  /// be hard to read on that background (a WCAG contrast below 2, e.g. yellow or white on the
  /// 8-colour status bar's white).
  public func legible(_ style: Style, on surface: Style) -> Style {
    var result = style
    if result.background == .default { result.background = surface.background }
    if result.foreground == .default { result.foreground = surface.foreground }
    result.reverse = style.reverse != surface.reverse
    if let contrast = result.foreground.contrast(with: result.background), contrast < 2 {
      result.foreground = surface.foreground
    }
    return result
  }

  /// Style for a signed number: `positive` or `negative` (zero and NaN are `value`).
  public func signed(_ number: Double) -> Style {
    number > 0 ? positive : (number < 0 ? negative : value)
  }
}
