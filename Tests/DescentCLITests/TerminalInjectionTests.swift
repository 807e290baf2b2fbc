import Foundation
import Testing

/// Every error path the command line can reach, with names full of escape sequences: nothing a
/// terminal would act on may reach stdout or stderr.
///
/// Hostile strings are built in code and never used as test arguments (Swift Testing would print
/// them raw); failures show the output with its control characters made visible.
@Suite struct TerminalInjectionTests {
  /// ESC, OSC (title, clipboard write), CSI (clear screen), 8-bit CSI and ST, DCS, BEL, CR, tab, a
  /// newline and DEL: everything that could retitle, clear, forge a line or write the clipboard.
  static let hostile =
    "evil\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}]52;c;aGk=\u{07}\u{9B}31m\u{1B}P1|x\u{1B}\\\u{90}dcs\u{9C}\u{9D}8;;x\u{9C}"
    + "\u{07}\r\tz\u{7F}\u{85}\nforged"

  /// One place with hostile files: a CSV named and filled with escapes, lesson files whose names
  /// and text carry them, a corrupt progress file under a hostile directory name.
  struct Playground {
    let root: URL
    var csv: URL { root.appendingPathComponent("\(TerminalInjectionTests.hostile).csv") }
    var lessons: URL { root.appendingPathComponent("lessons") }
    var oneGoodLesson: URL { root.appendingPathComponent("good") }
    var state: URL { root.appendingPathComponent("state-\(TerminalInjectionTests.hostile)") }

    init() throws {
      let evil = TerminalInjectionTests.hostile
      root = FileManager.default.temporaryDirectory.appendingPathComponent("descent-inject-\(UUID().uuidString)")
      let files = FileManager.default
      try files.createDirectory(at: root, withIntermediateDirectories: true)
      try "size,\(evil)price\n1,2\n3,\(evil)\n".write(to: csv, atomically: true, encoding: .utf8)
      try files.createDirectory(at: lessons, withIntermediateDirectories: true)
      try files.createSymbolicLink(
        atPath: lessons.appendingPathComponent("inv\(evil).md").path, withDestinationPath: "/nonexistent/\(evil)")
      try "---\nid: \(evil)\ntitle: \(evil)\n---\n\n# \(evil)\n\n```lab\ndataset: \(evil)\n```\n"
        .write(to: lessons.appendingPathComponent("\(evil)-bad.md"), atomically: true, encoding: .utf8)
      try files.createDirectory(at: oneGoodLesson, withIntermediateDirectories: true)
      try "---\nid: good\ntitle: Good \(evil)\norder: 1\nsummary: S \(evil)\n---\n\n# Page \(evil)\n\ntext \(evil)\n"
        .write(to: oneGoodLesson.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
      try files.createDirectory(at: state.appendingPathComponent("descent"), withIntermediateDirectories: true)
      try "{ not json \(evil)".write(
        to: state.appendingPathComponent("descent/progress.json"), atomically: true, encoding: .utf8)
    }
  }

  /// Each command line, with the environment changes it needs.
  static func errorPaths(_ place: Playground) -> [(arguments: [String], environment: [String: String])] {
    let evil = hostile
    let csv = place.csv.path, lessons = place.lessons.path, good = place.oneGoodLesson.path
    let none: [String: String] = [:]
    var paths: [([String], [String: String])] = [
      (["train", "--csv", "\(evil).csv", "--target", "price"], none),
      (["train", "--csv", csv, "--target", evil], none),
      (["train", "--csv", csv, "--target", "size"], none),
      (["train", "--csv", csv, "--target", "\(evil)price"], none),
      (["train", "--csv", "assets/data/houses.csv", "--target", evil], none),
      (["train", "--target", evil], none),
      (["play", "--csv", "\(evil).csv", "--target", evil], none),
      (["train", "--dataset", evil], none), (["train", "--optimizer", evil], none),
      (["train", "--activation", evil], none), (["train", "--loss", evil], none),
      (["train", "--batch", evil], none), (["train", "--layers", evil], none),
      (["train", "--lr", evil], none), (["train", "--epochs", evil], none),
      (["train", "--seed", evil], none), (["train", "--format", evil], none),
      (["train", "--\(evil)"], none), (["train", evil], none), ([evil], none), (["--\(evil)"], none),
      (["bench", evil], none), (["bench", "--seconds", evil], none), (["help", evil], none),
      (["learn", evil], none), (["learn", evil, "--lessons", good], none),
      (["--lessons", "\(place.root.path)/\(evil)"], none), (["--lessons", lessons], none),
      (["lessons", "--lessons", lessons], none), (["lessons", "--lessons", good], none),
      (["check", "\(place.root.path)/\(evil)"], none), (["check", lessons], none), (["check", good], none),
      (["lessons"], ["XDG_STATE_HOME": place.state.path]),
      (["learn", evil], ["XDG_STATE_HOME": place.state.path]),
      (["play"], ["TERM": evil]),
    ]
    for option in ["--lr", "--epochs", "--seed", "--batch", "--layers"] {
      paths.append((["train", option, "-\(evil)"], none))
    }
    return paths
  }

  @Test func noControlSequenceReachesTheTerminal() throws {
    let place = try Playground()
    defer { try? FileManager.default.removeItem(at: place.root) }
    var base = ProcessInfo.processInfo.environment
    base["XDG_STATE_HOME"] = place.root.appendingPathComponent("clean-state").path
    for (arguments, changes) in Self.errorPaths(place) {
      let environment = base.merging(changes) { $1 }
      let result = try DescentBinary.run(arguments, environment: environment)
      let shown = arguments.map(Self.visible).joined(separator: " ")
      #expect(result.status != 0 || ["lessons", "help"].contains(arguments[0]), "\(shown) exited 0")
      for (stream, bytes) in [("stdout", result.outputBytes), ("stderr", result.errorBytes)] {
        if let problem = Self.firstUnsafeByte(in: bytes) {
          Issue.record("descent \(shown): \(stream) holds \(problem): \(Self.visible(String(decoding: bytes, as: UTF8.self)))")
        }
      }
    }
  }

  @Test func unknownTerminalTypeIsSanitisedUnderATerminal() throws {
    try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux `script` gives a pty")
    let evil = Self.hostile.replacingOccurrences(of: "'", with: "")
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = evil
    let result = try DescentBinary.runProgram(
      "/usr/bin/script", ["-qec", "'\(DescentBinary.path)' play", "/dev/null"], environment: environment)
    #expect(result.standardOutput.contains("unknown terminal type"), "\(Self.visible(result.standardOutput))")
    // The pty turns "\n" into "\r\n"; anything else is a leak.
    let bytes = Data(result.outputBytes.filter { $0 != 0x0D })
    if let problem = Self.firstUnsafeByte(in: bytes) {
      Issue.record("TERM error holds \(problem): \(Self.visible(result.standardOutput))")
    }
  }

  // MARK: - Helpers

  /// Describes the first byte or code point a terminal would act on, or nil when the bytes are
  /// valid UTF-8 holding only printable text and newlines.
  static func firstUnsafeByte(in bytes: Data) -> String? {
    guard let text = String(validating: Array(bytes), as: UTF8.self) else { return "invalid UTF-8" }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value == 0x0A { continue }
      if value < 0x20 || (0x7F...0x9F).contains(value) { return "U+\(String(value, radix: 16))" }
    }
    return nil
  }

  /// `text` with control characters written as `\u{..}`, safe to print in a test log.
  static func visible(_ text: String) -> String {
    text.unicodeScalars.map { scalar in
      scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
    }.joined()
  }
}
