import NeuralEngine
import TerminalUI

/// The model's probability for each class of the current image: one bar per class (softmax
/// output), the model's guess in bold, the true class marked.
///
/// Ten rows when there is room (`3 ██████▌   82%`), otherwise ten upright bars side by side with
/// the classes under them.
struct ClassProbabilitiesView {
  let probabilities: [Double]
  /// The true class, when it is known (not for a drawing).
  let label: Int?

  init(probabilities: [Double], label: Int?) {
    self.probabilities = probabilities
    self.label = label
  }

  /// The probabilities of the playground's current image.
  init(playground: Playground) {
    let image = playground.currentImage
    probabilities = image.map { playground.probabilities(for: $0) } ?? []
    label = playground.currentLabel
  }

  /// The class with the highest probability (the first of equals); nil when there is none.
  static func guess(_ probabilities: [Double]) -> Int? {
    var best: Int?
    for (index, value) in probabilities.enumerated() where value.isFinite {
      if let current = best, probabilities[current] >= value { continue }
      best = index
    }
    return best
  }

  /// `97%`, `<1%` for a small but non-zero probability, `0%`.
  static func percentText(_ probability: Double) -> String {
    guard probability.isFinite else { return NumberFormat.notANumber }
    if probability > 0, probability < 0.005 { return "<1%" }
    return "\(Int((min(1, max(0, probability)) * 100).rounded()))%"
  }

  // MARK: - Drawing

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    guard !probabilities.isEmpty else {
      buffer.write("probabilities need image data", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    if area.height >= probabilities.count {
      drawRows(in: area, buffer: &buffer, theme: theme)
    } else {
      drawColumns(in: area, buffer: &buffer, theme: theme)
    }
  }

  /// `3 ██████▌   82% ◀ true`: class, bar, percentage, marks.
  private func drawRows(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    let guess = Self.guess(probabilities)
    let classWidth = String(probabilities.count - 1).count
    let suffixWidth = label == nil ? 0 : 6
    let barWidth = max(1, area.width - classWidth - 1 - 5 - suffixWidth)
    for (index, probability) in probabilities.enumerated() where index < area.height {
      let y = area.y + index
      let isGuess = index == guess
      var classStyle = theme.label
      classStyle.bold = isGuess
      var x = area.x
      buffer.write(NumberFormat.padLeft(String(index), to: classWidth), x: x, y: y, style: classStyle, clip: area)
      x += classWidth + 1
      let barStyle = isGuess ? theme.trainSeries : theme.dim
      drawBar(probability, width: barWidth, x: x, y: y, style: barStyle, buffer: &buffer, theme: theme, clip: area)
      x += barWidth
      var percentStyle = isGuess ? theme.value : theme.label
      percentStyle.bold = isGuess
      buffer.write(NumberFormat.padLeft(Self.percentText(probability), to: 5), x: x, y: y, style: percentStyle, clip: area)
      x += 5
      if index == label {
        let mark = " " + symbols.markers.arrowLeft + "true"
        buffer.write(symbols.displayable(mark), x: x, y: y, style: index == guess ? theme.value : theme.warning, clip: area)
      }
    }
  }

  /// Upright bars in eighth blocks, classes underneath, the guess and its percentage on top.
  private func drawColumns(in area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    let guess = Self.guess(probabilities)
    let columnWidth = max(1, min(3, area.width / max(1, probabilities.count)))
    let labelRow = area.maxY - 1
    let top = area.height >= 3 ? area.y + 1 : area.y
    let barHeight = max(0, labelRow - top)
    if area.height >= 3, let guess {
      let text = "guess \(guess) " + Self.percentText(probabilities[guess])
      buffer.write(text, x: area.x, y: area.y, style: theme.value, clip: area)
    }
    for (index, probability) in probabilities.enumerated() {
      let x = area.x + index * columnWidth
      guard x < area.maxX else { break }
      var style = index == label ? (index == guess ? theme.value : theme.warning) : theme.label
      style.bold = index == guess
      buffer.write(String(index), x: x, y: labelRow, style: style, clip: area)
      let barStyle = index == guess ? theme.trainSeries : theme.dim
      let eighths = Int((min(1, max(0, probability.isFinite ? probability : 0)) * Double(barHeight * 8)).rounded())
      for row in 0..<barHeight {
        let filled = min(8, max(0, eighths - row * 8))
        guard filled > 0 else { break }
        let symbol = symbols.isUnicode ? symbols.verticalEighths[filled] : (filled >= 4 ? "#" : ".")
        buffer[x, labelRow - 1 - row] = Cell(symbol, style: barStyle)
      }
    }
  }

  private func drawBar(
    _ fraction: Double, width: Int, x: Int, y: Int, style: Style, buffer: inout Buffer, theme: Theme, clip: Rect
  ) {
    let symbols = theme.symbols
    let eighths = Int((min(1, max(0, fraction.isFinite ? fraction : 0)) * Double(width * 8)).rounded())
    for cell in 0..<width {
      let filled = min(8, max(0, eighths - cell * 8))
      guard filled > 0, clip.contains(x: x + cell, y: y) else { continue }
      let symbol = symbols.isUnicode ? symbols.horizontalEighths[filled] : (filled >= 4 ? "#" : "")
      if !symbol.isEmpty { buffer[x + cell, y] = Cell(symbol, style: style) }
    }
  }
}
