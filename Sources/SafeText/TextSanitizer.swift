/// Removes everything from text that a terminal would act on instead of show.
///
/// The one sanitiser of the program: every string that comes from outside (lesson files, file and
/// column names, option values, `TERM`, CSV text) passes through it before it reaches the screen,
/// stdout or stderr. Such text is untrusted: an escape sequence in it could retitle the window,
/// clear the screen, write the clipboard (OSC 52) or hide text (CVE-2021-25743, CVE-2024-52005).
/// What is dropped: whole ESC sequences (CSI up to its final byte; OSC, DCS, SOS, PM, APC up to
/// BEL or ST; other escapes with their intermediate and final byte), their 8-bit C1 forms, every
/// other C0 control, DEL, carriage return, and bidirectional overrides (which can make text read
/// differently from what it is). Tabs and newlines are kept, or turned into spaces on request.
public enum TextSanitizer {
  /// Which whitespace controls survive sanitising.
  public enum KeptWhitespace: Sendable {
    /// Tabs and newlines stay (lesson text).
    case tabsAndNewlines
    /// Newlines stay; a tab becomes a space (text printed to stdout or stderr).
    case newlines
    /// Tabs and newlines become spaces (a name quoted inside a one-line message).
    case none
  }

  /// `text` with control and escape sequences removed; tabs and newlines kept, or made spaces
  /// as `keeping` says.
  public static func sanitize(_ text: String, keeping: KeptWhitespace = .tabsAndNewlines) -> String {
    let scalars = Array(text.unicodeScalars)
    guard scalars.contains(where: { needsAttention($0, keeping: keeping) }) else { return text }
    var output = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar.value {
      case 0x1B:
        guard index < scalars.count else { break }
        let introducer = scalars[index].value
        index += 1
        switch introducer {
        case 0x5B: index = skipControlSequence(scalars, from: index)  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: index = skipControlString(scalars, from: index)  // ] P X ^ _
        case 0x20...0x2F: index = skipEscapeTail(scalars, from: index)  // e.g. ESC ( B
        default: break  // a two-byte escape: both dropped
        }
      case 0x9B: index = skipControlSequence(scalars, from: index)
      case 0x90, 0x98, 0x9D, 0x9E, 0x9F: index = skipControlString(scalars, from: index)
      case 0x09: output.append(keeping == .tabsAndNewlines ? scalar : " ")
      case 0x0A: output.append(keeping == .none ? " " : scalar)
      case 0x00...0x1F, 0x7F, 0x80...0x9F: break
      case 0x202A...0x202E, 0x2066...0x2069: break
      default: output.append(scalar)
      }
    }
    return String(output)
  }

  /// A name or value for a one-line message: sanitised, tabs and newlines as spaces.
  public static func inline(_ text: String) -> String { sanitize(text, keeping: .none) }

  // MARK: - Private

  private static func needsAttention(_ scalar: Unicode.Scalar, keeping: KeptWhitespace) -> Bool {
    switch scalar.value {
    case 0x09: return keeping != .tabsAndNewlines
    case 0x0A: return keeping == .none
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// Skips CSI parameter and intermediate bytes and the final byte; returns the next index.
  /// A byte that cannot belong to the sequence ends it and is kept for normal processing.
  private static func skipControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
    if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
    return index
  }

  /// Skips a control string up to and including BEL, ESC \ or 8-bit ST (or the end of the text).
  private static func skipControlString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      let value = scalars[index].value
      index += 1
      if value == 0x07 || value == 0x9C { return index }
      if value == 0x1B {
        if index < scalars.count, scalars[index].value == 0x5C { index += 1 }
        return index
      }
    }
    return index
  }

  /// Skips the intermediate bytes and the final byte of an nF escape such as ESC ( B.
  private static func skipEscapeTail(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
    if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) { index += 1 }
    return index
  }
}
