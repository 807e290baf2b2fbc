/// A run of text with one style: the smallest piece of a rendered paragraph.
///
/// A hard line break (two trailing spaces or a trailing backslash in the source) is a run whose
/// text is exactly `"\n"`; every other run holds no newline.
public struct Inline: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The visible text (sanitised: no control characters).
  public var text: String
  /// Emphasis applied to the whole run.
  public var style: InlineStyle
  /// For link text, where the link points (shown by the renderer only if it chooses to).
  public var destination: String?

  public init(_ text: String, style: InlineStyle = [], destination: String? = nil) {
    self.text = text
    self.style = style
    self.destination = destination
  }

  /// A hard line break.
  public static let lineBreak = Inline("\n")

  /// The text with Markdown-like markers, for tests and debugging, e.g. `**bold**`.
  public var description: String {
    var result = text
    if style.contains(.code) { result = "`\(result)`" }
    if style.contains(.italic) { result = "*\(result)*" }
    if style.contains(.bold) { result = "**\(result)**" }
    if style.contains(.link) { result = "[\(result)]" }
    return result
  }
}

/// The emphasis flags of an `Inline` run.
public struct InlineStyle: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = InlineStyle(rawValue: 1 << 0)
  public static let italic = InlineStyle(rawValue: 1 << 1)
  public static let code = InlineStyle(rawValue: 1 << 2)
  public static let link = InlineStyle(rawValue: 1 << 3)
}

extension Array where Element == Inline {
  /// The text of all runs joined, without styles.
  public var plainText: String { map(\.text).joined() }
}
