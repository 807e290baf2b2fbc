/// A run of text with one style.
public struct Span: Equatable, Hashable, Sendable, ExpressibleByStringLiteral {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }

  public init(stringLiteral value: String) {
    self.init(value)
  }

  /// Columns the text takes on screen.
  public var width: Int { DisplayWidth.of(text) }
}
