import SafeText

/// One record (row) of a CSV file, before any meaning is given to its fields.
struct CSVRecord: Equatable {
  /// The 1-based line the record starts on.
  var line: Int
  /// The fields, unquoted, not trimmed.
  var fields: [String]

  /// Whether the record is a blank line (one field holding only whitespace).
  var isBlank: Bool {
    fields.count == 1 && fields[0].allSatisfy { $0 == " " || $0 == "\t" }
  }
}

/// Reads CSV records one at a time, so a large file is never held as a list of strings.
///
/// Commas between fields, `"` quoting (a quoted field may hold commas, newlines and `""` for a
/// quote), LF, CRLF or CR line endings, an optional UTF-8 byte-order mark. An unterminated quote
/// runs to the end of the text: `next()` then returns nil and `unterminatedQuoteLine` says where
/// it opened.
struct CSVRecordReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var line = 1
  /// The line of a quote never closed, once `next()` has reached it.
  private(set) var unterminatedQuoteLine: Int?

  /// A reader over UTF-8 `bytes`, valid while they are.
  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  /// The next record, or nil at the end of the text (or at an unterminated quote).
  mutating func next() -> CSVRecord? {
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    let carriageReturn = UInt8(ascii: "\r")
    var fields: [String] = []
    var field: [UInt8] = []
    let recordLine = line
    var inQuotes = false
    var quoteLine = line
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if inQuotes {
        if byte == quote {
          if index < bytes.count && bytes[index] == quote {
            field.append(quote)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if byte == newline || (byte == carriageReturn && !(index < bytes.count && bytes[index] == newline)) {
            line += 1
          }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case quote where field.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }):
        field.removeAll(keepingCapacity: true)
        inQuotes = true
        quoteLine = line
      case comma:
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
      case newline, carriageReturn:
        if byte == carriageReturn && index < bytes.count && bytes[index] == newline { index += 1 }
        line += 1
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(line: recordLine, fields: fields)
      default:
        field.append(byte)
      }
    }
    if inQuotes {
      unterminatedQuoteLine = quoteLine
      return nil
    }
    guard !field.isEmpty || !fields.isEmpty else { return nil }
    fields.append(String(decoding: field, as: UTF8.self))
    return CSVRecord(line: recordLine, fields: fields)
  }
}

extension CSVDataset {
  /// A column name as shown to the learner: escape sequences and control characters removed by
  /// the one sanitiser, format characters (a stray byte-order mark) dropped, spaces trimmed.
  static func sanitisedName(_ raw: String) -> String {
    let kept = TextSanitizer.inline(raw).unicodeScalars.filter { !$0.properties.generalCategory.isControlOrFormat }
    return trimmed(String(String.UnicodeScalarView(kept)))
  }

  /// Column names for a one-line message: at most eight, each cut to 24 characters.
  static func columnList(_ names: [String]) -> String {
    let shown = names.prefix(8).map { $0.count > 24 ? String($0.prefix(24)) + "…" : $0 }
    let more = names.count > 8 ? ", … \(names.count - 8) more" : ""
    return shown.joined(separator: ", ") + more
  }

  /// `text` without leading and trailing spaces and tabs.
  static func trimmed(_ text: String) -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = text.firstIndex(where: { !isSpace($0) }),
      let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[first...last])
  }

  /// A field quoted for an error message: escape sequences and control characters removed by the
  /// one sanitiser (and said so), long text cut.
  static func quotedForMessage(_ field: String) -> String {
    let clean = TextSanitizer.inline(field)
    let visible = String(
      String.UnicodeScalarView(clean.unicodeScalars.filter { !$0.properties.generalCategory.isControlOrFormat }))
    let short = visible.count > 24 ? String(visible.prefix(24)) + "…" : visible
    return "\"\(short)\"" + (visible == field ? "" : " (control characters removed)")
  }
}

extension Unicode.GeneralCategory {
  /// Control (`Cc`) and format (`Cf`, e.g. a stray byte-order mark) characters.
  fileprivate var isControlOrFormat: Bool {
    self == .control || self == .format || self == .unassigned || self == .surrogate
  }
}
