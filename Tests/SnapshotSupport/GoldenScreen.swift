import Foundation
import TerminalUI
import Testing

/// Compares `buffer` with the golden file `Snapshots/<name>.txt` beside the calling test file.
/// With `RECORD_SNAPSHOTS=1` (or when the file is missing) it writes the file instead and
/// records an issue, so every new picture is looked at before it counts. A failure prints a
/// line diff. Escape bytes never go into a golden file.
public func assertSnapshot(
  _ buffer: Buffer, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = directory.appendingPathComponent("\(name).txt")
  let actual = buffer.lines
  if actual.contains(where: { $0.unicodeScalars.contains { $0.value == 0x1B } }) {
    Issue.record("snapshot \(name) would contain an escape byte", sourceLocation: sourceLocation)
    return
  }
  let text = actual.joined(separator: "\n") + "\n"
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  guard !record, let stored = try? String(contentsOf: file, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? text.write(to: file, atomically: true, encoding: .utf8)
    Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
    return
  }
  var expected = stored.components(separatedBy: "\n")
  if expected.last == "" { expected.removeLast() }
  if expected != actual {
    Issue.record(
      "snapshot \(name) differs (RECORD_SNAPSHOTS=1 to rewrite):\n\(lineDiff(expected: expected, actual: actual))",
      sourceLocation: sourceLocation)
  }
}

/// A readable line-by-line diff: `-` expected, `+` actual, ` ` same; rows framed with `|`.
public func lineDiff(expected: [String], actual: [String]) -> String {
  var out: [String] = []
  for row in 0..<max(expected.count, actual.count) {
    let left = row < expected.count ? expected[row] : nil
    let right = row < actual.count ? actual[row] : nil
    if left == right {
      out.append("  |\(left ?? "")|")
    } else {
      if let left { out.append("- |\(left)|") }
      if let right { out.append("+ |\(right)|") }
    }
  }
  return out.joined(separator: "\n")
}
