import Foundation
import Testing
@testable import NeuralEngine

/// The embedded 8×8 digits: the copy in the binary, WORKLOADS W4's check values, the split.
@Suite struct DigitsDatasetTests {
  static let assetURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("assets/data/digits.csv")

  @Test func embeddedCopyMatchesTheAsset() throws {
    let asset = try String(contentsOf: Self.assetURL, encoding: .utf8)
    let embeddedCopyIsCurrent = EmbeddedDigits.csv == asset  // (not #expect(a == b): it would print 264 kB)
    #expect(embeddedCopyIsCurrent, "assets/data/digits.csv changed: run assets/data/embed-digits.sh")
  }

  @Test func fileOrderMatchesWorkloadW4() throws {
    let digits = DigitImages.embedded
    try #require(digits.images.count == 1797 && digits.labels.count == 1797)
    #expect(digits.images.width == 64)
    #expect(digits.images[0].reduce(0, +) == 18.375)
    #expect(digits.images[0].reduce(0, +) * 16 == 294)
    #expect(digits.labels[0].first == 0)
    var classCounts = [Int](repeating: 0, count: 10)
    for label in digits.labels.values { classCounts[Int(label)] += 1 }
    #expect(classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    #expect(digits.images.values.reduce(0, +) * 16 == 561_718)
  }

  @Test func pixelsAreExactSixteenths() throws {
    let parsed = try DigitImages(csv: String(repeating: "16,", count: 63) + "3,7\n\n")
    #expect(parsed.images.values.prefix(63).allSatisfy { $0 == 1 })
    #expect(parsed.images.values[63] == 3 * 0.0625)
    #expect(parsed.labels.values == [7])
    let first = DigitImages.embedded.images[0]
    let raw = "0,0,5,13,9,1,0,0".split(separator: ",").map { Double(Int($0) ?? -1) * 0.0625 }
    #expect(Array(first.prefix(8)) == raw)
  }

  @Test func malformedLinesAreReportedWithTheirLineNumber() {
    let good = String(repeating: "0,", count: 64) + "1"
    #expect(throws: CSVError(fileName: "digits.csv", line: 2, problem: "63 numbers, expected 65 (64 pixels and a label)")) {
      try DigitImages(csv: good + "\n" + String(repeating: "0,", count: 62) + "1\n")
    }
    #expect(throws: CSVError(fileName: "digits.csv", line: 1, problem: "pixel 17 is not in 0…16")) {
      try DigitImages(csv: "17," + String(repeating: "0,", count: 63) + "1")
    }
    #expect(throws: CSVError(fileName: "digits.csv", line: 1, problem: "label 10 is not a digit 0…9")) {
      try DigitImages(csv: String(repeating: "0,", count: 64) + "10")
    }
    #expect(throws: CSVError(fileName: "digits.csv", line: 1, problem: "\"x\" is not a whole number")) {
      try DigitImages(csv: "x," + String(repeating: "0,", count: 63) + "1")
    }
  }

  @Test func datasetIsASeededSplitOfEveryImage() throws {
    let dataset = Dataset.builtIn(.digits, seed: 3)
    #expect(dataset.name == "digits")
    #expect(dataset.inputShape == [1, 8, 8])
    #expect(dataset.task == .classification(classCount: 10))
    #expect(dataset.targetNames == ["digit"])
    #expect(dataset.featureNames.count == 64)
    #expect(dataset.featureNames.first == "r0c0" && dataset.featureNames[9] == "r1c1" && dataset.featureNames.last == "r7c7")
    #expect(dataset.trainInputs.count == 1438 && dataset.testInputs.count == 359)
    #expect(dataset == DigitImages.embedded.dataset(seed: 3))

    // The rows are the file's rows in the order SplitMix64(seed).shuffle gives.
    var order = Array(0..<1797)
    var generator = SplitMix64(seed: 3)
    generator.shuffle(&order)
    let digits = DigitImages.embedded
    for (position, index) in order.enumerated() {
      let (inputs, targets, row) =
        position < 1438
        ? (dataset.trainInputs, dataset.trainTargets, position)
        : (dataset.testInputs, dataset.testTargets, position - 1438)
      #expect(inputs[row] == digits.images[index])
      #expect(targets[row] == digits.labels[index])
    }
    #expect(Set(order.prefix(1438)).isDisjoint(with: order.suffix(359)))
    #expect(dataset != Dataset.builtIn(.digits, seed: 4))
  }

  @Test func sampleCountKeepsAShuffledSubset() {
    let small = Dataset.builtIn(.digits, seed: 3, sampleCount: 100)
    #expect(small.trainInputs.count == 80 && small.testInputs.count == 20)
    let full = Dataset.builtIn(.digits, seed: 3)
    #expect(small.trainInputs.values == Array(full.trainInputs.values.prefix(80 * 64)))
    #expect(Dataset.builtIn(.digits, seed: 3, sampleCount: 10_000) == full)
  }
}
