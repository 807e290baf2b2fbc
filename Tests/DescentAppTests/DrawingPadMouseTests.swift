import LessonKit
import NeuralEngine
import Testing
import TerminalUI

@testable import DescentApp

/// The mouse on the drawing pad, through the apps' `update`: the cell clicked is found from the
/// same layout the screen is drawn with, so these tests locate the pad on the rendered screen
/// (its grey pixels) and click there.
@Suite struct DrawingPadMouseTests {
  /// The middle cell of pad pixel (`row`, `column`) on the drawn screen, found from what is
  /// drawn: the pad's top-left pixel sits right under the first letter of its pane's title
  /// (`Draw a digit`), and a blank pad's pixels are grey 235 cells (256 colours), twice as wide
  /// as tall.
  static func cellsOfPixel(row: Int, column: Int, on buffer: Buffer, side: Int = 8) -> (x: Int, y: Int)? {
    let title = Array("Draw a digit").map(String.init)
    for y in 0..<buffer.size.height {
      for x in 0..<max(0, buffer.size.width - title.count) where (0..<title.count).allSatisfy({ buffer[x + $0, y].symbol == title[$0] }) {
        var height = 0
        while y + 1 + height < buffer.size.height, buffer[x, y + 1 + height].style.background == .indexed(235) { height += 1 }
        let pixelHeight = height / side, pixelWidth = 2 * (height / side)
        guard pixelHeight > 0 else { return nil }
        return (x + column * pixelWidth + pixelWidth / 2, y + 1 + row * pixelHeight + pixelHeight / 2)
      }
    }
    return nil
  }

  /// `cellsOfPixel`, required (a failure names the pixel, not the whole screen).
  static func pixelCell(row: Int, column: Int, on buffer: Buffer) throws -> (x: Int, y: Int) {
    let found = cellsOfPixel(row: row, column: column, on: buffer)
    return try #require(found, "pixel (\(row), \(column)) of the pad not found on screen")
  }

  static func app(size: Size) -> PlaygroundApp {
    var app = PlaygroundApp(playground: DigitFixture.playground([.draw, .probabilities]), theme: Fixture.colour)
    _ = app.update(.resize(size))
    return app
  }

  static func render(_ app: PlaygroundApp, size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    app.render(into: &buffer)
    return buffer
  }

  @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 18)])
  func aPressPaintsThePixelUnderTheMouse(size: Size) throws {
    var app = Self.app(size: size)
    #expect(app.wantsMouse)
    let cell = try Self.pixelCell(row: 2, column: 5, on: Self.render(app, size: size))
    _ = app.update(.mouse(MouseEvent(.press, x: cell.x, y: cell.y)))
    let pad = app.playground.digitLab.pad
    #expect(pad.pixel(row: 2, column: 5) == 1)
    #expect(pad.pixel(row: 1, column: 5) == DrawingPad.edgeInk, "the same soft edges as space")
    #expect((pad.cursorRow, pad.cursorColumn) == (2, 5), "the cursor follows the mouse")
    #expect(!app.playground.digitLab.isDrawing, "the mouse needs no drawing mode")
  }

  @Test func aDragPaintsEveryPixelItCrossesAndTheReleaseNothing() throws {
    let size = Size(width: 80, height: 24)
    var app = Self.app(size: size)
    let screen = Self.render(app, size: size)
    let cells = try (1...6).map { column in try Self.pixelCell(row: 6, column: column, on: screen) }
    _ = app.update(.mouse(MouseEvent(.press, x: cells[0].x, y: cells[0].y)))
    for cell in cells.dropFirst() { _ = app.update(.mouse(MouseEvent(.drag, x: cell.x, y: cell.y))) }
    let painted = app.playground.digitLab.pad
    #expect((1...6).allSatisfy { painted.pixel(row: 6, column: $0) == 1 })
    let elsewhere = try Self.pixelCell(row: 0, column: 0, on: screen)
    _ = app.update(.mouse(MouseEvent(.release, x: elsewhere.x, y: elsewhere.y)))
    #expect(app.playground.digitLab.pad == painted, "a release paints nothing")
  }

  @Test func theRightButtonErases() throws {
    let size = Size(width: 80, height: 24)
    var app = Self.app(size: size)
    let cell = try Self.pixelCell(row: 4, column: 4, on: Self.render(app, size: size))
    _ = app.update(.mouse(MouseEvent(.press, x: cell.x, y: cell.y)))
    #expect(app.playground.digitLab.pad.pixel(row: 4, column: 4) == 1)
    _ = app.update(.mouse(MouseEvent(.press, .right, x: cell.x, y: cell.y)))
    #expect(app.playground.digitLab.pad.pixel(row: 4, column: 4) == 0)
    _ = app.update(.mouse(MouseEvent(.press, .middle, x: cell.x, y: cell.y)))
    #expect(app.playground.digitLab.pad.pixel(row: 4, column: 4) == 0, "the middle button does nothing")
  }

  @Test func outsideThePadTheMouseDoesNothing() throws {
    let size = Size(width: 80, height: 24)
    var app = Self.app(size: size)
    let screen = Self.render(app, size: size)
    let padCorner = try Self.pixelCell(row: 7, column: 7, on: screen)
    let before = app.playground
    // The title bar, the status line, right of the pad (the probabilities), below it (its hint
    // row), the border, and off the screen.
    let places = [(5, 0), (5, 23), (padCorner.x + 6, padCorner.y), (padCorner.x, padCorner.y + 2), (0, 5), (200, 100), (-1, -1)]
    for (x, y) in places {
      _ = app.update(.mouse(MouseEvent(.press, x: x, y: y)))
      _ = app.update(.mouse(MouseEvent(.drag, x: x, y: y)))
    }
    #expect(app.playground.digitLab == before.digitLab)
  }

  @Test func withoutAPadTheMouseIsNotAskedFor() throws {
    var app = PlaygroundApp(playground: DigitFixture.playground([.digit, .probabilities]), theme: Fixture.colour)
    _ = app.update(.resize(Size(width: 80, height: 24)))
    #expect(!app.wantsMouse)
    _ = app.update(.mouse(MouseEvent(.press, x: 10, y: 5)))
    #expect(app.playground.digitLab.pad.isBlank)
    #expect(!PlaygroundApp(playground: Fixture.circle(steps: 0), theme: Fixture.colour).wantsMouse)
  }

  @Test func theMouseIsWantedOnlyWhileThePadIsShown() {
    // Six panes at 80×24: four fit, the pad (sixth) only after Tab moves the focus to it.
    var app = PlaygroundApp(
      playground: DigitFixture.playground([.digit, .probabilities, .accuracy, .filters, .featureMaps, .draw]),
      theme: Fixture.colour)
    _ = app.update(.resize(Size(width: 80, height: 24)))
    #expect(!app.wantsMouse, "the pad is not on screen")
    for _ in 0..<5 { _ = app.update(.key(.tab)) }
    #expect(app.wantsMouse, "Tab brought the pad on screen")
    _ = app.update(.key(.character("?")))
    #expect(!app.wantsMouse, "the help box covers it")
    _ = app.update(.key(.escape))
    _ = app.update(.resize(Size(width: 40, height: 12)))
    #expect(!app.wantsMouse, "too small a screen shows no pad")
  }

  @Test func helpAndTooSmallScreensIgnoreTheMouse() throws {
    let size = Size(width: 80, height: 24)
    var app = Self.app(size: size)
    let cell = try Self.pixelCell(row: 3, column: 3, on: Self.render(app, size: size))
    _ = app.update(.key(.character("?")))
    _ = app.update(.mouse(MouseEvent(.press, x: cell.x, y: cell.y)))
    #expect(app.playground.digitLab.pad.isBlank, "the help box covers the pad")
    _ = app.update(.key(.escape))
    _ = app.update(.resize(Size(width: 40, height: 12)))
    _ = app.update(.mouse(MouseEvent(.press, x: 5, y: 5)))
    #expect(app.playground.digitLab.pad.isBlank, "a too-small screen shows no pad")
  }

  @Test func inALessonTheMousePaintsOnTheLastPagesPad() throws {
    for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
      var model = ConvolutionLessonTests.model(at: .draw, size: size)
      #expect(model.wantsMouse)
      let cell = try Self.pixelCell(row: 1, column: 6, on: LessonFixture.screen(model, size: size))
      _ = model.update(.mouse(MouseEvent(.press, x: cell.x, y: cell.y)))
      #expect(model.player?.playground?.digitLab.pad.pixel(row: 1, column: 6) == 1, "\(size)")
      // A click in the page's text does nothing.
      _ = model.update(.mouse(MouseEvent(.press, x: 3, y: 5)))
      #expect(screenText(LessonFixture.screen(model, size: size)).contains("page 13/13"))
    }
    #expect(!ConvolutionLessonTests.model(at: .train, size: Size(width: 80, height: 24)).wantsMouse)
  }
}
