import CNCurses
import TerminalUI

/// Turns what `wget_wch` reports into a `Key`: pure, so it is tested without a terminal.
public enum KeyMapping {
  /// The key for a `wget_wch` result.
  ///
  /// - Parameters:
  ///   - code: the value stored by `wget_wch`: a curses key code (`KEY_UP` …) when `isKeyCode`, else a Unicode scalar.
  ///   - isKeyCode: `true` when `wget_wch` returned `KEY_CODE_YES`.
  /// - Returns: `nil` for codes Descent does not use (mouse, `KEY_RESIZE`, NUL, other control characters).
  public static func key(code: UInt32, isKeyCode: Bool) -> Key? {
    isKeyCode ? functionKey(Int32(bitPattern: code)) : characterKey(code)
  }

  private static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case nc_KEY_F(1)...nc_KEY_F(63): return .function(Int(code - nc_KEY_F(0)))
    default: return nil
    }
  }

  private static func characterKey(_ code: UInt32) -> Key? {
    switch code {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return Unicode.Scalar(code + 96).map { .control(Character($0)) }
    case 0...31, 0x80...0x9F: return nil
    default: return Unicode.Scalar(code).map { .character(Character($0)) }
    }
  }
}
