import NeuralEngine
import TerminalUI

/// The convolution written out at one position: the image with the filter's window on it, the
/// feature map filled in up to that position, and the nine products `pixel × weight` with
/// their sum, the bias and the result — "the filter scans the image", one key press (`.`) per
/// step (`,` back, `f` the next filter).
struct ConvolutionStepView {
  let playground: Playground

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    guard let convolution = playground.convolution, let image = playground.currentImage else {
      buffer.write("needs a convolution layer", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    let filter = playground.digitLab.windowFilter % convolution.filters
    let position = playground.digitLab.windowPosition % convolution.positions
    let terms = convolution.terms(filter: filter, position: position, image: image)
    let symbols = theme.symbols
    let row = position / convolution.outputWidth, column = position % convolution.outputWidth
    var y = area.y
    let header = "filter \(filter + 1), output row \(row + 1) col \(column + 1)"
    buffer.write(header, x: area.x, y: y, style: theme.label, clip: area)
    y += 1
    // The pictures: the image with the window, and the map so far.
    let pictureHeight = convolution.inputHeight
    let productRows = (min(terms.count, 9) + 2) / 3
    if area.height >= 1 + pictureHeight + productRows + 2 {
      drawImage(image, convolution: convolution, terms: terms, x: area.x, y: y, area: area, buffer: &buffer, theme: theme)
      let mapX = area.x + convolution.inputWidth * 2 + 2
      drawMap(image, convolution: convolution, filter: filter, upTo: position, x: mapX, y: y, area: area, buffer: &buffer, theme: theme)
      y += pictureHeight
    }
    // The products, three to a row like the window.
    let times = symbols.times
    let entryWidth = 11
    for (index, term) in terms.prefix(9).enumerated() {
      let x = area.x + (index % 3) * (entryWidth + 1)
      let entryY = y + index / 3
      let pixel = PlotText.number(term.input, width: 4, symbols: symbols)
      let weight = PlotText.number(term.weight, width: 6, symbols: symbols)
      let line = Line([
        Span(pixel, style: term.input > 0 ? theme.value : theme.dim), Span(times, style: theme.dim),
        Span(weight, style: theme.signed(term.weight)),
      ])
      buffer.write(line, x: x, y: entryY, clip: area)
    }
    y += productRows
    let sum = terms.reduce(0) { $0 + $1.product }
    let bias = convolution.biases[filter]
    let total = sum + bias
    let sumLine = Line([
      Span("sum ", style: theme.label), Span(NumberFormat.compact(sum), style: theme.signed(sum)),
      Span(" + bias ", style: theme.label), Span(NumberFormat.compact(bias), style: theme.signed(bias)),
      Span(" = ", style: theme.label), Span(NumberFormat.compact(total), style: theme.value),
    ])
    buffer.write(sumLine, x: area.x, y: y, clip: area)
    y += 1
    if let activation = convolution.activation, y < area.maxY {
      let activated = activation([total]).first ?? total
      let line = Line([
        Span("\(activation.rawValue)(\(NumberFormat.compact(total))) = ", style: theme.label),
        Span(NumberFormat.compact(activated), style: theme.value),
      ])
      buffer.write(line, x: area.x, y: y, clip: area)
      y += 1
    }
    if y < area.maxY {
      buffer.write(". next  , back  f filter", x: area.x, y: y, style: theme.dim, clip: area)
    }
  }

  /// The image, two columns per pixel, with the window's pixels bracketed.
  private func drawImage(
    _ image: [Double], convolution: ConvolutionAnatomy, terms: [ConvolutionAnatomy.Term], x: Int, y: Int, area: Rect,
    buffer: inout Buffer, theme: Theme
  ) {
    let grid = PixelGrid(values: image, rows: convolution.inputHeight, columns: convolution.inputWidth, kind: .ink)
    var inWindow = Set<Int>()
    for term in terms.prefix(convolution.kernelSize * convolution.kernelSize) {
      if let row = term.inputRow, let column = term.inputColumn { inWindow.insert(row * convolution.inputWidth + column) }
    }
    for row in 0..<convolution.inputHeight {
      for column in 0..<convolution.inputWidth {
        let value = grid.value(row: row, column: column)
        let cellX = x + column * 2, cellY = y + row
        let windowed = inWindow.contains(row * convolution.inputWidth + column)
        var left: Cell, right: Cell
        if theme.colorCount >= 256 {
          let background = grid.color(value, theme: theme)
          left = Cell(windowed ? "[" : " ", style: Style(foreground: .indexed(214), background: background, bold: true))
          right = Cell(windowed ? "]" : " ", style: left.style)
        } else {
          let shade = grid.characterCell(value, theme: theme)
          left = windowed ? Cell("[", style: theme.marker) : shade
          right = windowed ? Cell("]", style: theme.marker) : shade
        }
        if area.contains(x: cellX, y: cellY) { buffer[cellX, cellY] = left }
        if area.contains(x: cellX + 1, y: cellY) { buffer[cellX + 1, cellY] = right }
      }
    }
  }

  /// The feature map of `filter`, filled in up to `position`, the current output bracketed.
  private func drawMap(
    _ image: [Double], convolution: ConvolutionAnatomy, filter: Int, upTo position: Int, x: Int, y: Int, area: Rect,
    buffer: inout Buffer, theme: Theme
  ) {
    let values = (0..<convolution.positions).map { convolution.output(filter: filter, position: $0, image: image) }
    let grid = PixelGrid.signed(values, rows: convolution.outputHeight, columns: convolution.outputWidth)
    for index in 0..<convolution.positions {
      let row = index / convolution.outputWidth, column = index % convolution.outputWidth
      let cellX = x + column * 2, cellY = y + row
      var pair: (Cell, Cell)
      if index > position {
        pair = (Cell(theme.symbols.isUnicode ? "·" : ".", style: theme.dim), Cell(" "))
      } else if theme.colorCount >= 256 {
        let style = Style(foreground: .indexed(16), background: grid.color(values[index], theme: theme), bold: true)
        pair = index == position ? (Cell("[", style: style), Cell("]", style: style)) : (Cell(" ", style: style), Cell(" ", style: style))
      } else {
        let cell = grid.characterCell(values[index], theme: theme)
        pair = index == position ? (Cell("[", style: theme.marker), Cell("]", style: theme.marker)) : (cell, cell)
      }
      if area.contains(x: cellX, y: cellY) { buffer[cellX, cellY] = pair.0 }
      if area.contains(x: cellX + 1, y: cellY) { buffer[cellX + 1, cellY] = pair.1 }
    }
  }
}
