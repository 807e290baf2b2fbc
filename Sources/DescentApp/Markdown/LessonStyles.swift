import LessonKit
import TerminalUI

/// The styles lesson text and the player's chrome are drawn with.
///
/// Built from the terminal's `Theme` where one exists; `standard` works on any terminal that
/// shows bold, underline, dim and reverse.
public struct LessonStyles: Equatable, Sendable {
  public var symbols: SymbolSet
  public var text: Style
  public var heading: Style
  public var strong: Style
  public var emphasis: Style
  public var link: Style
  public var code: Style
  public var codeBlock: Style
  /// Bars and borders: quote bars, table lines, rules.
  public var decoration: Style
  public var dim: Style
  public var highlight: Style
  public var success: Style
  public var warning: Style
  /// The title bar and the key footer.
  public var bar: Style

  public init(
    symbols: SymbolSet, text: Style = .plain, heading: Style = Style(bold: true, underline: true),
    strong: Style = Style(bold: true), emphasis: Style = Style(italic: true),
    link: Style = Style(underline: true), code: Style = Style(foreground: .cyan),
    codeBlock: Style = Style(foreground: .cyan), decoration: Style = Style(dim: true),
    dim: Style = Style(dim: true), highlight: Style = Style(reverse: true),
    success: Style = Style(foreground: .green, bold: true),
    warning: Style = Style(foreground: .red, bold: true), bar: Style = Style(reverse: true)
  ) {
    self.symbols = symbols
    self.text = text
    self.heading = heading
    self.strong = strong
    self.emphasis = emphasis
    self.link = link
    self.code = code
    self.codeBlock = codeBlock
    self.decoration = decoration
    self.dim = dim
    self.highlight = highlight
    self.success = success
    self.warning = warning
    self.bar = bar
  }

  /// Unicode symbols, basic colours.
  public static let standard = LessonStyles(symbols: .unicode)
  /// ASCII symbols only, for `--ascii` terminals.
  public static let ascii = LessonStyles(symbols: .ascii)

  /// The style of an inline run: the base style with the run's emphasis laid over it.
  func style(for inline: InlineStyle, base: Style) -> Style {
    var style = base
    if inline.contains(.code) {
      style.foreground = code.foreground
      style.background = code.background
    }
    if inline.contains(.bold) { style.bold = true }
    if inline.contains(.italic) { style.italic = true }
    if inline.contains(.link) { style.underline = true }
    return style
  }
}

extension LessonStyles {
  /// The lesson styles for a terminal's theme: its symbols and colours.
  public init(theme: Theme) {
    var heading = theme.title
    heading.underline = true
    var success = theme.positive
    success.bold = true
    let code = theme.colorCount > 0 ? Style(foreground: theme.trainSeries.foreground) : Style(underline: true)
    self.init(
      symbols: theme.symbols, text: .plain, heading: heading, strong: Style(bold: true),
      emphasis: Style(italic: true), link: Style(underline: true), code: code, codeBlock: code,
      decoration: theme.border, dim: theme.dim, highlight: theme.highlight, success: success,
      warning: theme.warning, bar: theme.statusBar)
  }
}
