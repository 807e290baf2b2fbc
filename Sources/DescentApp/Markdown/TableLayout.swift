import LessonKit
import TerminalUI

/// A Markdown table drawn with box lines, its columns fitted to the width.
///
/// Columns get their natural width when the table fits; otherwise the widest columns shrink one
/// column at a time and their cells wrap. A table too narrow even for one character per column
/// becomes one line per cell (`header: value`).
struct TableLayout {
  let header: [[Inline]]
  let rows: [[[Inline]]]
  let alignments: [TableAlignment]
  let renderer: MarkdownRenderer

  private var styles: LessonStyles { renderer.styles }
  private var columnCount: Int { header.count }

  func lines() -> [Line] {
    guard columnCount > 0 else { return [] }
    let available = renderer.width - (3 * columnCount + 1)
    guard available >= columnCount else { return fallbackLines() }
    var widths = (0..<columnCount).map { column in
      ([header] + rows).map { DisplayWidth.of($0[column].plainText) }.max().map { max(1, $0) } ?? 1
    }
    while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
      widths[widest] -= 1
    }
    var strong = styles.text
    strong.bold = true
    var result = [border(widths, left: corner(.topLeft), middle: tee("┬"), right: corner(.topRight))]
    result.append(contentsOf: row(header, widths: widths, base: strong))
    result.append(border(widths, left: tee("├"), middle: tee("┼"), right: tee("┤")))
    for cells in rows { result.append(contentsOf: row(cells, widths: widths, base: styles.text)) }
    result.append(border(widths, left: corner(.bottomLeft), middle: tee("┴"), right: corner(.bottomRight)))
    return result
  }

  // MARK: - Private

  private enum Corner { case topLeft, topRight, bottomLeft, bottomRight }

  private func corner(_ corner: Corner) -> String {
    let border = styles.symbols.lightBorder
    switch corner {
    case .topLeft: return border.topLeft
    case .topRight: return border.topRight
    case .bottomLeft: return border.bottomLeft
    case .bottomRight: return border.bottomRight
    }
  }

  /// A junction: the box-drawing tee in Unicode, `+` in ASCII.
  private func tee(_ unicode: String) -> String { styles.symbols.isUnicode ? unicode : "+" }

  private func border(_ widths: [Int], left: String, middle: String, right: String) -> Line {
    let horizontal = styles.symbols.lightBorder.horizontal
    let segments = widths.map { String(repeating: horizontal, count: $0 + 2) }
    return Line(left + segments.joined(separator: middle) + right, style: styles.decoration)
  }

  /// One table row: each cell wrapped to its column, as many lines as the tallest cell.
  private func row(_ cells: [[Inline]], widths: [Int], base: Style) -> [Line] {
    let wrapped = cells.indices.map { column in
      renderer.wrap(cells[column], base: base, width: widths[column])
    }
    let height = wrapped.map(\.count).max() ?? 1
    let bar = Span(styles.symbols.lightBorder.vertical, style: styles.decoration)
    return (0..<height).map { lineIndex in
      var spans = [bar]
      for column in cells.indices {
        let line = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : Line()
        let spare = max(0, widths[column] - line.width)
        let alignment = column < alignments.count ? alignments[column] : .none
        let before: Int
        switch alignment {
        case .right: before = spare
        case .center: before = spare / 2
        case .left, .none: before = 0
        }
        spans.append(Span(String(repeating: " ", count: 1 + before)))
        spans.append(contentsOf: line.spans)
        spans.append(Span(String(repeating: " ", count: 1 + spare - before)))
        spans.append(bar)
      }
      return Line(spans)
    }
  }

  /// For screens too narrow for the columns: `header: value` per cell, a blank line per row.
  private func fallbackLines() -> [Line] {
    var result: [Line] = []
    for (index, cells) in rows.enumerated() {
      if index > 0 { result.append(Line()) }
      for column in cells.indices {
        let label = [Inline(header[column].plainText + ":", style: .bold), Inline(" ")]
        result.append(contentsOf: renderer.wrap(label + cells[column], base: styles.text))
      }
    }
    return result
  }
}
