/// A bordered panel with a title on the left and an optional title on the right.
///
/// ```swift
/// let inner = Block(title: "Loss", rightTitle: "step 120", focused: true, theme: theme)
///   .render(in: area, buffer: &buffer)
/// ```
public struct Block: Widget, Equatable, Sendable {
  /// Which border pieces to draw.
  public enum BorderKind: Equatable, Sendable {
    case light, rounded, thick
    /// No border: the title (if any) takes the first row.
    case none
  }

  public var title: String?
  public var rightTitle: String?
  public var border: BorderKind
  public var focused: Bool
  public var symbols: SymbolSet
  public var borderStyle: Style
  public var focusedBorderStyle: Style
  public var titleStyle: Style

  public init(
    title: String? = nil, rightTitle: String? = nil, border: BorderKind = .rounded, focused: Bool = false,
    symbols: SymbolSet = .unicode, borderStyle: Style = .plain, focusedBorderStyle: Style = Style(bold: true),
    titleStyle: Style = Style(bold: true)
  ) {
    self.title = title
    self.rightTitle = rightTitle
    self.border = border
    self.focused = focused
    self.symbols = symbols
    self.borderStyle = borderStyle
    self.focusedBorderStyle = focusedBorderStyle
    self.titleStyle = titleStyle
  }

  /// A block styled by `theme`: its symbols, border and title styles.
  public init(title: String? = nil, rightTitle: String? = nil, focused: Bool = false, theme: Theme) {
    self.init(
      title: title, rightTitle: rightTitle, border: theme.symbols.isUnicode ? .rounded : .light, focused: focused,
      symbols: theme.symbols, borderStyle: theme.border, focusedBorderStyle: theme.focusedBorder,
      titleStyle: theme.title)
  }

  // MARK: - Geometry

  /// The area left inside the border (or below the title when there is no border).
  public func inner(_ area: Rect) -> Rect {
    switch border {
    case .none:
      let hasTitle = title != nil || rightTitle != nil
      return hasTitle ? Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) : area
    default:
      return area.inset(by: 1)
    }
  }

  // MARK: - Drawing

  public func render(in area: Rect, buffer: inout Buffer) {
    draw(in: area, buffer: &buffer)
  }

  /// Draws the border and titles; returns the inner area for the content.
  @discardableResult
  public func draw(in area: Rect, buffer: inout Buffer) -> Rect {
    guard !area.isEmpty else { return inner(area) }
    let style = focused ? focusedBorderStyle : borderStyle
    if let pieces = borderSymbols {
      let right = area.maxX - 1, bottom = area.maxY - 1
      for x in area.x..<area.maxX {
        buffer[x, area.y] = Cell(pieces.horizontal, style: style)
        buffer[x, bottom] = Cell(pieces.horizontal, style: style)
      }
      for y in area.y..<area.maxY {
        buffer[area.x, y] = Cell(pieces.vertical, style: style)
        buffer[right, y] = Cell(pieces.vertical, style: style)
      }
      if area.width >= 2 && area.height >= 2 {
        buffer[area.x, area.y] = Cell(pieces.topLeft, style: style)
        buffer[right, area.y] = Cell(pieces.topRight, style: style)
        buffer[area.x, bottom] = Cell(pieces.bottomLeft, style: style)
        buffer[right, bottom] = Cell(pieces.bottomRight, style: style)
      }
    }
    drawTitles(in: area, buffer: &buffer)
    return inner(area)
  }

  // MARK: - Private

  private var borderSymbols: SymbolSet.BorderSymbols? {
    switch border {
    case .light: return symbols.lightBorder
    case .rounded: return symbols.roundedBorder
    case .thick: return symbols.thickBorder
    case .none: return nil
    }
  }

  /// Titles sit on the top row between the corners, with a space either side; the left title
  /// wins space and is cut with an ellipsis; the right title is dropped when it does not fit.
  private func drawTitles(in area: Rect, buffer: inout Buffer) {
    let inset = border == .none ? 0 : 1
    let row = Rect(x: area.x + inset, y: area.y, width: area.width - 2 * inset, height: 1)
    guard row.width > 0 else { return }
    var used = 0
    if let title, !title.isEmpty {
      let text = " \(title) ".truncated(toWidth: row.width, ellipsis: symbols.ellipsis)
      used = buffer.write(text, x: row.x, y: row.y, style: titleStyle, clip: row) - row.x
    }
    if let rightTitle, !rightTitle.isEmpty {
      let text = " \(rightTitle) "
      let width = DisplayWidth.of(text)
      if used + width <= row.width {
        buffer.write(text, x: row.maxX - width, y: row.y, style: titleStyle, clip: row)
      }
    }
  }
}
