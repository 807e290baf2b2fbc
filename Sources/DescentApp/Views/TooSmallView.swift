import TerminalUI

/// The whole screen when the terminal is smaller than the playground needs: says how big it
/// must be and how big it is, centred; the next resize recovers.
struct TooSmallView {
  /// The smallest size that is drawn normally.
  let minimum: Size
  /// The terminal's size now.
  let current: Size

  init(minimum: Size, current: Size) {
    self.minimum = minimum
    self.current = current
  }

  /// Clears `area` and draws the message centred, word-wrapped to fit.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let times = theme.symbols.times
    let lines = [
      Line("Enlarge the terminal", style: theme.title),
      Line("to at least \(minimum.width)\(times)\(minimum.height)", style: theme.label),
      Line("(now \(current.width)\(times)\(current.height))", style: theme.dim),
    ]
    let paragraph = Paragraph(lines, alignment: .center)
    let height = min(area.height, paragraph.lineCount(width: area.width))
    let box = Rect(x: area.x, y: area.y + (area.height - height) / 2, width: area.width, height: height)
    paragraph.render(in: box, buffer: &buffer)
  }
}
