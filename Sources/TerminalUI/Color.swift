/// A colour as the learner's terminal may show it; the backend maps it down to what it has.
public enum Color: Equatable, Hashable, Sendable {
  /// The terminal's own foreground or background.
  case `default`
  /// One of the eight basic colours (0 black … 7 white); every colour terminal has these.
  case basic(UInt8)
  /// An index into the 256-colour palette; shown as the nearest basic colour on 8-colour terminals.
  case indexed(UInt8)

  public static let black = Color.basic(0)
  public static let red = Color.basic(1)
  public static let green = Color.basic(2)
  public static let yellow = Color.basic(3)
  public static let blue = Color.basic(4)
  public static let magenta = Color.basic(5)
  public static let cyan = Color.basic(6)
  public static let white = Color.basic(7)
}
