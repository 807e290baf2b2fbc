import Testing

@testable import TerminalUI

@Suite struct BrailleCanvasTests {
  @Test func dotsMapToBraillePatterns() {
    var canvas = BrailleCanvas(width: 2, height: 1)
    #expect(canvas.pixelWidth == 4 && canvas.pixelHeight == 4)
    canvas.set(x: 0, y: 0)
    canvas.set(x: 1, y: 3)
    canvas.set(x: 2, y: 0)
    canvas.set(x: 3, y: 0)
    canvas.set(x: 9, y: 9)  // ignored
    var buffer = sentinelBuffer(4, 1)
    canvas.render(in: Rect(x: 1, y: 0, width: 2, height: 1), buffer: &buffer)
    expectLines(buffer, ["x⢁⠉x"])
  }

  @Test func diagonalLineAndEmptyCellsAreTransparent() {
    var canvas = BrailleCanvas(width: 3, height: 2)
    canvas.line(from: (0, 0), to: (5, 7), style: Style(bold: true))
    var buffer = sentinelBuffer(3, 2)
    canvas.render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["⠱⡀x", "x⠈⢆"])
    #expect(buffer[0, 0].style == Style(bold: true))
  }

  @Test func lastSeriesWinsTheCellStyle() {
    var canvas = BrailleCanvas(width: 1, height: 1)
    canvas.set(x: 0, y: 0, style: Style(foreground: .red))
    canvas.set(x: 1, y: 1, style: Style(foreground: .blue))
    var buffer = Buffer(width: 1, height: 1)
    canvas.render(in: buffer.area, buffer: &buffer)
    #expect(buffer[0, 0] == Cell("⠑", style: Style(foreground: .blue)))
  }

  @Test func asciiUsesOneCharacterPerCellFollowingTheSlope() {
    var canvas = BrailleCanvas(width: 4, height: 3, symbols: .ascii)
    #expect(canvas.pixelWidth == 4 && canvas.pixelHeight == 3)
    canvas.line(from: (0, 2), to: (3, 0))
    var buffer = sentinelBuffer(4, 3)
    canvas.render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["xxx/", "x//x", "/xxx"])
    canvas.point(x: 3, y: 2)
    canvas.line(from: (0, 0), to: (1, 0), character: "o")
    canvas.render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["oox/", "x//x", "/xx*"])
  }

  @Test func theHigherRankKeepsTheCellStyleAndCharacter() {
    var canvas = BrailleCanvas(width: 3, height: 1, symbols: .ascii)
    canvas.line(from: (0, 0), to: (2, 0), style: Style(bold: true), rank: 2)
    canvas.line(from: (0, 0), to: (2, 0), style: Style(dim: true), rank: 1, character: ".")
    var buffer = sentinelBuffer(3, 1)
    canvas.render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["---"])
    #expect(buffer[1, 0].style == Style(bold: true))
  }

  @Test func dashedLinesLeaveGaps() {
    var canvas = BrailleCanvas(width: 8, height: 1, symbols: .ascii)
    canvas.line(from: (0, 0), to: (7, 0), dashed: true)
    var buffer = sentinelBuffer(8, 1)
    canvas.render(in: buffer.area, buffer: &buffer, background: { _, _ in .blue })
    expectLines(buffer, ["--xx--xx"])
    #expect(buffer[0, 0].style.background == .blue)
  }

  @Test func hugeAndNonFiniteCoordinatesAreClippedCheaply() {
    var canvas = BrailleCanvas(width: 2, height: 1)
    canvas.line(from: (-1e300, 1.5), to: (1e300, 1.5))
    canvas.line(from: (0, 0), to: (.nan, 3))
    canvas.line(from: (-10, -10), to: (-5, -5))
    canvas.point(x: .infinity, y: 0)
    var buffer = sentinelBuffer(2, 1)
    canvas.render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["⠤⠤"])
  }

  @Test func degenerateSizesDrawNothing() {
    var zero = BrailleCanvas(width: 0, height: 0)
    zero.line(from: (0, 0), to: (10, 10))
    var buffer = sentinelBuffer(2, 2)
    zero.render(in: buffer.area, buffer: &buffer)
    var big = BrailleCanvas(width: 5, height: 5)
    big.line(from: (0, 0), to: (9, 19))
    big.render(in: Rect(x: 1, y: 1, width: 1, height: 1), buffer: &buffer)
    expectLines(buffer, ["xx", "x⢣"])
  }

  @Test func bufferLinesAtCellResolution() {
    var buffer = sentinelBuffer(5, 3)
    buffer.drawLine(from: (0, 0), to: (4, 2), symbol: "-", clip: Rect(x: 0, y: 0, width: 4, height: 3))
    expectLines(buffer, ["-xxxx", "x--xx", "xxx-x"])
  }
}

