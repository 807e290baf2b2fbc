import NeuralEngine
import TerminalUI

/// One row per run: the key that hides it, its mark in its colour, the value of the setting that
/// varies, its loss now (and accuracy for a classifier) and whether it is still going; a run that
/// diverged says at which step it stopped.
struct RaceLegendView {
  let race: Race

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let symbols = theme.symbols
    let labelWidth = min(16, race.lanes.map { DisplayWidth.of(symbols.displayable($0.label)) }.max() ?? 0)
    let best = race.lanes.indices.filter { !race.lanes[$0].hasDiverged }.min { race.lanes[$0].loss < race.lanes[$1].loss }
    for (index, lane) in race.lanes.enumerated() {
      let row = area.y + index
      guard row < area.maxY else { break }
      let hidden = race.hiddenLanes.contains(index)
      let look = RaceLaneLook(index: index, theme: theme)
      let name = symbols.displayable(lane.label).truncated(toWidth: labelWidth, ellipsis: symbols.ellipsis)
      let label = name + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(name)))
      var spans = [
        Span("\(index + 1) ", style: theme.dim),
        Span(hidden ? " " : look.mark, style: look.style),
        Span(" " + label, style: hidden ? theme.dim : look.style),
        Span("  loss ", style: theme.label),
        Span(NumberFormat.padLeft(PlotText.number(lane.loss, width: 8, symbols: symbols), to: 8), style: hidden ? theme.dim : theme.value),
      ]
      if let accuracy = lane.session?.trainAccuracy {
        spans.append(Span("  acc ", style: theme.label))
        spans.append(Span(NumberFormat.padLeft("\(Int((accuracy * 100).rounded()))%", to: 4), style: hidden ? theme.dim : theme.value))
      }
      if let step = lane.divergedAtStep {
        spans.append(Span("  diverged at step \(step)", style: theme.warning))
      } else if hidden {
        spans.append(Span("  hidden", style: theme.dim))
      } else if index == best, race.lanes.count > 1, race.stepCount > 0 {
        spans.append(Span("  lowest", style: theme.label))
      }
      buffer.write(Line(spans), x: area.x, y: row, clip: area)
    }
  }
}
