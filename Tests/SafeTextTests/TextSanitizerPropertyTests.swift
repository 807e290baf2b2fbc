import PropertyBased
import SafeText
import Testing

/// Properties of the one sanitiser, over random mixes of escape fragments and ordinary text.
@Suite struct TextSanitizerPropertyTests {
  /// Escape introducers, finals, string terminators, C0/C1 controls, bidi overrides, plain text.
  static let alphabet: [Unicode.Scalar] = [
    "\u{1B}", "[", "]", "P", "X", "^", "_", "(", "\\", "\u{07}", "\u{9B}", "\u{9C}", "\u{9D}", "\u{90}", "\u{85}",
    "\u{00}", "\u{08}", "\r", "\t", "\n", "\u{7F}", "\u{202E}", "\u{2066}", "a", "Z", "1", ";", "?", "m", "H", " ",
    "é", "日", "⣿", "\u{FEFF}",
  ]
  static let text = Gen<Int>.int(in: 0..<alphabet.count).map { alphabet[$0] }.array(of: 0...64)
    .map { String(String.UnicodeScalarView($0)) }

  @Test func nothingATerminalActsOnSurvives() async {
    await propertyCheck(count: 3_000, input: Self.text) { input in
      for keeping in [TextSanitizer.KeptWhitespace.tabsAndNewlines, .newlines, .none] {
        let clean = TextSanitizer.sanitize(input, keeping: keeping)
        #expect(!clean.unicodeScalars.contains { Self.isActedOn($0, keeping: keeping) })
      }
    }
  }

  @Test func idempotent() async {
    await propertyCheck(count: 3_000, input: Self.text) { input in
      let once = TextSanitizer.sanitize(input)
      #expect(TextSanitizer.sanitize(once) == once)
      #expect(TextSanitizer.inline(TextSanitizer.inline(input)) == TextSanitizer.inline(input))
    }
  }

  @Test func onlyRemovesOrTurnsWhitespaceIntoSpaces() async {
    await propertyCheck(count: 3_000, input: Self.text) { input in
      var remaining = input.unicodeScalars.map { $0 == "\t" || $0 == "\n" ? " " : $0 }[...]
      for scalar in TextSanitizer.inline(input).unicodeScalars {
        guard let index = remaining.firstIndex(of: scalar) else {
          Issue.record("inline added \(scalar.value)")
          return
        }
        remaining = remaining[(index + 1)...]
      }
    }
  }

  @Test func printableTextIsUntouched() async {
    let printable = Gen<Int>.int(in: 0..<8).map { ["a", "Z", " ", "é", "日", "⣿", "[", "\t"][$0] }.array(of: 0...40)
      .map { $0.joined() }
    await propertyCheck(count: 1_000, input: printable) { input in
      #expect(TextSanitizer.sanitize(input) == input)
    }
  }

  private static func isActedOn(_ scalar: Unicode.Scalar, keeping: TextSanitizer.KeptWhitespace) -> Bool {
    switch scalar.value {
    case 0x09: keeping != .tabsAndNewlines
    case 0x0A: keeping == .none
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
