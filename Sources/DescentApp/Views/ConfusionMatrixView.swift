import NeuralEngine
import TerminalUI

/// The confusion matrix on the test split: a row per true class, a column per guess, so the
/// diagonal counts the right answers and every other number a kind of mistake (`3` read as
/// `8`). When the matrix does not fit, the most frequent mistakes are listed instead.
struct ConfusionMatrixView {
  let playground: Playground

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    guard let predictions = TestPredictions(session: playground.session) else {
      buffer.write("needs classification with a test split", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    let counts = predictions.confusion
    let classes = predictions.classCount
    let largest = counts.flatMap { $0 }.max() ?? 0
    let cellWidth = max(3, String(largest).count + 1)
    let labelWidth = String(classes - 1).count + 1
    let fits = area.height >= classes + 2 && area.width >= labelWidth + classes * cellWidth
    if fits {
      drawMatrix(counts, cellWidth: cellWidth, labelWidth: labelWidth, predictions: predictions, area: area, buffer: &buffer, theme: theme)
    } else {
      drawTopMistakes(counts, predictions: predictions, area: area, buffer: &buffer, theme: theme)
    }
  }

  private func drawMatrix(
    _ counts: [[Int]], cellWidth: Int, labelWidth: Int, predictions: TestPredictions, area: Rect, buffer: inout Buffer,
    theme: Theme
  ) {
    let symbols = theme.symbols
    let classes = counts.count
    let gridX = area.x + labelWidth
    for guess in 0..<classes {
      buffer.write(NumberFormat.padLeft(String(guess), to: cellWidth), x: gridX + guess * cellWidth, y: area.y, style: theme.label, clip: area)
    }
    let after = gridX + classes * cellWidth + 1
    buffer.write("guess", x: after, y: area.y, style: theme.dim, clip: area)
    for label in 0..<classes {
      let y = area.y + 1 + label
      buffer.write(NumberFormat.padLeft(String(label), to: labelWidth - 1), x: area.x, y: y, style: theme.label, clip: area)
      buffer.write(symbols.lightBorder.vertical, x: area.x + labelWidth - 1, y: y, style: theme.dim, clip: area)
      for guess in 0..<classes {
        let count = counts[label][guess]
        let text: String
        let style: Style
        if count == 0 {
          text = symbols.isUnicode ? "·" : "."
          style = theme.dim
        } else {
          text = String(count)
          style = label == guess ? theme.value : theme.warning
        }
        buffer.write(NumberFormat.padLeft(text, to: cellWidth), x: gridX + guess * cellWidth, y: y, style: style, clip: area)
      }
      let total = counts[label].reduce(0, +)
      if total > 0 {
        let rate = ClassProbabilitiesView.percentText(Double(counts[label][label]) / Double(total))
        buffer.write(NumberFormat.padLeft(rate, to: 4), x: after, y: y, style: theme.dim, clip: area)
      }
    }
    let summaryY = area.y + 1 + classes
    if summaryY < area.maxY {
      let summary = "rows: true digit; \(predictions.mistakes.count) of \(predictions.labels.count) wrong"
      buffer.write(summary, x: area.x, y: summaryY, style: theme.label, clip: area)
    }
  }

  /// `3→8 ×4` lines, most frequent first, under a one-line summary.
  private func drawTopMistakes(_ counts: [[Int]], predictions: TestPredictions, area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    let summary = "\(predictions.mistakes.count)/\(predictions.labels.count) wrong; most often:"
    buffer.write(summary, x: area.x, y: area.y, style: theme.label, clip: area)
    var pairs: [(label: Int, guess: Int, count: Int)] = []
    for label in counts.indices {
      for guess in counts.indices where guess != label && counts[label][guess] > 0 {
        pairs.append((label, guess, counts[label][guess]))
      }
    }
    pairs.sort { $0.count != $1.count ? $0.count > $1.count : ($0.label, $0.guess) < ($1.label, $1.guess) }
    let arrow = symbols.isUnicode ? "→" : "->"
    let entryWidth = 10
    let perRow = max(1, (area.width + 2) / entryWidth)
    for (index, pair) in pairs.enumerated() {
      let y = area.y + 1 + index / perRow
      guard y < area.maxY else { break }
      let x = area.x + (index % perRow) * entryWidth
      let line = Line([
        Span("\(pair.label)\(arrow)\(pair.guess)", style: theme.warning),
        Span(" \(symbols.times)\(pair.count)", style: theme.label),
      ])
      buffer.write(line, x: x, y: y, clip: area)
    }
    if pairs.isEmpty, area.height >= 2 {
      buffer.write("none: every test sample is right", x: area.x, y: area.y + 1, style: theme.value, clip: area)
    }
  }
}
