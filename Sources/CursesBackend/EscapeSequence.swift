import TerminalUI

/// Reads whole escape sequences that curses did not recognise, so they never become Escape plus
/// letters: pure, fed one input unit at a time, so it is tested without a terminal.
///
/// With `keypad` on, curses turns the sequences of the terminfo entry into key codes. A terminal
/// that sends others — tmux's `ESC[1~`/`ESC[4~` for Home/End under `TERM=xterm-256color`,
/// PuTTY's defaults, a modified arrow `ESC[1;5C` — reaches the program as ESC followed by the
/// sequence's bytes. Read alone, ESC quit the menu and the `1` of `ESC[1~` answered a quiz.
///
/// Grammar (ECMA-48): CSI = `ESC [` or 8-bit U+009B, then parameter bytes 0x30–0x3F, intermediate
/// bytes 0x20–0x2F, one final byte 0x40–0x7E; SS3 = `ESC O` or U+008F, then one final byte; other
/// escapes `ESC` + intermediates + a final byte. Recognised sequences become keys; every other
/// complete sequence is ignored whole. ESC with nothing after it (within the wait) is Escape.
public enum EscapeSequence {
  /// What to do with the units read so far.
  public enum Verdict: Equatable, Sendable {
    /// The sequence is not finished: read another unit (a timeout ends it, see `timedOut`).
    case needMore
    /// The sequence is complete: this key, or nothing for one Descent does not use.
    case complete(Key?)
    /// `unit` cannot belong to the sequence: emit `key` (if any), then handle `unit` normally.
    case completeBefore(Key?, unit: UInt32)
  }

  /// The longest sequence read before it is dropped (a real one is under 20 units).
  static let maximumLength = 32

  /// ESC, 8-bit CSI (U+009B) and 8-bit SS3 (U+008F): units that start a sequence.
  public static func startsSequence(_ unit: UInt32) -> Bool {
    unit == 0x1B || unit == 0x9B || unit == 0x8F
  }

  /// The verdict for `units`, which start with an introducer (`startsSequence`).
  public static func interpret(_ units: [UInt32]) -> Verdict {
    guard let first = units.first else { return .complete(nil) }
    switch first {
    case 0x9B: return controlSequence(units.dropFirst())
    case 0x8F: return singleShift(units.dropFirst())
    default: break
    }
    guard units.count >= 2 else { return .needMore }
    let second = units[1]
    switch second {
    case 0x5B: return controlSequence(units.dropFirst(2))  // ESC [
    case 0x4F: return singleShift(units.dropFirst(2))  // ESC O
    case 0x1B, 0x00...0x1F, 0x7F: return .completeBefore(.escape, unit: second)  // Escape, then that key
    case 0x20...0x2F: return escapeWithIntermediates(units.dropFirst(2))
    default: return .complete(nil)  // ESC + one character: Alt+key or a two-byte escape, unused
    }
  }

  /// What a sequence cut short by the wait means: a lone ESC is the Escape key; anything longer
  /// was a sequence that never finished, and is dropped.
  public static func timedOut(_ units: [UInt32]) -> Key? {
    units == [0x1B] ? .escape : nil
  }

  // MARK: - Private

  private static func controlSequence(_ body: ArraySlice<UInt32>) -> Verdict {
    var parameters: [UInt32] = []
    for unit in body {
      switch unit {
      case 0x20...0x3F: parameters.append(unit)
      case 0x40...0x7E: return .complete(controlSequenceKey(parameters: parameters, final: unit))
      default: return .completeBefore(nil, unit: unit)
      }
    }
    return body.count + 2 >= maximumLength ? .complete(nil) : .needMore
  }

  private static func singleShift(_ body: ArraySlice<UInt32>) -> Verdict {
    guard let final = body.first else { return .needMore }
    guard (0x40...0x7E).contains(final) else { return .completeBefore(nil, unit: final) }
    return .complete(finalLetterKey(final))
  }

  private static func escapeWithIntermediates(_ body: ArraySlice<UInt32>) -> Verdict {
    for unit in body {
      switch unit {
      case 0x20...0x2F: continue
      case 0x30...0x7E: return .complete(nil)
      default: return .completeBefore(nil, unit: unit)
      }
    }
    return body.count + 2 >= maximumLength ? .complete(nil) : .needMore
  }

  /// `CSI n ~` (vt220/PuTTY/rxvt/tmux: 1 and 7 Home, 4 and 8 End, …) and `CSI … letter` (xterm:
  /// arrows, Home, End, Shift-Tab; modifier parameters such as `1;5` are ignored).
  private static func controlSequenceKey(parameters: [UInt32], final: UInt32) -> Key? {
    let text = String(String.UnicodeScalarView(parameters.compactMap(Unicode.Scalar.init)))
    let fields = text.split(separator: ";", omittingEmptySubsequences: false)
    guard !fields.contains(where: { !$0.allSatisfy(\.isNumber) }) else { return nil }  // private (?, >, …) forms
    if final == 0x7E {  // ~
      switch fields.first.flatMap({ Int($0) }) {
      case 1, 7: return .home
      case 4, 8: return .end
      case 3: return .delete
      case 5: return .pageUp
      case 6: return .pageDown
      case let code?: return functionKey(tildeCode: code)
      case nil: return nil
      }
    }
    // xterm's letter forms carry no parameter or `1;modifier`; others (a cursor report
    // `CSI 2;3R`) are not keys.
    guard fields.isEmpty || fields[0].isEmpty || fields[0] == "1" else { return nil }
    return finalLetterKey(final)
  }

  /// F1–F12 from the vt220 `CSI n ~` codes (11–15, 17–21, 23, 24).
  private static func functionKey(tildeCode: Int) -> Key? {
    let codes = [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24]
    return codes.firstIndex(of: tildeCode).map { .function($0 + 1) }
  }

  /// The key named by a final letter in CSI or SS3 form.
  private static func finalLetterKey(_ final: UInt32) -> Key? {
    switch Unicode.Scalar(final).map(Character.init) {
    case "A": .up
    case "B": .down
    case "C": .right
    case "D": .left
    case "H": .home
    case "F": .end
    case "Z": .backTab
    case "M": .enter  // keypad Enter in application mode
    case "P": .function(1)
    case "Q": .function(2)
    case "R": .function(3)
    case "S": .function(4)
    default: nil
    }
  }
}
