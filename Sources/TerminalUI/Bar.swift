/// A signed horizontal bar: negative values grow left of the centre, positive ones right.
///
/// With Unicode, bars have eighth-of-a-cell resolution (a partial cell on the left side is drawn
/// in reverse video so it hugs the centre); the side shows the sign and colours tell it again.
/// In ASCII, whole cells of `-` (negative) or `+` (positive) make the sign readable without colour.
///
/// ```swift
/// Bar(value: weight, limit: 2, positiveStyle: theme.positive, negativeStyle: theme.negative, symbols: theme.symbols)
///   .render(in: Rect(x: 10, y: row, width: 16, height: 1), buffer: &buffer)
/// ```
public struct Bar: Widget, Equatable, Sendable {
  public var value: Double
  /// The magnitude that fills one half completely; larger values are clamped.
  public var limit: Double
  public var positiveStyle: Style
  public var negativeStyle: Style
  public var symbols: SymbolSet

  public init(
    value: Double, limit: Double, positiveStyle: Style = .plain, negativeStyle: Style = .plain,
    symbols: SymbolSet = .unicode
  ) {
    self.value = value
    self.limit = limit
    self.positiveStyle = positiveStyle
    self.negativeStyle = negativeStyle
    self.symbols = symbols
  }

  /// Draws on every row of `area` (usually one); the centre is at `area.width / 2`.
  public func render(in area: Rect, buffer: inout Buffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty, value.isFinite, value != 0 else { return }
    let centre = area.x + area.width / 2
    let half = value > 0 ? area.maxX - centre : centre - area.x
    guard half > 0 else { return }
    let bound = limit > 0 && limit.isFinite ? limit : 1
    let fraction = Swift.min(1, abs(value) / bound)
    let eighths = Int((fraction * Double(half * 8)).rounded())
    for row in area.y..<area.maxY {
      if symbols.isUnicode {
        drawBlocks(eighths: eighths, centre: centre, row: row, buffer: &buffer)
      } else {
        let cells = Swift.max(1, Int((Double(eighths) / 8).rounded()))
        let fill = value > 0 ? symbols.positiveBarFill : symbols.negativeBarFill
        let style = value > 0 ? positiveStyle : negativeStyle
        for step in 0..<cells {
          buffer[value > 0 ? centre + step : centre - 1 - step, row] = Cell(fill, style: style)
        }
      }
    }
  }

  // MARK: - Private

  private func drawBlocks(eighths: Int, centre: Int, row: Int, buffer: inout Buffer) {
    let full = eighths / 8, partial = eighths % 8
    if value > 0 {
      for step in 0..<full { buffer[centre + step, row] = Cell(symbols.fullBlock, style: positiveStyle) }
      if partial > 0 {
        buffer[centre + full, row] = Cell(symbols.horizontalEighths[partial], style: positiveStyle)
      }
    } else {
      for step in 0..<full { buffer[centre - 1 - step, row] = Cell(symbols.fullBlock, style: negativeStyle) }
      if partial > 0 {
        // The left-growing glyph for the empty part, reversed: the filled part hugs the centre.
        var reversed = negativeStyle
        reversed.reverse.toggle()
        buffer[centre - 1 - full, row] = Cell(symbols.horizontalEighths[8 - partial], style: reversed)
      }
    }
  }
}
