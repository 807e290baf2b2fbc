import TerminalUI

/// How a race's run is told apart: its own colour and its own mark, so the picture reads in 256
/// colours, in 8, in monochrome and in ASCII alike.
///
/// The mark sits on the run's curve at intervals, at its current point on the bowl and before its
/// name in the legend; in ASCII it is the run's number, and the run's curve and path are drawn
/// with it.
struct RaceLaneLook {
  let style: Style
  let mark: String

  /// Most runs a race holds (one look each).
  static let capacity = 6

  /// The look of run `index` (0-based) in `theme`.
  init(index: Int, theme: Theme) {
    let slot = index % Self.capacity
    let unicodeMarks = ["●", "■", "▲", "◆", "▼", "★"]
    // In ASCII the run's number: no heatmap shade, axis or border uses a digit inside a plot.
    mark = theme.symbols.isUnicode ? unicodeMarks[slot] : String(slot + 1)
    switch theme.colorCount {
    case 256:
      let colours: [UInt8] = [39, 214, 77, 199, 141, 226]
      style = Style(foreground: .indexed(colours[slot]), bold: true)
    case 8:
      let colours: [Color] = [.cyan, .yellow, .green, .magenta, .red, .blue]
      style = Style(foreground: colours[slot], bold: true)
    default:
      // No colour: alternate bold and plain so neighbouring curves differ even where marks are far.
      style = slot % 2 == 0 ? Style(bold: true) : .plain
    }
  }
}
