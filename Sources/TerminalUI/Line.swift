/// One line of styled text: spans drawn left to right.
///
/// ```swift
/// let line = Line([Span("loss ", style: theme.label), Span("0.034", style: theme.value)])
/// ```
public struct Line: Equatable, Hashable, Sendable, ExpressibleByStringLiteral {
  public var spans: [Span]

  public init(_ spans: [Span] = []) {
    self.spans = spans
  }

  public init(_ text: String, style: Style = .plain) {
    self.spans = [Span(text, style: style)]
  }

  public init(stringLiteral value: String) {
    self.init(value)
  }

  /// Columns the line takes on screen.
  public var width: Int { spans.reduce(0) { $0 + $1.width } }

  /// The text without styles.
  public var plainText: String { spans.map(\.text).joined() }
}

// MARK: - Drawing

extension Buffer {
  /// Writes the spans of `line` from (`x`, `y`), clipped to `clip`; returns the column after it.
  @discardableResult
  public mutating func write(_ line: Line, x: Int, y: Int, clip: Rect? = nil) -> Int {
    var column = x
    for span in line.spans {
      column = write(span.text, x: column, y: y, style: span.style, clip: clip)
    }
    return column
  }
}
