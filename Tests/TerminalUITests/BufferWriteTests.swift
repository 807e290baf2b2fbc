import Testing

@testable import TerminalUI

@Suite struct BufferWriteSafetyTests {
  @Test func controlCharactersNeverReachCells() {
    var buffer = Buffer(width: 12, height: 1)
    buffer.write("a\u{1B}[2Jb\u{07}\u{9B}c\r", x: 0, y: 0)
    #expect(buffer.lines == ["a[2Jbc      "])
    #expect(!buffer.cells.contains { $0.symbol.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
  }
}
