import Foundation
import LessonKit
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// Every terminal mode legible: 8 colours (TERM=xterm), no colour (NO_COLOR) and a locale that is
/// not UTF-8 (ASCII), on the screens where each once failed.
@Suite struct TerminalModeTests {
  static let eightColours = Theme(capabilities: TerminalCapabilities(colorCount: 8, unicode: true))
  static let monochrome = Theme(capabilities: TerminalCapabilities(colorCount: 0, unicode: true))
  static let ascii = Theme(capabilities: TerminalCapabilities(colorCount: 0, unicode: false))

  /// The app on the shipped lessons with `theme`, opened on `lesson` at `page`.
  static func lesson(_ id: String, page: Int, theme: Theme, size: Size = Size(width: 80, height: 24)) -> DescentModel {
    var model = DescentModel(
      catalog: LessonFixture.catalog, progress: LessonFixture.progress([id: ([], page)]), theme: theme, startLesson: id)
    _ = model.update(.resize(size))
    return model
  }

  static func render(_ model: DescentModel, size: Size = Size(width: 80, height: 24)) -> Buffer {
    var buffer = Buffer(size: size)
    model.render(into: &buffer)
    return buffer
  }

  // MARK: - 8 colours

  /// Screens an 8-colour terminal shows: the playground with a notice, a lesson lab, a text page,
  /// the menu.
  static func eightColourScreens() -> [(String, Buffer)] {
    var circle = Fixture.circle(steps: 20)
    circle.press(.character("+"))
    return [
      ("playground circle", screen(circle, 80, 24, theme: eightColours)),
      ("playground house", screen(Fixture.house(), 80, 24, theme: eightColours)),
      ("lesson lab", render(lesson("hidden-layers", page: 2, theme: eightColours))),
      ("lesson text", render(lesson("backprop", page: 0, theme: eightColours))),
      ("menu", render(DescentModel(catalog: LessonFixture.catalog, progress: LessonKit.Progress(), theme: eightColours))),
    ]
  }

  @Test func eightColoursNeverDrawTextInTheColourBehindIt() {
    for (name, buffer) in Self.eightColourScreens() {
      for y in 0..<buffer.size.height {
        for x in 0..<buffer.size.width {
          let cell = buffer[x, y]
          guard Self.isText(cell.symbol) else { continue }
          var foreground = cell.style.foreground, background = cell.style.background
          if cell.style.reverse { swap(&foreground, &background) }
          if let contrast = foreground.contrast(with: background) {
            #expect(contrast >= 2, "\(name): '\(cell.symbol)' at \(x),\(y) is \(foreground) on \(background)")
          } else if background == .default {
            // The terminal's background may be black or white: neither may be a text colour on it.
            #expect(foreground != .white && foreground != .black, "\(name): '\(cell.symbol)' at \(x),\(y) is \(foreground) on the terminal's background")
          }
        }
      }
    }
  }

  @Test func eightColourStatusLinePicture() {
    var circle = Fixture.circle(steps: 20)
    circle.press(.character("+"))
    let buffer = screen(circle, 80, 24, theme: Self.eightColours)
    let rows = Rect(x: 0, y: 22, width: 80, height: 2)
    assertSnapshot(Self.colourPicture(buffer, rows: rows), named: "status-line-xterm8-colours")
  }

  // MARK: - No colour

  @Test func noColourCurvesDifferAndWeightsShow() {
    let buffer = screen(Fixture.circle(), 80, 24, theme: Self.monochrome)
    assertSnapshot(buffer, named: "playground-circle-80x24-no-color")
    let text = screenText(buffer)
    #expect(text.contains("━ train") && text.contains("┅ test"))
    // The weights pane (bottom right) shows every weight of the first layer, with its sign.
    let pane = (13..<21).map { y in (41..<79).map { buffer[$0, y].symbol }.joined() }.joined()
    #expect(pane.contains("+") && pane.contains("-"))
    #expect(pane.filter { "░▒▓█".contains($0) }.count >= 8 * 3)
  }

  @Test func noColourHouseDiffersFromColour() {
    #expect(screenText(screen(Fixture.house(), 80, 24, theme: Self.monochrome)) != screenText(screen(Fixture.house(), 80, 24)))
  }

  // MARK: - ASCII

  @Test func asciiLessonPagesSpellTheMaths() {
    let first = Self.render(Self.lesson("backprop", page: 0, theme: Self.ascii))
    assertSnapshot(first, named: "lesson-backprop-ascii-80x24")
    let second = Self.render(Self.lesson("backprop", page: 1, theme: Self.ascii))
    assertSnapshot(second, named: "lesson-backprop-forward-ascii-80x24")
    let text = screenText(second)
    #expect(text.contains("h1 = sigma(0.2) = 0.5498"))
    #expect(text.contains("y_hat = 0.5*0.5498"))
  }

  @Test func everyShippedPageIsPlainASCIIWithoutStandIns() {
    for lesson in LessonFixture.catalog.lessons {
      for page in lesson.pages.indices {
        let buffer = Self.render(Self.lesson(lesson.id, page: page, theme: Self.ascii, size: Size(width: 100, height: 60)))
        let text = screenText(buffer)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(lesson.id) page \(page + 1)")
      }
    }
  }

  @Test func everyCharacterOfTheLessonsHasAnASCIISpelling() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Lessons")
    let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" }
    #expect(files.count >= 12)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for scalar in Set(text.unicodeScalars) where !scalar.isASCII {
        #expect(ASCIITransliteration.text(String(scalar)) != "_", "\(file.lastPathComponent): U+\(String(scalar.value, radix: 16))")
      }
    }
  }

  // MARK: - Helpers

  /// True for a cell holding text (not a block, shade, braille dot or box line).
  static func isText(_ symbol: String) -> Bool {
    guard let scalar = symbol.unicodeScalars.first, symbol != " " else { return false }
    let graphics: [ClosedRange<UInt32>] = [0x2500...0x259F, 0x2800...0x28FF]
    return !graphics.contains { $0.contains(scalar.value) }
  }

  /// Each cell of `rows` as its foreground colour over its background: `0`–`7` for the basic
  /// colours, `.` for the terminal's own, `i` for a palette colour; reverse video swapped.
  /// Two pictures, foreground rows then background rows.
  static func colourPicture(_ buffer: Buffer, rows: Rect) -> Buffer {
    func code(_ color: Color) -> String {
      switch color {
      case .default: "."
      case .basic(let number): String(number)
      case .indexed: "i"
      }
    }
    var picture = Buffer(width: rows.width, height: rows.height * 2 + 1)
    for y in rows.y..<rows.maxY {
      for x in rows.x..<rows.maxX {
        var style = buffer[x, y].style
        if style.reverse { swap(&style.foreground, &style.background) }
        picture[x - rows.x, y - rows.y] = Cell(code(style.foreground))
        picture[x - rows.x, rows.height + 1 + y - rows.y] = Cell(code(style.background))
      }
    }
    return picture
  }
}
