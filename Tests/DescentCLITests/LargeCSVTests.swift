import Foundation
import Testing

/// A large CSV is streamed, and one over the limit is refused with a message.
@Suite struct LargeCSVTests {
  /// An 8 MB CSV (about 290,000 rows of four numbers) is parsed and then refused (`--loss bce` needs
  /// classification), so the peak is the parse: rows are streamed and only the numbers are kept,
  /// about 70 MB in a debug build; it was 145 MB when every field was kept as a string first.
  ///
  /// Measured by GNU time, which forks: the test process spawns with vfork, and Linux then counts
  /// the test process's own memory as the child's peak.
  @Test func eightMegabytesParseUnderOneHundredTenMegabytes() throws {
    let time = "/usr/bin/time"
    try #require(FileManager.default.isExecutableFile(atPath: time), "GNU time is needed (apt-get install time)")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("descent-large-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    var block = ""
    var generator = SystemRandomNumberGenerator()
    while block.utf8.count < 1_000_000 {
      let row = (0..<4).map { _ in String(Double(Int.random(in: 0..<10_000, using: &generator)) / 10_000) }
      block += row.joined(separator: ",") + "\n"
    }
    try ("a,b,c,y\n" + String(repeating: block, count: 8)).write(to: file, atomically: false, encoding: .utf8)
    let result = try DescentBinary.runProgram(
      time, ["-f", "peak-kb=%M", DescentBinary.path, "train", "--csv", file.path, "--target", "y", "--loss", "bce"])
    #expect(result.standardError.contains("needs a classification dataset"), "\(result.standardError)")
    let kilobytes = try #require(
      result.standardError.split(separator: "\n").last { $0.hasPrefix("peak-kb=") }.flatMap { Int($0.dropFirst(8)) })
    #expect(kilobytes < 110 * 1024, "peak RSS \(kilobytes / 1024) MB")
  }

  @Test func overTheLimitIsRefused() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("descent-huge-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x,y\n".utf8)))
    let handle = try FileHandle(forWritingTo: file)
    try handle.truncate(atOffset: 63 << 20)
    try handle.close()
    let result = try DescentBinary.run(["train", "--csv", file.path, "--target", "y"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("the file is too large (63 MB; CSV files of at most 16 MB are read)"))
  }
}
