/// A key the learner pressed, independent of how the terminal encoded it.
public enum Key: Equatable, Hashable, Sendable {
  case character(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, tab, backTab, backspace, delete, escape
  case function(Int)
  /// Ctrl plus a letter, e.g. `.control("c")`.
  case control(Character)
}

/// What the backend reports to the program loop.
public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  case resize(Size)
  case mouse(MouseEvent)
  /// Nothing happened within the wait: time to advance training and redraw.
  case tick
}

/// What the terminal can show, decided once at start-up.
public struct TerminalCapabilities: Equatable, Sendable {
  /// 0 (monochrome), 8, or 256.
  public var colorCount: Int
  /// Braille, blocks and box drawing can be shown; otherwise the ASCII symbol set is used.
  public var unicode: Bool

  public init(colorCount: Int, unicode: Bool) {
    self.colorCount = colorCount
    self.unicode = unicode
  }
}

/// The one thing that talks to a real terminal. Views never see it; tests use an in-memory one.
public protocol TerminalBackend {
  var size: Size { get }
  var capabilities: TerminalCapabilities { get }
  /// Shows `buffer`, sending only cells that differ from what is on screen.
  mutating func draw(_ buffer: Buffer)
  /// Waits for the next event: up to `timeoutMilliseconds` (then `.tick`), or forever when nil.
  mutating func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent
  /// Asks the terminal to report the mouse (`.mouse` events) or to stop, giving the mouse back
  /// to the terminal's own text selection. Does nothing where the terminal has no mouse.
  mutating func setMouseReporting(_ enabled: Bool)
}
