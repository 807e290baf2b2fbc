import NeuralEngine
import TerminalUI

/// One LSTM unit over the shown sequence, step by step: its forget, input and output gates as
/// bars (empty = closed, full = open, 0…1), its candidate g (−1 empty, 0 half, +1 full), then its
/// cell state c (long-term memory) and hidden state h (short-term memory) as sparklines, under
/// the inputs that drove them. Signed rows are coloured blue below zero, orange above.
///
/// ```
/// unit 5/16 auto · last c 0.93 · u unit · x sample
/// bit    ▁█▁▁██▁█▁▁▁██▁█▁▁▁█▁██▁▁█▁█▁▁█
/// marker ▁▁▁█▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁
/// forget  ▆▆▆▅▆▆▆▆▆▆▆▆▆▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇
/// input   ▅▅▅▄▅▅▅▅▅▅▅▅▅▅▅▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆
/// cand.   ▄▄▄▂▄▄▄▄▄▄▃▃▂▂▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁
/// output  ▅▅▅▅▅▅▅▅▅▅▅▅▆▆▆▆▆▆▇▇▇▇▇▇▇▇▇▇▇▇
/// c long  ███████▇▇▇▇▆▆▅▅▄▄▃▃▂▂▂▂▁▁▁▁▁▁▁
/// h short ███████▇▇▇▆▆▅▄▃▃▂▂▂▁▁▁▁▁▁▁▁▁▁▁
/// ```
///
/// The unit is the one `u` picked, or the one that sways this sequence's answer most (see
/// `SequenceProbe.unit(chosen:)`). The sparklines are scaled to the unit's own range (with zero
/// in it); the last c is in the header row. Rows that do not fit are dropped from the inputs
/// first.
struct LSTMGatesView {
  let playground: Playground

  /// Columns the row names take (`h short` and a space).
  static let labelWidth = 8

  /// One row of the view: its name and its values per step, with how they are scaled.
  private struct Row {
    enum Scale { case unit, signedUnit, ownRange }
    var name: String
    var values: [Double]
    var scale: Scale
  }

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let symbols = theme.symbols
    guard let probe = SequenceProbe(playground: playground), let gates = probe.gates else {
      Paragraph(symbols.displayable("gates belong to an LSTM layer; this network has none"), style: theme.dim)
        .render(in: area, buffer: &buffer)
      return
    }
    let unit = probe.unit(chosen: playground.shownUnit)
    let automatic = playground.shownUnit == nil
    let separator = " \(symbols.separator) "
    let cellEnd = gates.cell.last?[unit] ?? .nan
    var header = Line([
      Span("unit \(unit + 1)/\(probe.unitCount)", style: theme.value),
      Span((automatic ? " auto" : "") + separator + "last c ", style: theme.dim),
      Span(NumberFormat.compact(cellEnd), style: theme.value),
    ])
    let keys = Span(separator + "u unit" + separator + "x sample", style: theme.dim)
    if header.width + keys.width <= area.width { header.spans.append(keys) }
    buffer.write(header, x: area.x, y: area.y, clip: area)

    let memoryRows = [
      Row(name: "forget", values: gates.forget.map { $0[unit] }, scale: .unit),
      Row(name: "input", values: gates.input.map { $0[unit] }, scale: .unit),
      Row(name: "cand.", values: gates.candidate.map { $0[unit] }, scale: .signedUnit),
      Row(name: "output", values: gates.output.map { $0[unit] }, scale: .unit),
      Row(name: "c long", values: gates.cell.map { $0[unit] }, scale: .ownRange),
      Row(name: "h short", values: probe.hidden.map { $0[unit] }, scale: .ownRange),
    ]
    let inputRows = probe.featureNames.enumerated().prefix(2).map { feature, name in
      Row(name: name, values: probe.inputs.map { $0[feature] }, scale: .ownRange)
    }
    let room = area.height - 1
    let rows = Array(inputRows.suffix(max(0, room - memoryRows.count))) + memoryRows.prefix(room)
    let axis = TimeAxis(steps: probe.steps, room: area.width - Self.labelWidth, widest: 3)
    // Taller bars when there is room: up to three rows each, one blank row between them.
    var rowHeight = 1, pitch = 1
    for height in [3, 2] where rows.count * (height + 1) - 1 <= room {
      rowHeight = height
      pitch = height + 1
      break
    }
    for (index, row) in rows.enumerated() {
      let y = area.y + 1 + index * pitch + rowHeight - 1
      let isGate = row.scale == .unit
      let style = isGate ? theme.label : (inputRows.contains { $0.name == row.name } ? theme.dim : theme.value)
      buffer.write(SequenceDrawing.label(symbols.displayable(row.name), width: Self.labelWidth - 1), x: area.x, y: y, style: style, clip: area)
      let binned = axis.binned(row.values, gaps: true)
      let fractions: [Double]
      switch row.scale {
      case .unit:
        fractions = binned
      case .signedUnit:
        fractions = binned.map { 0.5 + 0.5 * $0 }
      case .ownRange:
        let lower = row.values.min() ?? 0, upper = row.values.max() ?? 1
        // A signed memory keeps zero in view: the scale spans at least 0 and both extremes.
        let low = min(lower, 0), high = max(upper, 0)
        fractions = binned.map { $0.isNaN ? .nan : high > low ? ($0 - low) / (high - low) : 0.5 }
      }
      let isInput = inputRows.contains { $0.name == row.name }
      let limit = max(1e-9, row.values.map(abs).max() ?? 1)
      let signedScale = theme.signedScale(limit: limit)
      for (column, fraction) in fractions.enumerated() {
        let value = binned[column]
        SequenceDrawing.bars(
          [fraction], x: area.x + Self.labelWidth + column, bottom: y, height: rowHeight, clip: area, buffer: &buffer, theme: theme
        ) { fraction in
          if isGate { return SequenceDrawing.sequentialStyle(fraction, theme: theme) }
          if isInput || theme.colorCount == 0 { return theme.value }
          return Style(foreground: signedScale.color(value))
        }
      }
    }
  }
}
