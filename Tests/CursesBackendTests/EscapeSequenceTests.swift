import Testing
import TerminalUI

@testable import CursesBackend

/// Escape sequences are read whole: recognised ones are keys, others vanish, none becomes Escape
/// plus letters. Sequences are written as text with `\u{1B}` and fed unit by unit.
@Suite struct EscapeSequenceTests {
  /// Feeds `text` as the backend does (a unit that breaks a sequence is read again); returns the
  /// keys the sequences produced and the units left to ordinary key handling.
  private func keys(for text: String) -> (keys: [Key], replayed: [UInt32]) {
    var keys: [Key] = []
    var replayed: [UInt32] = []
    var units: [UInt32] = []
    var input = Array(text.unicodeScalars.map(\.value).reversed())
    while let unit = input.popLast() {
      if units.isEmpty {
        guard EscapeSequence.startsSequence(unit) else {
          replayed.append(unit)
          continue
        }
      }
      units.append(unit)
      switch EscapeSequence.interpret(units) {
      case .needMore: continue
      case .complete(let key):
        keys += key.map { [$0] } ?? []
      case .completeBefore(let key, let unit):
        keys += key.map { [$0] } ?? []
        input.append(unit)
      }
      units = []
    }
    if !units.isEmpty, let key = EscapeSequence.timedOut(units) { keys.append(key) }
    return (keys, replayed)
  }

  @Test func homeAndEndInEveryCommonForm() {
    for home in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH", "\u{1B}[1;5H", "\u{9B}1~", "\u{8F}H"] {
      #expect(keys(for: home) == ([.home], []), "\(home.unicodeScalars.map(\.value))")
    }
    for end in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF", "\u{1B}[1;2F"] {
      #expect(keys(for: end) == ([.end], []), "\(end.unicodeScalars.map(\.value))")
    }
  }

  @Test func otherKnownKeys() {
    #expect(keys(for: "\u{1B}[5~\u{1B}[6~\u{1B}[3~").keys == [.pageUp, .pageDown, .delete])
    #expect(keys(for: "\u{1B}[A\u{1B}OB\u{1B}[1;5C\u{1B}[D\u{1B}[Z").keys == [.up, .down, .right, .left, .backTab])
    #expect(keys(for: "\u{1B}OP\u{1B}[15~\u{1B}[24~").keys == [.function(1), .function(5), .function(12)])
  }

  @Test func unknownSequencesVanishWhole() {
    for unknown in [
      "\u{1B}[200~", "\u{1B}[?1049h", "\u{1B}[>0;95;0c", "\u{1B}[38;5;208m", "\u{1B}[2;3R", "\u{1B}[99~",
      "\u{1B}OX", "\u{1B}(B", "\u{1B}x", "\u{1B}q",
    ] {
      #expect(keys(for: unknown) == ([], []), "\(unknown.unicodeScalars.map(\.value))")
    }
  }

  @Test func aLoneEscapeIsTheEscapeKey() {
    #expect(keys(for: "\u{1B}") == ([.escape], []))
    #expect(keys(for: "\u{1B}\u{1B}[4~") == ([.escape, .end], []))
    #expect(keys(for: "\u{1B}\r") == ([.escape], [13]))
  }

  @Test func aBrokenSequenceGivesBackTheByteThatBrokeIt() {
    #expect(keys(for: "\u{1B}[1\u{07}q") == ([], [7, 0x71]))
    #expect(EscapeSequence.timedOut([0x1B, 0x5B, 0x31]) == nil)
  }

  @Test func overlongSequencesEnd() {
    let long = "\u{1B}[" + String(repeating: "1;", count: 40) + "~"
    #expect(keys(for: long).keys.isEmpty)
    #expect(!keys(for: long).replayed.contains(0x31) || keys(for: long).replayed.count < 80)
  }

  @Test func randomFragmentsNeverYieldPlainKeysFromInsideASequence() {
    var generator = SplitMix(seed: 7)
    let alphabet: [UInt32] = [0x1B, 0x5B, 0x4F, 0x31, 0x34, 0x3B, 0x7E, 0x41, 0x48, 0x3F, 0x20, 0x9B, 0x8F, 0x71]
    for _ in 0..<5_000 {
      var units: [UInt32] = [0x1B]
      for _ in 0..<Int(generator.next() % 12) { units.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
      var verdict = EscapeSequence.interpret([units[0]])
      for count in stride(from: 2, through: units.count, by: 1) {
        guard verdict == .needMore else { break }
        verdict = EscapeSequence.interpret(Array(units.prefix(count)))
      }
      if case .complete(let key?) = verdict { #expect(key != .character("q") && key != .character("1")) }
    }
  }
}

/// A tiny deterministic generator for the fragment test.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
