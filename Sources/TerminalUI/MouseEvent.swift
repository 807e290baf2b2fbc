/// A mouse button pressed, moved while held, or released, at a cell of the screen.
///
/// Only reported while the app asks for the mouse (`TerminalBackend.setMouseReporting`) and the
/// terminal supports it; a terminal without a mouse never sends one, so nothing may depend on it.
public struct MouseEvent: Equatable, Hashable, Sendable {
  public enum Action: Equatable, Hashable, Sendable {
    case press
    /// Moved while the button is held (reported only where the terminal does so).
    case drag
    case release
  }

  public enum Button: Equatable, Hashable, Sendable {
    case left, middle, right
  }

  public var action: Action
  public var button: Button
  /// Column of the cell, from 0 at the left edge of the screen.
  public var x: Int
  /// Row of the cell, from 0 at the top of the screen.
  public var y: Int

  public init(_ action: Action, _ button: Button = .left, x: Int, y: Int) {
    self.action = action
    self.button = button
    self.x = x
    self.y = y
  }
}
