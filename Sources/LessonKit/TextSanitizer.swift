/// Removes everything from lesson text that a terminal would act on instead of print.
///
/// Text from lesson files must never reach the terminal raw (CWE-150): a stray escape sequence
/// could move the cursor, retitle the window or hide what the learner reads. The sanitiser drops
/// whole ESC sequences (CSI up to its final byte; OSC, DCS, SOS, PM, APC up to BEL or ESC `\`;
/// other two-byte escapes), C0 controls except tab and newline, DEL, C1 controls (U+0080–U+009F,
/// including the 8-bit CSI U+009B), carriage returns, and the bidirectional overrides
/// (U+202A–U+202E, U+2066–U+2069) that can make text read differently from what it says.
public enum TextSanitizer {
  /// Returns `text` without escape sequences and control characters (tab and newline stay).
  public static func sanitize(_ text: String) -> String {
    if isClean(text) { return text }
    var output = String.UnicodeScalarView()
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      switch scalar.value {
      case 0x1B:
        skipEscapeSequence(&iterator)
      case 0x09, 0x0A:
        output.append(scalar)
      case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
        break
      default:
        output.append(scalar)
      }
    }
    return String(output)
  }

  /// Whether `text` holds nothing the sanitiser would remove (the common, fast case).
  private static func isClean(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09, 0x0A: continue
      case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return false
      default: continue
      }
    }
    return true
  }

  /// Consumes the rest of an escape sequence whose ESC has just been read.
  private static func skipEscapeSequence(_ iterator: inout String.UnicodeScalarView.Iterator) {
    guard let introducer = iterator.next() else { return }
    switch introducer {
    case "[":
      while let parameter = iterator.next(), !(0x40...0x7E).contains(parameter.value) {}
    case "]", "P", "X", "^", "_":
      while let payload = iterator.next() {
        if payload.value == 0x07 { break }
        if payload.value == 0x1B {
          _ = iterator.next()
          break
        }
      }
    default:
      break
    }
  }
}
