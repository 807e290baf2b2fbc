/// The characters widgets draw with, as data: a Unicode set and a plain ASCII set.
///
/// Widgets never spell a box or block character themselves; they ask the symbol set, so
/// `--ascii` swaps one value and every widget follows.
public struct SymbolSet: Equatable, Sendable {
  // MARK: - Borders

  /// The eight pieces of a box border.
  public struct BorderSymbols: Equatable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String

    public init(
      horizontal: String, vertical: String, topLeft: String, topRight: String,
      bottomLeft: String, bottomRight: String
    ) {
      self.horizontal = horizontal
      self.vertical = vertical
      self.topLeft = topLeft
      self.topRight = topRight
      self.bottomLeft = bottomLeft
      self.bottomRight = bottomRight
    }
  }

  /// The markers drawn on top of plots.
  public struct MarkerSymbols: Equatable, Sendable {
    /// A filled point (class 1, the current point).
    public var filled: String
    /// A hollow point (class 0).
    public var hollow: String
    /// A third class or a highlight.
    public var triangle: String
    /// A cross (wrongly classified, a diverged value).
    public var cross: String
    /// One step of a path.
    public var pathDot: String
    public var arrowUp: String
    public var arrowDown: String
    public var arrowLeft: String
    public var arrowRight: String

    public init(
      filled: String, hollow: String, triangle: String, cross: String, pathDot: String,
      arrowUp: String, arrowDown: String, arrowLeft: String, arrowRight: String
    ) {
      self.filled = filled
      self.hollow = hollow
      self.triangle = triangle
      self.cross = cross
      self.pathDot = pathDot
      self.arrowUp = arrowUp
      self.arrowDown = arrowDown
      self.arrowLeft = arrowLeft
      self.arrowRight = arrowRight
    }
  }

  /// True for the Unicode set: braille, blocks and half blocks may be used.
  public var isUnicode: Bool
  public var lightBorder: BorderSymbols
  public var roundedBorder: BorderSymbols
  /// A heavier border for the focused panel.
  public var thickBorder: BorderSymbols

  // MARK: - Blocks and ramps

  /// Horizontal fill from 0/8 to 8/8 of a cell, growing rightwards (index 0 is a space).
  public var horizontalEighths: [String]
  /// Vertical fill from 0/8 to 8/8 of a cell, growing upwards (index 0 is a space).
  public var verticalEighths: [String]
  /// Upper half, lower half and full block; ASCII has no half blocks and uses a ramp instead.
  public var upperHalf: String
  public var lowerHalf: String
  public var fullBlock: String
  /// Characters from empty to full, for monochrome heatmaps (index 0 is a space).
  public var shades: [String]
  /// Fill characters for the negative and positive sides of a signed bar in ASCII mode.
  /// In Unicode both are empty: the eighth blocks and colour show the sign.
  public var negativeBarFill: String
  public var positiveBarFill: String

  // MARK: - Lines, markers, text

  /// Dashed vertical mark (learning-rate change) and the plot-axis pieces.
  public var dashedVertical: String
  public var axisVertical: String
  public var axisHorizontal: String
  public var axisCorner: String
  /// The single character an ASCII canvas uses for a plotted cell.
  public var plotPoint: String
  public var markers: MarkerSymbols
  public var ellipsis: String
  /// A list bullet.
  public var bullet: String

  // MARK: - Sets

  /// Box drawing, eighth blocks, half blocks, braille.
  public static let unicode = SymbolSet(
    isUnicode: true,
    lightBorder: BorderSymbols(
      horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘"),
    roundedBorder: BorderSymbols(
      horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯"),
    thickBorder: BorderSymbols(
      horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛"),
    horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
    verticalEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    upperHalf: "▀", lowerHalf: "▄", fullBlock: "█",
    shades: [" ", "░", "▒", "▓", "█"],
    negativeBarFill: "", positiveBarFill: "",
    dashedVertical: "┊", axisVertical: "│", axisHorizontal: "─", axisCorner: "└",
    plotPoint: "•",
    markers: MarkerSymbols(
      filled: "●", hollow: "○", triangle: "▲", cross: "×", pathDot: "•",
      arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→"),
    ellipsis: "…", bullet: "•")

  /// Printable ASCII only: works on any terminal and in any font.
  public static let ascii = SymbolSet(
    isUnicode: false,
    lightBorder: BorderSymbols(
      horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+"),
    roundedBorder: BorderSymbols(
      horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+"),
    thickBorder: BorderSymbols(
      horizontal: "=", vertical: "#", topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#"),
    horizontalEighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
    verticalEighths: [" ", "_", "_", ".", ".", "-", "=", "=", "^"],
    upperHalf: "\"", lowerHalf: ",", fullBlock: "#",
    shades: [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"],
    negativeBarFill: "-", positiveBarFill: "+",
    dashedVertical: ":", axisVertical: "|", axisHorizontal: "-", axisCorner: "+",
    plotPoint: "*",
    markers: MarkerSymbols(
      filled: "o", hollow: "x", triangle: "^", cross: "X", pathDot: ".",
      arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">"),
    ellipsis: "~", bullet: "*")

  /// The set for a terminal: Unicode when it can show it, ASCII otherwise.
  public static func forCapabilities(_ capabilities: TerminalCapabilities) -> SymbolSet {
    capabilities.unicode ? .unicode : .ascii
  }

  // MARK: - Lookups

  /// The braille character with the given dots raised; bit `n` is dot `n+1` in Unicode order
  /// (0x01 top-left, 0x08 top-right, 0x40 bottom-left, 0x80 bottom-right). Empty dots are a space.
  public static func braille(_ dots: UInt8) -> String {
    brailleTable[Int(dots)]
  }

  private static let brailleTable: [String] = (0..<256).map { dots in
    if dots == 0 { return " " }
    return Unicode.Scalar(0x2800 + UInt32(dots)).map { String(Character($0)) } ?? " "
  }

  /// `text` as this set can show it: unchanged for Unicode, spelled in ASCII otherwise (see
  /// `ASCIITransliteration`).
  public func displayable(_ text: String) -> String {
    isUnicode ? text : ASCIITransliteration.text(text)
  }

  /// The shade for `fraction` in 0…1 (clamped; NaN is empty).
  public func shade(_ fraction: Double) -> String {
    guard fraction.isFinite else { return shades[0] }
    let clamped = Swift.min(1, Swift.max(0, fraction))
    let index = Int((clamped * Double(shades.count - 1)).rounded())
    return shades[index]
  }
}
