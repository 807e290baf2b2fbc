import Foundation
import NeuralEngine
import Testing

@testable import LessonKit

/// Property-style loops with a seeded generator: whatever the input, parsing returns.
@Suite struct RobustnessTests {
  static let fragments = [
    "---", "+++", "```", "```lab", "```quiz", "```goal", "~~~", "# ", "## ", "- ", "* ", "1. ", "2) ",
    "> ", ">>", "|", "|:-:|", "| --- |", "**", "*", "_", "__", "`", "``", "[", "]", "(", ")", "![",
    "<https://", ">", "\\", "\n", "\n\n", "  ", "    ", "\t", "dataset: xor", "layers: [4, 2]",
    "views: [bowl]", "weights: {", "w1[0,0]: 1", "question: q", "choices: [a, b]", "answer: 1",
    "\u{1B}[31m", "\u{1B}]0;x\u{07}", "\r", "\u{9B}", "ŷ", "∂L/∂w", "w₁", "&", ":", "{", "}", "- - -",
    "id: x", "title: t", "order: 1", "summary: s", "requires: [x]", "train-loss-below: 0.1",
  ]

  @Test func randomMarkdownFragmentsNeverCrash() {
    var generator = SplitMix64(seed: 2024)
    for _ in 0..<400 {
      var text = ""
      for _ in 0..<Int.random(in: 1...60, using: &generator) {
        text += Self.fragments.randomElement(using: &generator) ?? ""
      }
      _ = MarkdownParser.parse(text)
      _ = Lesson.parse(text: text, fileName: "fuzz.md")
      _ = Lesson.parse(text: "---\nid: f\ntitle: t\norder: 1\nsummary: s\n---\n" + text, fileName: "fuzz.md")
    }
  }

  @Test func randomBytesNeverCrash() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<300 {
      let count = Int.random(in: 0...400, using: &generator)
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let text = String(decoding: bytes, as: UTF8.self)
      _ = MarkdownParser.parse(text)
      _ = Lesson.parse(text: "---\n" + text, fileName: "bytes.md")
      _ = LessonCatalog.decode(Data(bytes))
    }
  }

  @Test func parsedTextHoldsNoControlCharacters() {
    var generator = SplitMix64(seed: 99)
    for _ in 0..<200 {
      var text = ""
      for _ in 0..<30 { text += Self.fragments.randomElement(using: &generator) ?? "" }
      for block in MarkdownParser.parse(text) {
        for scalar in String(describing: block).unicodeScalars {
          #expect(!(scalar.value == 0x1B || scalar.value == 0x9B || scalar.value == 0x0D || scalar.value == 0x07))
        }
      }
    }
  }

  @Test(.timeLimit(.minutes(1))) func pathologicalInputsStayFast() {
    let size = 100_000
    let inputs = [
      String(repeating: "*a", count: size), String(repeating: "_", count: size),
      String(repeating: "[", count: size) + String(repeating: "]", count: size),
      String(repeating: "`", count: size / 2) + "x" + String(repeating: "``", count: size / 4),
      String(repeating: "[a](", count: size / 4), String(repeating: "<http://", count: size / 8),
      String(repeating: "- ", count: size), String(repeating: "> ", count: size),
      String(repeating: "a|", count: size) + "\n" + String(repeating: "-|", count: size),
      String(repeating: "**a *b ", count: size / 8),
    ]
    let start = Date()
    for input in inputs {
      _ = MarkdownParser.parse(input)
      _ = MarkdownParser.parse(Array(repeating: input.prefix(200), count: 500).joined(separator: "\n"))
    }
    #expect(Date().timeIntervalSince(start) < 30)
  }

  @Test(.timeLimit(.minutes(1))) func yamlAliasBombIsCheap() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<12 {
      let previous = "*a\(level - 1)"
      yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
    }
    let text = lessonText("```lab\ndataset: xor\n\(yaml)views: *a11\n```")
    let found = problems(in: text)
    #expect(found.contains { $0.contains("unknown key `a0` in lab") })
  }
}
