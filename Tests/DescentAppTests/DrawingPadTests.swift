import LessonKit
import NeuralEngine
import Testing
import TerminalUI

@testable import DescentApp

/// The drawing pad and the image views' keys, through `Playground.update`.
@Suite struct DrawingPadTests {
  @Test func padPaintsWithSoftEdgesErasesAndClears() {
    var pad = DrawingPad()
    #expect(pad.isBlank)
    #expect((pad.cursorRow, pad.cursorColumn) == (4, 4))
    pad.paint()
    #expect(pad.pixel(row: 4, column: 4) == 1)
    #expect(pad.pixel(row: 3, column: 4) == DrawingPad.edgeInk)
    #expect(pad.pixel(row: 4, column: 5) == DrawingPad.edgeInk)
    #expect(pad.pixel(row: 3, column: 3) == 0)
    pad.moveCursor(rows: 0, columns: 1)
    pad.paint()
    #expect(pad.pixel(row: 4, column: 4) == 1, "a neighbour's edge never dims full ink")
    pad.erase()
    #expect(pad.pixel(row: 4, column: 5) == 0)
    pad.clear()
    #expect(pad.isBlank)
    #expect((pad.cursorRow, pad.cursorColumn) == (4, 5), "clearing keeps the cursor")
  }

  @Test func cursorStopsAtTheEdges() {
    var pad = DrawingPad()
    pad.moveCursor(rows: -20, columns: 20)
    #expect((pad.cursorRow, pad.cursorColumn) == (0, 7))
    pad.paint()
    #expect(pad.pixels.filter { $0 > 0 }.count == 3, "a corner has two neighbours")
  }

  @Test func everyDrawingKey() {
    var playground = DigitFixture.playground([.draw, .probabilities])
    #expect(!playground.digitLab.isDrawing)
    playground.press(.character("d"))
    #expect(playground.digitLab.isDrawing)
    #expect(!playground.isPlaying)
    let start = (playground.digitLab.pad.cursorRow, playground.digitLab.pad.cursorColumn)
    playground.press(.up)
    #expect(playground.digitLab.pad.cursorRow == start.0 - 1)
    playground.press(.down, .down)
    #expect(playground.digitLab.pad.cursorRow == start.0 + 1)
    playground.press(.left)
    #expect(playground.digitLab.pad.cursorColumn == start.1 - 1)
    playground.press(.right, .right)
    #expect(playground.digitLab.pad.cursorColumn == start.1 + 1)
    playground.press(.character(" "))
    #expect(playground.digitLab.pad.pixel(row: start.0 + 1, column: start.1 + 1) == 1)
    #expect(!playground.isPlaying, "space paints while drawing; it does not train")
    playground.press(.backspace)
    #expect(playground.digitLab.pad.pixel(row: start.0 + 1, column: start.1 + 1) == 0)
    playground.press(.character(" "), .delete)
    #expect(playground.digitLab.pad.pixel(row: start.0 + 1, column: start.1 + 1) == 0)
    playground.press(.character(" "), .character("c"))
    #expect(playground.digitLab.pad.isBlank)
    playground.press(.character("?"))
    #expect(playground.notice?.text == Playground.drawingHelp, "other keys explain the drawing keys")
    #expect(!playground.showsHelp)
    #expect(playground.press(.character("q")) == .quit)
    playground.press(.escape)
    #expect(!playground.digitLab.isDrawing)
    playground.press(.character("d"), .character("d"))
    #expect(!playground.digitLab.isDrawing)
    playground.press(.character("d"), .enter)
    #expect(!playground.digitLab.isDrawing)
    playground.press(.character(" "))
    #expect(playground.isPlaying, "after drawing, space trains again")
  }

  @Test func probabilitiesFollowTheDrawing() {
    var playground = DigitFixture.playground([.draw, .probabilities])
    let digit = playground.currentImage
    #expect(playground.currentLabel != nil, "a blank pad leaves the test digit shown")
    playground.press(.character("d"))
    #expect(playground.currentImage == playground.digitLab.pad.pixels)
    #expect(playground.currentLabel == nil)
    let blank = playground.probabilities(for: playground.digitLab.pad.pixels)
    playground.press(.character(" "), .up, .character(" "), .up, .character(" "))
    let drawn = playground.probabilities(for: playground.digitLab.pad.pixels)
    #expect(blank != drawn, "each stroke changes the probabilities")
    #expect(playground.currentImage != digit)
  }

  @Test func dWithoutAPadSaysSo() {
    var playground = DigitFixture.playground([.digit])
    playground.press(.character("d"))
    #expect(!playground.digitLab.isDrawing)
    #expect(playground.notice?.kind == .warning)
  }

  @Test func xAndXMoveThroughTheTestDigits() {
    var playground = DigitFixture.playground([.digit])
    playground.press(.character("x"), .character("x"))
    #expect(playground.digitLab.shownTestIndex == 2)
    playground.press(.character("X"), .character("X"), .character("X"))
    #expect(playground.digitLab.shownTestIndex == playground.testImageCount - 1)
  }

  @Test func windowKeysWrapAndPickFilters() throws {
    var playground = DigitFixture.playground([.convolution])
    let convolution = try #require(playground.convolution)
    #expect(convolution.positions == 36)
    playground.press(.character(","))
    #expect(playground.digitLab.windowPosition == 35)
    playground.press(.character("."))
    #expect(playground.digitLab.windowPosition == 0)
    for _ in 0..<8 { playground.press(.character("f")) }
    #expect(playground.digitLab.windowFilter == 0, "eight filters wrap around")
  }

  @Test func stepThroughSumsAgreeWithTheEngine() throws {
    let playground = DigitFixture.playground([.convolution])
    let convolution = try #require(playground.convolution)
    let image = try #require(playground.currentImage)
    let maps = playground.session.network.trace(image).layerOutput(convolution.layer)
    for filter in 0..<convolution.filters {
      for position in 0..<convolution.positions {
        let expected = maps.values[filter * convolution.positions + position]
        #expect(abs(convolution.output(filter: filter, position: position, image: image) - expected) < 1e-12)
      }
    }
    #expect(convolution.activationLayer == convolution.layer + 1)
    #expect(convolution.poolingLayer == convolution.layer + 2)
  }
}
