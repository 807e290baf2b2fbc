import TerminalUI

/// The mouse on the drawing pad: the left button paints the pixel under it (pressed or dragged),
/// the right button erases; anywhere else the mouse does nothing.
///
/// Clicking needs no drawing mode: the keys stay as they are and training goes on, so a learner
/// can draw while the network trains and watch its guess follow.
extension Playground {
  /// Whether the mouse has a use in the playground drawn in `area`: the drawing pad is among
  /// the panes shown (not behind Tab, not under the help box).
  public func wantsMouse(in area: Rect, theme: Theme) -> Bool {
    drawingPadContent(in: area, theme: theme) != nil && !showsHelp
  }

  /// Applies `event` to the playground drawn in `area` with `theme` (as `render` draws it), so
  /// the cell under the mouse is found without a terminal.
  public mutating func handleMouse(_ event: MouseEvent, in area: Rect, theme: Theme) {
    guard event.action != .release, !showsHelp, learningRateEntry == nil,
      let pixel = drawingPadPixel(atX: event.x, y: event.y, in: area, theme: theme)
    else { return }
    digitLab.pad.placeCursor(row: pixel.row, column: pixel.column)
    switch event.button {
    case .left: digitLab.pad.paint()
    case .right: digitLab.pad.erase()
    case .middle: break
    }
  }

  /// The pad pixel drawn at screen cell (`x`, `y`) when the playground is drawn in `area`, or
  /// nil when the pad is not there (not shown, or another pane).
  func drawingPadPixel(atX x: Int, y: Int, in area: Rect, theme: Theme) -> (row: Int, column: Int)? {
    guard let content = drawingPadContent(in: area, theme: theme) else { return nil }
    return DrawingPadView.geometry(in: content, side: digitLab.pad.side).pixel(atX: x, y: y)
  }

  /// Where the drawing pad's view draws when the playground is drawn in `area`, or nil when it
  /// is not shown (or the data are not images).
  private func drawingPadContent(in area: Rect, theme: Theme) -> Rect? {
    guard showsImages, let shown = layout(in: area, theme: theme).panes.first(where: { panes[$0.index] == .draw })
    else { return nil }
    let content = Self.contentRect(ofPane: shown.rect, theme: theme)
    return content.isEmpty ? nil : content
  }
}
