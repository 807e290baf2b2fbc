/// A tiny chart of recent values: one column per value, eighth blocks growing upwards.
///
/// Values are scaled min–max over what is shown (or over `range`), the smallest still one
/// eighth high so the line never vanishes; constant values sit at half height; non-finite values
/// leave a gap. When there are more values than columns the most recent ones are shown.
///
/// ```swift
/// Sparkline(values: weightHistory, style: theme.value, symbols: theme.symbols)
///   .render(in: Rect(x: 20, y: 3, width: 12, height: 1), buffer: &buffer)
/// ```
public struct Sparkline: Widget, Equatable, Sendable {
  public var values: [Double]
  public var style: Style
  public var symbols: SymbolSet
  /// Fixed bounds; nil scales to the shown values.
  public var range: ClosedRange<Double>?

  public init(values: [Double], style: Style = .plain, symbols: SymbolSet = .unicode, range: ClosedRange<Double>? = nil) {
    self.values = values
    self.style = style
    self.symbols = symbols
    self.range = range
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty, !values.isEmpty else { return }
    let shown = values.suffix(area.width)
    var lower = Double.infinity, upper = -Double.infinity
    if let range, range.lowerBound.isFinite, range.upperBound.isFinite {
      (lower, upper) = (range.lowerBound, range.upperBound)
    } else {
      for value in shown where value.isFinite {
        lower = Swift.min(lower, value)
        upper = Swift.max(upper, value)
      }
    }
    let levels = area.height * 8
    for (offset, value) in shown.enumerated() {
      guard value.isFinite, lower <= upper else { continue }
      let level: Int
      if upper == lower {
        level = Swift.max(1, levels / 2)
      } else {
        let fraction = Swift.min(1, Swift.max(0, (value - lower) / (upper - lower)))
        level = 1 + Int((fraction * Double(levels - 1)).rounded())
      }
      let column = area.x + offset
      for row in 0..<area.height {
        let filled = Swift.min(8, Swift.max(0, level - row * 8))
        guard filled > 0 else { break }
        buffer[column, area.maxY - 1 - row] = Cell(symbols.verticalEighths[filled], style: style)
      }
    }
  }
}
