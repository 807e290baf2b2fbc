import NeuralEngine
import TerminalUI

/// The recurrence unrolled: the shown sequence read left to right, one column per time step,
/// with each input feature as a row of bars, the hidden state hₜ below it as a heatmap (one row
/// per unit, blue negative, orange positive), and the network's output after the last step.
///
/// ```
/// sample 4/1000 · x next
/// bit    ▁█▁▁██▁█▁▁▁██▁█▁▁▁█▁██▁▁█▁█▁▁█
/// marker ▁▁▁█▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁
/// h 1-2  ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
/// …
///        t0 → t29
/// ŷ 0.97 → 1 · target 1 ✓
/// ```
///
/// With colour and Unicode a heatmap row holds two units (half blocks); in monochrome or ASCII
/// one unit per row, as shade characters. Units that do not fit are counted (`+10`).
struct UnrolledSequenceView {
  let playground: Playground

  /// Columns the row names take (`marker` and a space).
  static let labelWidth = 7

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let symbols = theme.symbols
    guard let probe = SequenceProbe(playground: playground) else {
      Paragraph(symbols.displayable("no recurrent layer: nothing to unroll"), style: theme.dim).render(in: area, buffer: &buffer)
      return
    }
    let axis = TimeAxis(steps: probe.steps, room: area.width - Self.labelWidth, widest: 3)
    let dataX = area.x + Self.labelWidth
    var y = area.y
    let header = "sample \(probe.sampleIndex + 1)/\(probe.sampleCount) \(symbols.separator) x next"
    buffer.write(header, x: area.x, y: y, style: theme.dim, clip: area)
    y += 1
    // Rows kept for the time axis and the output line at the bottom.
    let bottomRows = area.height >= 6 ? 2 : (area.height >= 4 ? 1 : 0)
    let lastDataRow = area.maxY - bottomRows
    for (feature, name) in probe.featureNames.enumerated().prefix(3) where y < lastDataRow {
      let values = probe.inputs.map { $0[feature] }
      let lower = values.min() ?? 0, upper = values.max() ?? 1
      let fractions = axis.binned(values, gaps: true).map { $0.isNaN ? .nan : upper > lower ? ($0 - lower) / (upper - lower) : 0.5 }
      buffer.write(SequenceDrawing.label(name, width: Self.labelWidth - 1), x: area.x, y: y, style: theme.label, clip: area)
      SequenceDrawing.barRow(fractions, x: dataX, y: y, clip: area, buffer: &buffer, theme: theme) { _ in theme.value }
      y += 1
    }
    drawHidden(probe, axis: axis, rows: y..<lastDataRow, area: area, buffer: &buffer, theme: theme)
    if bottomRows >= 2 {
      drawAxis(probe, axis: axis, y: area.maxY - 2, area: area, buffer: &buffer, theme: theme)
    }
    if bottomRows >= 1 {
      drawOutput(probe, y: area.maxY - 1, area: area, buffer: &buffer, theme: theme)
    }
  }

  /// The hidden state as a heatmap in `rows`: two units per row with half blocks in colour,
  /// one per row as shades otherwise; a count of the units left out on the last row's name.
  private func drawHidden(
    _ probe: SequenceProbe, axis: TimeAxis, rows: Range<Int>, area: Rect, buffer: inout Buffer, theme: Theme
  ) {
    guard !rows.isEmpty, probe.unitCount > 0 else { return }
    let symbols = theme.symbols
    let halfBlocks = symbols.isUnicode && theme.colorCount >= 8
    let unitsPerRow = halfBlocks ? 2 : 1
    let shownRows = min(rows.count, (probe.unitCount + unitsPerRow - 1) / unitsPerRow)
    let shownUnits = min(probe.unitCount, shownRows * unitsPerRow)
    let scale = theme.signedScale(limit: 1)
    let perUnit = (0..<shownUnits).map { unit in axis.binned(probe.hidden.map { $0[unit] }) }
    for row in 0..<shownRows {
      let y = rows.lowerBound + row
      let first = row * unitsPerRow
      var name = row == 0 ? "h" : ""
      if unitsPerRow == 2 { name = row == 0 ? "h 1-2" : "  \(first + 1)-\(first + 2)" }
      if name.count > Self.labelWidth - 1 { name = "\(first + 1)-\(first + 2)" }
      if row == shownRows - 1, shownUnits < probe.unitCount { name = "+\(probe.unitCount - shownUnits)" }
      buffer.write(SequenceDrawing.label(name, width: Self.labelWidth - 1), x: area.x, y: y, style: theme.label, clip: area)
      for column in 0..<axis.columns {
        let x = area.x + Self.labelWidth + column
        guard x < area.maxX else { break }
        let upper = perUnit[first][column]
        if halfBlocks {
          let lower = first + 1 < shownUnits ? perUnit[first + 1][column] : .nan
          var style = Style(foreground: scale.color(upper))
          style.background = lower.isNaN ? .default : scale.color(lower)
          buffer[x, y] = Cell(symbols.upperHalf, style: style)
        } else {
          buffer[x, y] = Cell(scale.shade(upper, symbols: symbols), style: theme.value)
        }
      }
    }
  }

  /// `t0` under the first column, an arrow, and the last step under the last column; the
  /// marked step, when there is one, pointed at.
  private func drawAxis(_ probe: SequenceProbe, axis: TimeAxis, y: Int, area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    let row = Rect(x: area.x, y: y, width: area.width, height: 1)
    let dataX = area.x + Self.labelWidth
    buffer.write("t", x: area.x, y: y, style: theme.dim, clip: row)
    let last = "\(probe.steps - 1)"
    if let marked = probe.markedStep {
      buffer.write(symbols.markers.arrowUp + "marked", x: dataX + axis.column(ofStep: marked), y: y, style: theme.marker, clip: row)
    } else {
      buffer.write("0", x: dataX, y: y, style: theme.dim, clip: row)
    }
    // Right-aligned under the last step's bar (its gap column, when steps are wide, left out).
    let lastBar = axis.columnsPerStep > 1 ? axis.columns - 2 : axis.columns - 1
    let lastX = dataX + lastBar + 1 - last.count
    if probe.steps > 1, buffer[lastX - 1, y].symbol == " " || probe.markedStep == nil {
      buffer.write(last, x: lastX, y: y, style: theme.dim, clip: row)
    }
  }

  /// `ŷ 0.97 → 1 · target 1 ✓` for a class; `ŷ 0.41 · target 0.43` for a number.
  private func drawOutput(_ probe: SequenceProbe, y: Int, area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    let separator = " \(symbols.separator) "
    let prediction = probe.output.first ?? .nan
    var spans = [Span(symbols.isUnicode ? "ŷ " : "y_hat ", style: theme.label), Span(NumberFormat.compact(prediction), style: theme.value)]
    if let predicted = probe.predictedClass, let target = probe.targetClass {
      let right = predicted == target
      spans += [
        Span(" \(symbols.markers.arrowRight) \(predicted)", style: theme.value), Span(separator + "target ", style: theme.label),
        Span("\(target) ", style: theme.value),
        Span(right ? (symbols.isUnicode ? "✓" : "ok") : symbols.markers.cross, style: right ? theme.positive : theme.warning),
      ]
    } else if let target = probe.target.first {
      spans += [Span(separator + "target ", style: theme.label), Span(NumberFormat.compact(target), style: theme.value)]
    }
    buffer.write(Line(spans), x: area.x, y: y, clip: Rect(x: area.x, y: y, width: area.width, height: 1))
  }
}
