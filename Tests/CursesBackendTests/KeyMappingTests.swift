import Testing
import TerminalUI

@testable import CursesBackend

/// `wget_wch` results → `Key`. Curses key codes are written as numbers (ncurses' stable ABI values) so
/// the tests need not import the C module.
@Suite struct KeyMappingTests {
  @Test(arguments: [
    (259, Key.up), (258, .down), (260, .left), (261, .right), (339, .pageUp), (338, .pageDown),
    (262, .home), (360, .end), (343, .enter), (263, .backspace), (330, .delete), (353, .backTab),
    (265, .function(1)), (269, .function(5)), (276, .function(12)),
  ] as [(UInt32, Key)])
  func cursesKeyCodes(code: UInt32, key: Key) {
    #expect(KeyMapping.key(code: code, isKeyCode: true) == key)
  }

  @Test func unusedKeyCodesAreIgnored() {
    #expect(KeyMapping.key(code: 409, isKeyCode: true) == nil)  // KEY_MOUSE
    #expect(KeyMapping.key(code: 410, isKeyCode: true) == nil)  // KEY_RESIZE: the backend handles it
    #expect(KeyMapping.key(code: 264, isKeyCode: true) == nil)  // KEY_F(0)
  }

  @Test(arguments: [
    (10, Key.enter), (13, .enter), (9, .tab), (27, .escape), (127, .backspace), (8, .backspace),
    (1, .control("a")), (3, .control("c")), (17, .control("q")), (26, .control("z")),
    (32, .character(" ")), (113, .character("q")), (81, .character("Q")), (0xE4, .character("ä")),
    (0x65E5, .character("日")), (0x1F600, .character("😀")),
  ] as [(UInt32, Key)])
  func characters(code: UInt32, key: Key) {
    #expect(KeyMapping.key(code: code, isKeyCode: false) == key)
  }

  @Test func otherControlCharactersAreIgnored() {
    for code: UInt32 in [0, 28, 29, 30, 31, 0x85, 0x9B] {
      #expect(KeyMapping.key(code: code, isKeyCode: false) == nil)
    }
  }

  @Test func invalidScalarIsIgnored() {
    #expect(KeyMapping.key(code: 0xD800, isKeyCode: false) == nil)
  }
}
