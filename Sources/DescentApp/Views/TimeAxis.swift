import TerminalUI

/// How the time steps of a sequence map onto the columns of a pane: one column per step when
/// they fit (up to `widest` columns per step in a wide pane, so a short sequence is not a thin
/// strip in a large terminal), otherwise each column stands for a run of neighbouring steps
/// (their mean is drawn).
struct TimeAxis: Equatable {
  /// Time steps in the sequence.
  let steps: Int
  /// Columns each step takes (1 when steps share columns).
  let columnsPerStep: Int
  /// Columns used: `steps × columnsPerStep`, or all of the room when the steps do not fit.
  let columns: Int

  init(steps: Int, room: Int, widest: Int = 1) {
    self.steps = max(0, steps)
    let room = max(0, room)
    columnsPerStep = self.steps > 0 ? max(1, min(widest, room / self.steps)) : 1
    columns = min(self.steps * columnsPerStep, room)
  }

  /// True when every column is exactly one step.
  var isOneStepPerColumn: Bool { columns == steps }

  /// The steps column `column` stands for (never empty while there are steps).
  func steps(inColumn column: Int) -> Range<Int> {
    guard columns > 0 else { return 0..<0 }
    if columnsPerStep > 1 { return (column / columnsPerStep)..<(column / columnsPerStep + 1) }
    let start = column * steps / columns
    let end = max(start + 1, (column + 1) * steps / columns)
    return start..<min(end, steps)
  }

  /// The (first) column that shows `step`.
  func column(ofStep step: Int) -> Int {
    guard steps > 0 else { return 0 }
    if columnsPerStep > 1 { return min(columns - 1, max(0, step * columnsPerStep)) }
    return min(columns - 1, max(0, step * columns / steps))
  }

  /// `values` (one per step) as one value per column: the mean of each column's steps. With
  /// `gaps`, the last column of a step several columns wide is NaN (drawn blank), so bars of
  /// neighbouring steps stay apart and can be counted.
  func binned(_ values: [Double], gaps: Bool = false) -> [Double] {
    (0..<columns).map { column in
      if gaps, columnsPerStep > 1, column % columnsPerStep == columnsPerStep - 1 { return .nan }
      let range = steps(inColumn: column).clamped(to: 0..<values.count)
      guard !range.isEmpty else { return .nan }
      return values[range].reduce(0, +) / Double(range.count)
    }
  }
}

/// Drawing helpers the sequence views share.
enum SequenceDrawing {
  /// One row of bars, one per column, each `fraction` (0…1) of a cell high; at least one eighth
  /// so a closed gate still shows; non-finite values stay blank.
  static func barRow(
    _ fractions: [Double], x: Int, y: Int, clip: Rect, buffer: inout Buffer, theme: Theme,
    style: (Double) -> Style
  ) {
    bars(fractions, x: x, bottom: y, height: 1, clip: clip, buffer: &buffer, theme: theme, style: style)
  }

  /// Bars `height` rows tall standing on row `bottom`, one per column, each `fraction` (0…1) of
  /// the height; at least one eighth of a cell so a closed gate still shows; non-finite values
  /// stay blank.
  static func bars(
    _ fractions: [Double], x: Int, bottom: Int, height: Int, clip: Rect, buffer: inout Buffer, theme: Theme,
    style: (Double) -> Style
  ) {
    let eighths = theme.symbols.verticalEighths
    let levels = 8 * max(1, height)
    for (offset, fraction) in fractions.enumerated() where fraction.isFinite {
      let clamped = min(1, max(0, fraction))
      let level = max(1, Int((clamped * Double(levels)).rounded()))
      let column = x + offset
      guard column >= clip.x, column < clip.maxX else { continue }
      for row in 0..<max(1, height) {
        let filled = min(8, level - row * 8)
        let y = bottom - row
        guard filled > 0 else { break }
        guard y >= clip.y, y < clip.maxY else { continue }
        buffer[column, y] = Cell(eighths[filled], style: style(clamped))
      }
    }
  }

  /// The colour (foreground only) of a 0…1 fraction on the sequential scale; plain in monochrome.
  static func sequentialStyle(_ fraction: Double, theme: Theme) -> Style {
    guard theme.colorCount > 0 else { return .plain }
    let scale = ColorScale.sequential(lower: 0, upper: 1, colorCount: theme.colorCount)
    return Style(foreground: scale.color(fraction))
  }

  /// A label cut or padded to exactly `width` columns.
  static func label(_ text: String, width: Int) -> String {
    let cut = String(text.prefix(max(0, width)))
    return cut + String(repeating: " ", count: max(0, width - cut.count))
  }
}
