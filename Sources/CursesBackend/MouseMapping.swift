import CNCurses
import TerminalUI

/// Turns what `getmouse` reports into `MouseEvent`s: pure, so it is tested without a terminal.
///
/// ncurses reports a press and a release with their button, but a move while a button is held
/// (xterm's mode 1002) only as "the mouse moved" (`REPORT_MOUSE_POSITION`), without the button;
/// the mapping remembers which button went down, so a move is a drag of that button, and a move
/// with nothing held (a terminal reporting every move) is no event at all.
public struct MouseMapping: Equatable, Sendable {
  /// The button pressed and not yet released.
  public private(set) var heldButton: MouseEvent.Button?

  public init() {}

  /// The events Descent asks ncurses for: press and release of the three buttons, and moves.
  public static let reportedEvents: mmask_t =
    NC_BUTTON1_PRESSED | NC_BUTTON1_RELEASED | NC_BUTTON2_PRESSED | NC_BUTTON2_RELEASED | NC_BUTTON3_PRESSED
    | NC_BUTTON3_RELEASED | NC_REPORT_MOUSE_POSITION

  /// The event for one `getmouse` result: `state` is its `bstate`, (`x`, `y`) its cell.
  public mutating func event(state: mmask_t, x: Int32, y: Int32) -> MouseEvent? {
    let (column, row) = (Int(x), Int(y))
    guard column >= 0, row >= 0 else { return nil }
    let buttons: [(MouseEvent.Button, pressed: mmask_t, released: mmask_t)] = [
      (.left, NC_BUTTON1_PRESSED, NC_BUTTON1_RELEASED),
      (.middle, NC_BUTTON2_PRESSED, NC_BUTTON2_RELEASED),
      (.right, NC_BUTTON3_PRESSED, NC_BUTTON3_RELEASED),
    ]
    for (button, pressed, released) in buttons {
      if state & pressed != 0 {
        heldButton = button
        return MouseEvent(.press, button, x: column, y: row)
      }
      if state & released != 0 {
        if heldButton == button { heldButton = nil }
        return MouseEvent(.release, button, x: column, y: row)
      }
    }
    if state & NC_REPORT_MOUSE_POSITION != 0, let heldButton {
      return MouseEvent(.drag, heldButton, x: column, y: row)
    }
    return nil
  }
}
