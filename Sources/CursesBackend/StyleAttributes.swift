import CNCurses
import TerminalUI

/// The curses attribute bits of a `Style`, without its colours.
public enum StyleAttributes {
  /// `A_BOLD`, `A_DIM`, `A_ITALIC`, `A_UNDERLINE`, `A_REVERSE` combined as the style asks.
  public static func attributes(of style: Style) -> attr_t {
    var bits = NC_A_NORMAL
    if style.bold { bits |= NC_A_BOLD }
    if style.dim { bits |= NC_A_DIM }
    if style.italic { bits |= NC_A_ITALIC }
    if style.underline { bits |= NC_A_UNDERLINE }
    if style.reverse { bits |= NC_A_REVERSE }
    return bits
  }
}
