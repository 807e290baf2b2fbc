/// One row across the screen: styled text on the left, more on the right, filled with a style.
///
/// When both do not fit, the right side is dropped first, then the left is cut.
///
/// ```swift
/// StatusBar(left: Line("▶ training  step 1200"), right: Line("? help  q quit"), style: theme.statusBar)
///   .render(in: Rect(x: 0, y: screen.maxY - 1, width: screen.width, height: 1), buffer: &buffer)
/// ```
public struct StatusBar: Widget, Equatable, Sendable {
  public var left: Line
  public var right: Line
  /// The fill of the whole row; spans with a plain style take it too.
  public var style: Style

  public init(left: Line, right: Line = Line(), style: Style = Style(reverse: true)) {
    self.left = left
    self.right = right
    self.style = style
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
    buffer.fill(row, with: Cell(" ", style: style))
    let leftEnd = buffer.write(styled(left), x: row.x + 1, y: row.y, clip: row)
    let rightWidth = right.width
    let rightStart = row.maxX - 1 - rightWidth
    if rightWidth > 0, rightStart >= leftEnd + 1 {
      buffer.write(styled(right), x: rightStart, y: row.y, clip: row)
    }
  }

  /// `line` with plain spans given the bar's style, so the bar colour runs under them.
  private func styled(_ line: Line) -> Line {
    Line(line.spans.map { $0.style == .plain ? Span($0.text, style: style) : $0 })
  }
}
