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
    // The pictures: the image with the window, and the map so far, as large as the pane allows.
    let productRows = (min(terms.count, 9) + 2) / 3
    func fitsAbove(_ scale: Int) -> Bool { area.height >= 1 + convolution.inputHeight * scale + productRows + 2 }
    // Larger only where both pictures fit side by side; at scale 1 the map may be clipped.
    let sideBySide = (1...Self.largestScale).last { scale in
      fitsAbove(scale) && area.width >= (convolution.inputWidth + convolution.outputWidth) * 2 * scale + 2
    }
    if let scale = sideBySide ?? (fitsAbove(1) ? 1 : nil) {
      let block = Block(x: area.x, y: y, scale: scale, area: area)
      drawImage(image, convolution: convolution, terms: terms, block: block, buffer: &buffer, theme: theme)
      let mapBlock = Block(x: area.x + convolution.inputWidth * 2 * scale + 2, y: y, scale: scale, area: area)
      drawMap(image, convolution: convolution, filter: filter, upTo: position, block: mapBlock, buffer: &buffer, theme: theme)
      y += convolution.inputHeight * scale
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

  /// Pixels drawn larger in a big pane: 2 × `scale` columns by `scale` rows each.
  static let largestScale = 3

  /// Where a picture's pixels go: pixel (`row`, `column`) covers 2·`scale` columns by `scale`
  /// rows from (`x`, `y`), clipped to `area`.
  private struct Block {
    let x: Int, y: Int, scale: Int, area: Rect

    /// Fills one pixel: `left` and `right` in its first and last column on every row, `fill`
    /// between; `topLeft` (when given) replaces its first cell.
    func draw(row: Int, column: Int, left: Cell, fill: Cell, right: Cell, topLeft: Cell? = nil, buffer: inout Buffer) {
      let width = 2 * scale
      for line in 0..<scale {
        let cellY = y + row * scale + line
        for offset in 0..<width {
          let cellX = x + column * width + offset
          guard area.contains(x: cellX, y: cellY) else { continue }
          var cell = offset == 0 ? left : offset == width - 1 ? right : fill
          if line == 0, offset == 0, let topLeft { cell = topLeft }
          buffer[cellX, cellY] = cell
        }
      }
    }
  }

  /// The image with the window's pixels bracketed.
  private func drawImage(
    _ image: [Double], convolution: ConvolutionAnatomy, terms: [ConvolutionAnatomy.Term], block: Block,
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
        let windowed = inWindow.contains(row * convolution.inputWidth + column)
        if theme.colorCount >= 256 {
          let style = Style(foreground: .indexed(214), background: grid.color(value, theme: theme), bold: true)
          let fill = Cell(" ", style: style)
          block.draw(
            row: row, column: column, left: windowed ? Cell("[", style: style) : fill, fill: fill,
            right: windowed ? Cell("]", style: style) : fill, buffer: &buffer)
        } else {
          let shade = grid.characterCell(value, theme: theme)
          block.draw(
            row: row, column: column, left: windowed ? Cell("[", style: theme.marker) : shade, fill: shade,
            right: windowed ? Cell("]", style: theme.marker) : shade, buffer: &buffer)
        }
      }
    }
  }

  /// The feature map of `filter`, filled in up to `position`, the current output bracketed.
  private func drawMap(
    _ image: [Double], convolution: ConvolutionAnatomy, filter: Int, upTo position: Int, block: Block,
    buffer: inout Buffer, theme: Theme
  ) {
    let values = (0..<convolution.positions).map { convolution.output(filter: filter, position: $0, image: image) }
    let grid = PixelGrid.signed(values, rows: convolution.outputHeight, columns: convolution.outputWidth)
    for index in 0..<convolution.positions {
      let row = index / convolution.outputWidth, column = index % convolution.outputWidth
      if index > position {
        let dot = Cell(theme.symbols.isUnicode ? "·" : ".", style: theme.dim)
        block.draw(row: row, column: column, left: .blank, fill: .blank, right: .blank, topLeft: dot, buffer: &buffer)
      } else if theme.colorCount >= 256 {
        let style = Style(foreground: .indexed(16), background: grid.color(values[index], theme: theme), bold: true)
        let fill = Cell(" ", style: style)
        let current = index == position
        block.draw(
          row: row, column: column, left: current ? Cell("[", style: style) : fill, fill: fill,
          right: current ? Cell("]", style: style) : fill, buffer: &buffer)
      } else {
        let cell = grid.characterCell(values[index], theme: theme)
        let current = index == position
        block.draw(
          row: row, column: column, left: current ? Cell("[", style: theme.marker) : cell, fill: cell,
          right: current ? Cell("]", style: theme.marker) : cell, buffer: &buffer)
      }
    }
  }
}
