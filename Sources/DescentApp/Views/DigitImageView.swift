import NeuralEngine
import TerminalUI

/// A test digit as square pixels with its label and the model's guess, then a strip of the
/// next few test digits, each captioned `label→guess`.
///
/// The digit is drawn as large as fits beside its text; `x` shows the next digit, `X` the one
/// before.
struct DigitImageView {
  let playground: Playground

  /// Columns of the text beside the digit.
  private static let textWidth = 15

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let shape = playground.configuration.dataset.inputShape
    guard playground.showsImages, let image = playground.testImage(at: playground.digitLab.shownTestIndex) else {
      buffer.write("the digit view needs image data", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    let rows = shape[1], columns = shape[2]
    let grid = PixelGrid(values: image, rows: rows, columns: columns, kind: .ink)
    let stripHeight = grid.size(scale: 1, theme: theme).height + 1
    // The digit as large as fits beside the text, leaving room for the strip when it is tall.
    var imageRoom = Size(width: area.width - Self.textWidth - 1, height: area.height)
    if area.height >= grid.size(scale: 2, theme: theme).height + stripHeight + 1 { imageRoom.height -= stripHeight + 1 }
    let index = playground.digitLab.shownTestIndex % max(1, playground.testImageCount)
    let scale = grid.largestScale(fitting: imageRoom, theme: theme)
    var imageSize = Size(width: 0, height: 0)
    var imageBottom = area.y
    if scale > 0 {
      grid.render(x: area.x, y: area.y, scale: scale, buffer: &buffer, theme: theme, clip: area)
      imageSize = grid.size(scale: scale, theme: theme)
      drawText(for: image, index: index, x: area.x + imageSize.width + 1, area: area, buffer: &buffer, theme: theme)
      imageBottom = area.y + max(imageSize.height, 5)
    } else {
      // Too narrow to set them side by side: the text, then the digit under it.
      let textHeight = min(area.height, 4)
      drawText(for: image, index: index, x: area.x, area: Rect(x: area.x, y: area.y, width: area.width, height: textHeight), buffer: &buffer, theme: theme)
      let below = Size(width: area.width, height: area.height - textHeight)
      let belowScale = grid.largestScale(fitting: below, theme: theme)
      imageBottom = area.y + textHeight
      if belowScale > 0 {
        grid.render(x: area.x, y: imageBottom, scale: belowScale, buffer: &buffer, theme: theme, clip: area)
        imageBottom += grid.size(scale: belowScale, theme: theme).height
      }
    }
    // The strip of the next digits: under the digit when there is room, else nothing.
    let stripTop = imageBottom + 1
    if stripTop + stripHeight <= area.maxY {
      drawStrip(from: index + 1, grid: grid, top: stripTop, area: area, buffer: &buffer, theme: theme)
    }
  }

  /// `test 13/359`, `label 3`, `guess 3 97% ✓`, `x next`.
  private func drawText(for image: [Double], index: Int, x: Int, area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    let text = Rect(x: x, y: area.y, width: max(0, area.maxX - x), height: area.height)
    guard !text.isEmpty else { return }
    let probabilities = playground.probabilities(for: image)
    let guess = ClassProbabilitiesView.guess(probabilities)
    let label = playground.testLabel(at: index)
    var y = text.y
    buffer.write("test \(index + 1)/\(playground.testImageCount)", x: text.x, y: y, style: theme.dim, clip: text)
    y += 1
    if let label {
      _ = buffer.write(Line([Span("label ", style: theme.label), Span(String(label), style: theme.value)]), x: text.x, y: y, clip: text)
      y += 1
    }
    if let guess {
      let right = guess == label
      let mark = right ? (symbols.isUnicode ? "✓" : "ok") : symbols.markers.cross
      let line = Line([
        Span("guess ", style: theme.label), Span(String(guess), style: right ? theme.value : theme.warning),
        Span(" " + ClassProbabilitiesView.percentText(probabilities[guess]) + " ", style: theme.label),
        Span(mark, style: right ? theme.value : theme.warning),
      ])
      buffer.write(line, x: text.x, y: y, clip: text)
      y += 1
    }
    if y < text.maxY - 1 || text.height >= 5 {
      buffer.write("x next, X back", x: text.x, y: min(text.maxY - 1, y + 1), style: theme.dim, clip: text)
    }
  }

  /// The next test digits at the smallest scale, each with `label→guess` under it.
  private func drawStrip(from start: Int, grid: PixelGrid, top: Int, area: Rect, buffer: inout Buffer, theme: Theme) {
    let symbols = theme.symbols
    let size = grid.size(scale: 1, theme: theme)
    let captionWidth = symbols.isUnicode ? 3 : 4
    let width = max(size.width, captionWidth) + 1
    let count = (area.width + 1) / width
    let shape = playground.configuration.dataset.inputShape
    for slot in 0..<count {
      let index = start + slot
      guard let image = playground.testImage(at: index) else { return }
      let x = area.x + slot * width
      PixelGrid(values: image, rows: shape[1], columns: shape[2], kind: .ink)
        .render(x: x, y: top, scale: 1, buffer: &buffer, theme: theme, clip: area)
      let guess = ClassProbabilitiesView.guess(playground.probabilities(for: image))
      let label = playground.testLabel(at: index)
      let style = guess == label ? theme.value : theme.warning
      let caption = "\(label.map(String.init) ?? "?")\(symbols.isUnicode ? "→" : "->")\(guess.map(String.init) ?? "?")"
      buffer.write(caption, x: x, y: top + size.height, style: style, clip: area)
    }
  }
}
