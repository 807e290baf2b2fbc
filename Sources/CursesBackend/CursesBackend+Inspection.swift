import CNCurses
import TerminalUI

/// Reading curses' idea of the screen back: for tests with an offscreen backend.
extension CursesBackend {
  /// The text curses holds for row `y` (wide characters once, their continuation columns skipped).
  func screenText(row y: Int) -> String {
    var scalars = String.UnicodeScalarView()
    var x = 0
    while x < size.width {
      var text = [wchar_t](repeating: 0, count: 8)
      var attributes: attr_t = 0
      var pair: Int32 = 0
      guard nc_get_cell(window, Int32(y), Int32(x), &text, &attributes, &pair) == OK else { break }
      let cellScalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
      scalars.append(contentsOf: cellScalars)
      let width = cellScalars.first.map { DisplayWidth.of($0) } ?? 1
      x += max(1, width)
    }
    return String(scalars)
  }

  /// The attributes (without colour bits) and the colour pair's (foreground, background) (-1, -1 without colours) of cell (`x`, `y`).
  func cellLook(x: Int, y: Int) -> (attributes: attr_t, foreground: Int32, background: Int32)? {
    var text = [wchar_t](repeating: 0, count: 8)
    var attributes: attr_t = 0
    var pair: Int32 = 0
    guard nc_get_cell(window, Int32(y), Int32(x), &text, &attributes, &pair) == OK else { return nil }
    var foreground: Int32 = -1
    var background: Int32 = -1
    if capabilities.colorCount > 0, extended_pair_content(pair, &foreground, &background) != OK { return nil }
    return (attributes & ~NC_A_COLOR, foreground, background)
  }
}
