import Testing

import SafeText

/// Hostile inputs are built in code and compared by scalar values, never passed as test
/// arguments: Swift Testing would print their escape bytes raw to the console.
@Suite struct TextSanitizerTests {
  let escape = "\u{1B}"

  @Test func plainTextIsUntouched() {
    let text = "Loss → 0.034, 日本, ⣿ and\ttabs\nnewlines"
    #expect(TextSanitizer.sanitize(text) == text)
  }

  @Test func dropsCSISequences() {
    #expect(TextSanitizer.sanitize("a\(escape)[1;31mred\(escape)[0mb") == "aredb")
    #expect(TextSanitizer.sanitize("\(escape)[2J\(escape)[Hclear") == "clear")
    #expect(TextSanitizer.sanitize("x\(escape)[?1049hy") == "xy")
  }

  @Test func dropsOSCUpToBELOrST() {
    #expect(TextSanitizer.sanitize("a\(escape)]0;pwned title\u{07}b") == "ab")
    #expect(TextSanitizer.sanitize("a\(escape)]8;;http://evil\(escape)\\link\(escape)]8;;\(escape)\\b") == "alinkb")
    #expect(TextSanitizer.sanitize("a\(escape)Pq#0;2;0;0;0\(escape)\\b") == "ab")
    #expect(TextSanitizer.sanitize("a\(escape)_apc\u{07}b\(escape)^pm\u{07}c\(escape)Xsos\u{07}d") == "abcd")
  }

  @Test func unterminatedStringsSwallowTheRest() {
    #expect(TextSanitizer.sanitize("ok\(escape)]0;never ends") == "ok")
    #expect(TextSanitizer.sanitize("ok\(escape)") == "ok")
    #expect(TextSanitizer.sanitize("ok\(escape)[12") == "ok")
  }

  @Test func dropsShortEscapes() {
    #expect(TextSanitizer.sanitize("a\(escape)cb") == "ab")  // full reset
    #expect(TextSanitizer.sanitize("a\(escape)(0b") == "ab")  // line-drawing charset
    #expect(TextSanitizer.sanitize("a\(escape)7b\(escape)8c") == "abc")
  }

  @Test func dropsC1FormsIncludingEightBitCSI() {
    #expect(TextSanitizer.sanitize("a\u{9B}31mb") == "ab")
    #expect(TextSanitizer.sanitize("a\u{9D}0;title\u{9C}b") == "ab")
    #expect(TextSanitizer.sanitize("a\u{85}\u{8D}b") == "ab")
  }

  @Test func dropsControlsButKeepsTabAndNewline() {
    let hostile = "over\rwrite\u{08}\u{08}\u{7F}\u{00}\u{07}\t\n"
    #expect(TextSanitizer.sanitize(hostile) == "overwrite\t\n")
    #expect(TextSanitizer.sanitize("line\r\nnext") == "line\nnext")
  }

  @Test func dropsBidirectionalOverrides() {
    #expect(TextSanitizer.sanitize("safe\u{202E}txt.exe\u{202C}") == "safetxt.exe")
  }

  @Test func resultNeverContainsControls() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [Unicode.Scalar] = ["\u{1B}", "[", "]", "P", "\\", "\u{07}", "\u{9B}", "\u{9C}", "a", "1", ";", "m", "\r", "\u{0}"]
    for _ in 0..<500 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...20, using: &generator) {
        text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
      }
      let clean = TextSanitizer.sanitize(String(text))
      #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
  }
}
