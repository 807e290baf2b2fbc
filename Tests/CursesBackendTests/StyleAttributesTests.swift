import Testing
import TerminalUI

@testable import CursesBackend

@Suite struct StyleAttributesTests {
  @Test func plainHasNoAttributes() {
    #expect(StyleAttributes.attributes(of: .plain) == 0)
  }

  @Test func eachFlagHasItsOwnBit() {
    let styles = [
      Style(bold: true), Style(dim: true), Style(italic: true), Style(underline: true), Style(reverse: true),
    ]
    let bits = styles.map { StyleAttributes.attributes(of: $0) }
    #expect(bits.allSatisfy { $0 != 0 && $0 & ($0 - 1) == 0 })  // one bit each
    #expect(Set(bits).count == 5)
    let all = Style(bold: true, dim: true, italic: true, underline: true, reverse: true)
    #expect(StyleAttributes.attributes(of: all) == bits.reduce(0, |))
  }

  @Test func coloursDoNotChangeAttributes() {
    #expect(StyleAttributes.attributes(of: Style(foreground: .red, background: .indexed(200))) == 0)
  }
}
