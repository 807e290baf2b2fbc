import Foundation
import Testing

/// A large CSV is streamed, and one over the limit is refused with a message.
@Suite struct LargeCSVTests {
  /// An 8 MB CSV (about 440,000 rows of four numbers): the rows are streamed, so memory stays
  /// near the numbers themselves (about 70 MB in a debug build; it was 145 MB when every field
  /// was kept as a string first).
  @Test func eightMegabytesStayUnderOneHundredTenMegabytes() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("descent-large-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    var text = "a,b,c,y\n"
    var generator = SystemRandomNumberGenerator()
    while text.utf8.count < 8_000_000 {
      let row = (0..<4).map { _ in String(Double(Int.random(in: 0..<10_000, using: &generator)) / 10_000) }
      text += row.joined(separator: ",") + "\n"
    }
    try text.write(to: file, atomically: false, encoding: .utf8)
    let usage = try ChildResources.run(
      DescentBinary.path, ["train", "--csv", file.path, "--target", "y", "--epochs", "1"])
    #expect(usage.status == 0)
    #expect(usage.peakResidentBytes < 110 << 20, "peak RSS \(usage.peakResidentBytes >> 20) MB")
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
