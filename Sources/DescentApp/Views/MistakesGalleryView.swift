import NeuralEngine
import TerminalUI

/// The test images the model still gets wrong, smallest first in split order, each captioned
/// `true→guess`: the mistakes a person can look at and judge (many are badly written).
struct MistakesGalleryView {
  let playground: Playground

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let shape = playground.configuration.dataset.inputShape
    guard playground.showsImages, let predictions = TestPredictions(session: playground.session) else {
      buffer.write("the gallery needs image data", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    let mistakes = predictions.mistakes
    buffer.write("\(mistakes.count) of \(predictions.labels.count) wrong", x: area.x, y: area.y, style: theme.label, clip: area)
    guard !mistakes.isEmpty else { return }
    let symbols = theme.symbols
    let sample = PixelGrid(values: [Double](repeating: 0, count: shape[1] * shape[2]), rows: shape[1], columns: shape[2], kind: .ink)
    let size = sample.size(scale: 1, theme: theme)
    let captionWidth = symbols.isUnicode ? 3 : 4
    let cell = Size(width: max(size.width, captionWidth) + 1, height: size.height + 1)
    let perRow = max(1, (area.width + 1) / cell.width)
    let rowCount = max(0, (area.height - 1) / cell.height)
    let shown = min(mistakes.count, perRow * rowCount)
    let arrow = symbols.isUnicode ? "→" : "->"
    for slot in 0..<shown {
      let index = mistakes[slot]
      guard let image = playground.testImage(at: index) else { continue }
      let x = area.x + (slot % perRow) * cell.width
      let y = area.y + 1 + (slot / perRow) * cell.height
      PixelGrid(values: image, rows: shape[1], columns: shape[2], kind: .ink)
        .render(x: x, y: y, scale: 1, buffer: &buffer, theme: theme, clip: area)
      let caption = "\(predictions.labels[index])\(arrow)\(predictions.guesses[index])"
      buffer.write(caption, x: x, y: y + size.height, style: theme.warning, clip: area)
    }
  }
}
