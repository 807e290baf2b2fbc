import TerminalUI

/// Placeholder until branch `views-plots` is merged: draws the view's name centred.
struct LossBowlView {
  let playground: Playground

  init(playground: Playground) {
    self.playground = playground
  }

  /// Draws the view's name in the middle of `area`.
  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    let row = Rect(x: area.x, y: area.y + area.height / 2, width: area.width, height: 1)
    Paragraph([Line("LossBowlView", style: theme.dim)], alignment: .center, wraps: false).render(in: row, buffer: &buffer)
  }
}
