import TerminalUI

/// What the program loop drives: an Elm-style model with one `update` and one `render`.
public protocol App {
  /// Applies one message; the only place state changes.
  mutating func update(_ message: Message) -> Command
  /// Draws the whole screen; the only place drawing happens.
  func render(into buffer: inout Buffer)
  /// True while the screen must keep changing without input (training is playing).
  var wantsFrames: Bool { get }
  /// Training steps taken so far in the current run, so the loop can measure their cost.
  var completedSteps: Int { get }
  /// True while the screen shows something the mouse works on (a drawing pad); otherwise the
  /// mouse is left to the terminal, so its own text selection keeps working.
  var wantsMouse: Bool { get }
}

extension App {
  /// Most screens have nothing for the mouse.
  public var wantsMouse: Bool { false }
}
