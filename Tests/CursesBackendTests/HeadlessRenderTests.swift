import Testing
import TerminalUI

@testable import CursesBackend

#if canImport(Glibc)
  import Glibc
#endif

/// The real draw code against an invisible curses screen (`newterm` on /dev/null): no tty, no TERM needed.
/// Curses state is global, hence serialized.
@Suite(.serialized) struct HeadlessRenderTests {
  init() {
    setlocale(LC_ALL, "C.UTF-8")
  }

  @Test func capabilitiesOfA256ColourTerminal() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 20, height: 5))
    defer { backend.shutdown() }
    #expect(backend.size == Size(width: 20, height: 5))
    #expect(backend.capabilities == TerminalCapabilities(colorCount: 256, unicode: true))
  }

  @Test func drawsWideCharactersAndBrailleThenOnlyChanges() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 20, height: 5))
    defer { backend.shutdown() }
    var buffer = Buffer(width: 20, height: 5)
    buffer.write("日本 ⣿⣷⣯ ▁▂█ ok", x: 1, y: 1)
    backend.draw(buffer)
    #expect(backend.cellsSentByLastDraw == 100 - 2)  // the two continuation cells are not sent
    #expect(backend.screenText(row: 1).hasPrefix(" 日本 ⣿⣷⣯ ▁▂█ ok "))

    backend.draw(buffer)
    #expect(backend.cellsSentByLastDraw == 0)

    buffer.write("X", x: 15, y: 1)
    buffer.write("本", x: 1, y: 1)
    backend.draw(buffer)
    #expect(backend.cellsSentByLastDraw == 2)
    #expect(backend.screenText(row: 1).hasPrefix(" 本本 ⣿⣷⣯ ▁▂█ oX "))
  }

  @Test func wideCharacterReplacedByNarrowOnes() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 10, height: 2))
    defer { backend.shutdown() }
    var buffer = Buffer(width: 10, height: 2)
    buffer.write("a日b", x: 0, y: 0)
    backend.draw(buffer)
    buffer.write("xy", x: 1, y: 0)
    backend.draw(buffer)
    #expect(backend.cellsSentByLastDraw == 2)
    #expect(backend.screenText(row: 0).hasPrefix("axyb "))
  }

  @Test func wideCharacterAtTheRightEdgeBecomesASpace() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1))
    defer { backend.shutdown() }
    var buffer = Buffer(width: 4, height: 1)
    buffer.write("ab", x: 0, y: 0)
    buffer[3, 0] = Cell("日")  // no room for its right half: Buffer.write would not do this
    backend.draw(buffer)
    #expect(backend.screenText(row: 0) == "ab  ")
  }

  @Test func anOrphanRightHalfIsDrawnAsASpace() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1))
    defer { backend.shutdown() }
    var buffer = Buffer(width: 4, height: 1)
    buffer.write("abcd", x: 0, y: 0)
    backend.draw(buffer)
    buffer[2, 0] = Cell.continuation  // no wide character to its left
    backend.draw(buffer)
    #expect(backend.screenText(row: 0) == "ab d")
  }

  @Test func combiningMarksStayWithTheirBase() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1))
    defer { backend.shutdown() }
    var buffer = Buffer(width: 4, height: 1)
    buffer[1, 0] = Cell("e\u{301}")
    buffer[2, 0] = Cell("x")
    backend.draw(buffer)
    #expect(backend.screenText(row: 0).unicodeScalars.map(\.value) == [0x20, 0x65, 0x301, 0x78, 0x20])
  }

  @Test func controlCharactersAreNotSentToTheTerminal() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1))
    defer { backend.shutdown() }
    var buffer = Buffer(width: 4, height: 1)
    buffer[0, 0] = Cell("\u{1B}")
    buffer[1, 0] = Cell("\t")
    buffer[2, 0] = Cell("\u{9B}")
    buffer[3, 0] = Cell("z")
    backend.draw(buffer)
    #expect(backend.screenText(row: 0) == "   z")
  }

  @Test func bottomRightCornerIsDrawn() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 8, height: 3))
    defer { backend.shutdown() }
    var buffer = Buffer(width: 8, height: 3)
    buffer.write("Z", x: 7, y: 2)
    backend.draw(buffer)
    #expect(backend.screenText(row: 2) == "       Z")
    buffer.write("Y", x: 7, y: 2)
    backend.draw(buffer)
    #expect(backend.cellsSentByLastDraw == 1)
    #expect(backend.screenText(row: 2) == "       Y")
  }

  @Test func aBufferOfAnotherSizeIsClippedAndRedrawnInFull() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 6, height: 2))
    defer { backend.shutdown() }
    var big = Buffer(width: 10, height: 4, filling: Cell("#"))
    big.write("abcdefghij", x: 0, y: 0)
    backend.draw(big)
    #expect(backend.screenText(row: 0) == "abcdef")
    #expect(backend.screenText(row: 1) == "######")
    var small = Buffer(width: 3, height: 1)
    small.write("xyz", x: 0, y: 0)
    backend.draw(small)
    #expect(backend.screenText(row: 0) == "xyz   ")
    #expect(backend.screenText(row: 1) == "      ")
  }

  @Test func stylesBecomeAttributesAndColourPairs() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 10, height: 1))
    defer { backend.shutdown() }
    var buffer = Buffer(width: 10, height: 1)
    buffer.write("a", x: 0, y: 0, style: Style(foreground: .red, bold: true))
    buffer.write("b", x: 1, y: 0, style: Style(foreground: .indexed(208), background: .blue, underline: true))
    buffer.write("c", x: 2, y: 0, style: Style(foreground: .red, bold: true))
    backend.draw(buffer)
    let a = try #require(backend.cellLook(x: 0, y: 0))
    #expect(a.attributes == StyleAttributes.attributes(of: Style(bold: true)))
    #expect(a.foreground == 1 && a.background == -1)
    let b = try #require(backend.cellLook(x: 1, y: 0))
    #expect(b.attributes == StyleAttributes.attributes(of: Style(underline: true)))
    #expect(b.foreground == 208 && b.background == 4)
    let plain = try #require(backend.cellLook(x: 5, y: 0))
    #expect(plain.attributes == 0 && plain.foreground == -1 && plain.background == -1)
  }

  @Test func eightColourTerminalGetsNearestBasicColours() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1), terminalType: "xterm")
    defer { backend.shutdown() }
    #expect(backend.capabilities.colorCount == 8)
    var buffer = Buffer(width: 4, height: 1)
    buffer.write("o", x: 0, y: 0, style: Style(foreground: .indexed(208), background: .indexed(21)))
    backend.draw(buffer)
    let look = try #require(backend.cellLook(x: 0, y: 0))
    #expect(look.foreground == 3 && look.background == 4)
  }

  @Test func monochromeKeepsAttributesAndDropsColours() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1), colors: false)
    defer { backend.shutdown() }
    #expect(backend.capabilities.colorCount == 0)
    var buffer = Buffer(width: 4, height: 1)
    buffer.write("r", x: 0, y: 0, style: Style(foreground: .red, reverse: true))
    backend.draw(buffer)
    let look = try #require(backend.cellLook(x: 0, y: 0))
    #expect(look.attributes == StyleAttributes.attributes(of: Style(reverse: true)))
  }

  @Test func vt100HasNoColours() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1), terminalType: "vt100")
    defer { backend.shutdown() }
    #expect(backend.capabilities.colorCount == 0)
  }

  @Test func unknownTerminalTypeIsReported() {
    #expect(throws: CursesStartupError.unknownTerminal("no-such-terminal")) {
      _ = try CursesBackend.offscreen(size: Size(width: 4, height: 1), terminalType: "no-such-terminal")
    }
  }

  @Test func shutdownIsIdempotentAndStopsDrawing() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1))
    backend.shutdown()
    backend.shutdown()
    backend.draw(Buffer(width: 4, height: 1))
    #expect(backend.cellsSentByLastDraw == 0)
    #expect(backend.nextEvent(timeoutMilliseconds: nil) == .tick)
  }

  @Test func timeoutWithoutInputIsATick() throws {
    let backend = try CursesBackend.offscreen(size: Size(width: 4, height: 1))
    defer { backend.shutdown() }
    #expect(backend.nextEvent(timeoutMilliseconds: 10) == .tick)
  }
}
