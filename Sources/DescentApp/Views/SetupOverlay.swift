import TerminalUI

/// `v`: the run's setup string across the screen, to copy.
///
/// The string starts in the first column with no border beside it, so a line copied with the
/// mouse is the string and nothing else; on a narrow screen it breaks after a `;` (the fields
/// can be pasted back with the line breaks: `--setup` ignores spaces and line ends around a
/// field). A rule above and below sets it apart from the panes.
struct SetupOverlay {
  let playground: Playground

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard area.width >= 10, area.height >= 5, case .success(let setup) = playground.setupText else { return }
    let symbols = theme.symbols
    let setupLines = Self.lines(of: setup, width: area.width).map { Line($0, style: theme.value) }
    var notes = [Line("paste it after descent play --setup or train --setup (in quotes) to repeat", style: theme.dim)]
    if playground.editedWeights {
      notes.append(Line("weights set by hand (e) are not part of it", style: theme.warning))
    }
    let noteLines = notes.flatMap { Paragraph([$0]).wrappedLines(width: area.width) }
    // Rules, a blank line around the string, the notes.
    let height = min(area.height, setupLines.count + noteLines.count + 4)
    let band = Rect(x: area.x, y: area.y + (area.height - height) / 2, width: area.width, height: height)
    Overlay.clear(band, buffer: &buffer)
    let rule = symbols.lightBorder.horizontal
    let title = rule + " Setup " + symbols.separator + " any key closes "
    buffer.write(title + String(repeating: rule, count: max(0, area.width - DisplayWidth.of(title))), x: band.x, y: band.y, style: theme.border, clip: band)
    buffer.write(String(repeating: rule, count: area.width), x: band.x, y: band.maxY - 1, style: theme.border, clip: band)
    var y = band.y + 2
    for line in setupLines + [Line("")] + noteLines where y < band.maxY - 1 {
      buffer.write(line, x: band.x, y: y, clip: band)
      y += 1
    }
  }

  /// `setup` in lines of at most `width` columns, broken after a `;` (a field longer than a line
  /// is cut where the line ends).
  static func lines(of setup: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    let fields = setup.split(separator: ";", omittingEmptySubsequences: false)
    for (index, field) in fields.enumerated() {
      var piece = String(field) + (index < fields.count - 1 ? ";" : "")
      if !current.isEmpty, current.count + piece.count > width {
        lines.append(current)
        current = ""
      }
      while piece.count > width {
        lines.append(String(piece.prefix(width)))
        piece = String(piece.dropFirst(width))
      }
      current += piece
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
