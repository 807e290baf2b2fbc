import Foundation
import Testing

@Suite struct LessonCommandTests {
  @Test func shippedLessonsPassCheck() throws {
    let result = try DescentBinary.run(["check", "Lessons"])
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    #expect(result.standardOutput.contains("15 lessons OK in Lessons"))
  }

  @Test func checkReportsFileAndLineAndExitsOne() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let lesson = """
      ---
      id: broken
      title: Broken
      order: 1
      summary: A lesson with mistakes.
      ---

      # Page

      ```lab
      dataset: moons
      ```

      +++

      ```quiz
      question: Which?
      choices: [a, b]
      ```
      """
    try lesson.write(to: directory.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
    let result = try DescentBinary.run(["check", directory.path])
    #expect(result.status == 1)
    let lines = result.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("broken.md:11: unknown dataset `moons`") }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("broken.md:16:") && $0.contains("no correct answer") }, "\(lines)")
  }

  @Test func lessonsListsTheCurriculumInOrder() throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("descent-state-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: state) }
    let result = try DescentBinary.run(["lessons"], environment: ["XDG_STATE_HOME": state.path, "PATH": "/usr/bin:/bin"])
    #expect(result.status == 0, "\(result.standardError)")
    let ids = ["neuron", "house-prices", "coffee", "loss", "loss-bowl", "learning-rate", "batches", "backprop",
               "activations", "hidden-layers", "overfitting", "supervised"]
    var position = result.standardOutput.startIndex
    for id in ids {
      let found = try #require(result.standardOutput.range(of: id, range: position..<result.standardOutput.endIndex), "\(id) missing or out of order")
      position = found.upperBound
    }
  }

  @Test(arguments: [["learn", "no-such-lesson"], ["--lessons", "/no/such/folder"], ["check", "/no/such/folder"]])
  func badLessonArgumentsAreOneLine(arguments: [String]) throws {
    let result = try DescentBinary.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("descent: "))
  }

  @Test(arguments: [[], ["play"], ["learn", "neuron"]])
  func interactiveCommandsRefuseWithoutATerminal(arguments: [String]) throws {
    let result = try DescentBinary.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
    #expect(result.standardError.contains("descent train"))
  }
}
