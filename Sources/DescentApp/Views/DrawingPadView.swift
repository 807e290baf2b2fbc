import NeuralEngine
import TerminalUI

/// The learner's own digit on the 8×8 pad, large, with the cursor, beside the model's
/// probability for each class, updated with every stroke.
///
/// `d` starts drawing; then the arrows move, space paints, backspace erases, `c` clears and `d`
/// or Esc stop. Each pixel is a block of cells twice as wide as tall (cells are tall), the
/// cursor's pixel bracketed.
struct DrawingPadView {
  let playground: Playground

  /// Columns the probability list needs beside the pad.
  private static let probabilitiesWidth = 16

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    guard playground.showsImages else {
      buffer.write("drawing needs image data", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    let pad = playground.digitLab.pad
    let drawing = playground.digitLab.isDrawing
    let geometry = Self.geometry(in: area, side: pad.side)
    let (pixelWidth, pixelHeight) = (geometry.pixelWidth, geometry.pixelHeight)
    let padWidth = pixelWidth * pad.side
    for row in 0..<pad.side {
      for column in 0..<pad.side {
        let isCursor = drawing && row == pad.cursorRow && column == pad.cursorColumn
        drawPixel(
          pad.pixel(row: row, column: column), isCursor: isCursor, x: area.x + column * pixelWidth,
          y: area.y + row * pixelHeight, width: pixelWidth, height: pixelHeight, area: area, buffer: &buffer, theme: theme)
      }
    }
    let hintY = area.y + pad.side * pixelHeight
    let erase = theme.symbols.isUnicode ? "⌫" : "backspace"
    let hint = drawing ? "arrows move, space paint, \(erase) erase, c clear, d done" : "d: draw a digit"
    buffer.write(hint, x: area.x, y: hintY, style: drawing ? theme.highlight : theme.dim, clip: area)
    // The probabilities beside the pad.
    let probabilitiesArea = Rect(x: area.x + padWidth + 2, y: area.y, width: max(0, area.maxX - (area.x + padWidth + 2)), height: min(area.height, max(10, pad.side * pixelHeight)))
    guard !probabilitiesArea.isEmpty else { return }
    if pad.isBlank {
      buffer.write("blank pad", x: probabilitiesArea.x, y: probabilitiesArea.y, style: theme.dim, clip: probabilitiesArea)
      return
    }
    let probabilities = playground.probabilities(for: pad.pixels)
    ClassProbabilitiesView(probabilities: probabilities, label: nil)
      .render(in: probabilitiesArea, buffer: &buffer, theme: theme)
  }

  /// Where the pad's pixels are on screen: each a block of cells twice as wide as tall, from
  /// the view's top-left corner.
  struct Geometry: Equatable {
    /// The pad's visible cells (its pixels clipped to the view).
    var cells: Rect
    var pixelWidth: Int
    var pixelHeight: Int
    var side: Int

    /// The pad pixel (row, column) drawn at screen cell (`x`, `y`), or nil off the pad.
    func pixel(atX x: Int, y: Int) -> (row: Int, column: Int)? {
      guard cells.contains(x: x, y: y) else { return nil }
      let row = (y - cells.y) / pixelHeight, column = (x - cells.x) / pixelWidth
      guard (0..<side).contains(row), (0..<side).contains(column) else { return nil }
      return (row, column)
    }
  }

  /// The pad's geometry in the view's `area`: as large as fits beside the probabilities, over
  /// one row for the key hint.
  static func geometry(in area: Rect, side: Int) -> Geometry {
    let room = Size(width: area.width - probabilitiesWidth - 1, height: area.height - 1)
    let pixelHeight = max(1, min(room.height / side, room.width / (2 * side)))
    let pixelWidth = 2 * pixelHeight
    let full = Rect(x: area.x, y: area.y, width: pixelWidth * side, height: pixelHeight * side)
    return Geometry(cells: full.intersection(area), pixelWidth: pixelWidth, pixelHeight: pixelHeight, side: side)
  }

  /// One pixel as a `width × height` block: grey on 256 colours, shade characters otherwise
  /// (a dim dot for no ink, so the pad's extent shows); the cursor bracketed.
  private func drawPixel(
    _ value: Double, isCursor: Bool, x: Int, y: Int, width: Int, height: Int, area: Rect, buffer: inout Buffer,
    theme: Theme
  ) {
    let symbols = theme.symbols
    for row in 0..<height {
      for column in 0..<width {
        let cellX = x + column, cellY = y + row
        guard area.contains(x: cellX, y: cellY) else { continue }
        var cell: Cell
        if theme.colorCount >= 256 {
          let grey = UInt8(235 + Int((min(1, max(0, value)) * 20).rounded()))
          cell = Cell(" ", style: Style(background: .indexed(grey)))
        } else if value <= 0 {
          cell = Cell(column == 0 ? (symbols.isUnicode ? "·" : ".") : " ", style: theme.dim)
        } else {
          cell = Cell(symbols.shade(0.25 + 0.75 * value), style: theme.colorCount >= 8 ? Style(foreground: .white) : .plain)
        }
        if isCursor, column == 0 || column == width - 1, row == (height - 1) / 2 {
          var style = theme.marker
          style.background = cell.style.background
          cell = Cell(column == 0 ? "[" : "]", style: style)
        }
        buffer[cellX, cellY] = cell
      }
    }
  }
}
