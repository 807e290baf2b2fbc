/// Helpers for popups drawn over the screen, such as the help overlay.
///
/// ```swift
/// let box = Overlay.centeredRect(width: 60, height: 18, in: screen)
/// Overlay.clear(box, buffer: &buffer)
/// let inner = Block(title: "Help", theme: theme).draw(in: box, buffer: &buffer)
/// ```
public enum Overlay {
  /// A `width`×`height` rect centred in `area`, shrunk to fit it.
  public static func centeredRect(width: Int, height: Int, in area: Rect) -> Rect {
    let clampedWidth = Swift.max(0, Swift.min(width, area.width))
    let clampedHeight = Swift.max(0, Swift.min(height, area.height))
    return Rect(
      x: area.x + (area.width - clampedWidth) / 2, y: area.y + (area.height - clampedHeight) / 2,
      width: clampedWidth, height: clampedHeight)
  }

  /// A rect of `percentWidth`×`percentHeight` percent of `area`, centred.
  public static func centeredRect(percentWidth: Int, percentHeight: Int, in area: Rect) -> Rect {
    centeredRect(width: area.width * percentWidth / 100, height: area.height * percentHeight / 100, in: area)
  }

  /// Blanks `rect` so what was under it does not show through; cleans up wide characters cut by
  /// its edges.
  public static func clear(_ rect: Rect, buffer: inout Buffer, style: Style = .plain) {
    let target = rect.intersection(buffer.area)
    guard !target.isEmpty else { return }
    for y in target.y..<target.maxY {
      // A wide character starting just left of the rect loses its right half.
      if target.x > 0, buffer[target.x, y] == Cell.continuation || buffer[target.x, y].symbol.isEmpty {
        buffer[target.x - 1, y] = Cell(" ", style: buffer[target.x - 1, y].style)
      }
      // A wide character whose left half is cleared leaves an orphan continuation on the right.
      if target.maxX < buffer.size.width, buffer[target.maxX, y].symbol.isEmpty {
        buffer[target.maxX, y] = Cell(" ", style: buffer[target.maxX, y].style)
      }
    }
    buffer.fill(target, with: Cell(" ", style: style))
  }
}
