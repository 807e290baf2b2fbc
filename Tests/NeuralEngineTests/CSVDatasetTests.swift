import Foundation
import Testing

@testable import NeuralEngine

@Suite struct CSVDatasetTests {
  /// `assets/data/houses.csv` in this checkout.
  private var housesPath: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("assets/data/houses.csv").path
  }

  /// The one-line message `parse` throws for `text`, or `nil` if it parses.
  private func message(
    _ text: String, target: String = "price", taskHint: LearningTask? = nil
  ) -> String? {
    do {
      _ = try CSVDataset.parse(text: text, fileName: "data.csv", target: target, taskHint: taskHint)
      return nil
    } catch let error as CSVError {
      return error.description
    } catch {
      return "unexpected \(error)"
    }
  }

  // MARK: - The shipped example

  @Test func loadsShippedHouses() throws {
    let loaded = try CSVDataset.read(path: housesPath, target: "price_k")
    let dataset = loaded.dataset
    #expect(loaded.rowCount == 60)
    #expect(dataset.name == "houses")
    #expect(dataset.featureNames == ["size_m2", "bedrooms", "distance_km"])
    #expect(dataset.targetNames == ["price_k"])
    #expect(dataset.task == .regression)
    #expect(dataset.trainInputs.count == 48 && dataset.testInputs.count == 12)
    #expect(dataset.trainTargets.count == 48 && dataset.testTargets.count == 12)
    #expect(dataset.trainInputs.values.allSatisfy { $0 >= 0 && $0 <= 1 })
    let scaling = try #require(loaded.scaling)
    #expect(scaling.minimums.count == 3)
    #expect(scaling.unscale(scaling.scale(120, feature: 0), feature: 0) == 120)
    let plain = try CSVDataset.load(path: housesPath, target: "price_k", scaleFeatures: false)
    #expect(plain.trainInputs.values.contains { $0 > 1 })
    let again = try CSVDataset.load(path: housesPath, target: "price_k")
    #expect(again == dataset)
    let otherSeed = try CSVDataset.load(path: housesPath, target: "price_k", seed: 2)
    #expect(otherSeed.trainTargets != dataset.trainTargets)
  }

  @Test func unscalesLinearModels() {
    let scaling = FeatureScaling(minimums: [10, 0], maximums: [20, 4])
    let model = scaling.unscaledLinearModel(weights: [5, 8], bias: 1)
    #expect(model.weights == [0.5, 2])
    #expect(model.bias == 1 - 5)
  }

  // MARK: - Accepted variations

  @Test func handlesQuotesLineEndingsBOMAndWhitespace() throws {
    let text =
      "\u{FEFF}\"size, m2\",rooms,\"price\"\r\n 10 ,\"2\",\" 100\"\r\n\"20\",3,200\r\n30,4,300\r\n\r\n\n"
    let loaded = try CSVDataset.parse(
      text: text, fileName: "data.csv", target: "price", testFraction: 0, scaleFeatures: false)
    #expect(loaded.dataset.featureNames == ["size, m2", "rooms"])
    #expect(loaded.rowCount == 3)
    #expect(Set(loaded.dataset.trainTargets.values) == [100, 200, 300])
    #expect(loaded.dataset.trainInputs.values.sorted() == [2, 3, 4, 10, 20, 30])
  }

  @Test func stripsControlCharactersFromNames() throws {
    let loaded = try CSVDataset.parse(
      text: "si\u{7}ze\t,price\n1,2\n3,4\n", fileName: "data.csv", target: "price")
    #expect(loaded.dataset.featureNames == ["size"])
  }

  @Test func classificationTargetsMustBeClassIndices() throws {
    let text = "x,price\n0.5,0\n0.7,1\n0.1,2\n"
    let loaded = try CSVDataset.parse(
      text: text, fileName: "data.csv", target: "price", taskHint: .classification(classCount: 3))
    #expect(loaded.dataset.task == .classification(classCount: 3))
    #expect(
      message(text, taskHint: .classification(classCount: 2))
        == "data.csv:4: column 'price': \"2\" is not a class index 0 to 1")
  }

  // MARK: - Errors, one line each

  @Test func notANumberNamesLineAndColumn() {
    // Line 4 is blank: line numbers count physical lines, blank ones included.
    #expect(
      message("size,rooms,price\n1,2,3\n4,5,6\n\n7,8,9\n10,11,12\nabc,1,2\n")
        == "data.csv:7: column 'size': \"abc\" is not a number")
  }

  @Test func missingTargetListsColumns() {
    #expect(
      message("size,rooms\n1,2\n3,4\n")
        == "data.csv:1: no column named 'price' (columns: size, rooms)")
  }

  @Test func wrongFieldCount() {
    #expect(
      message("size,rooms,price\n1,2,3\n4,5\n") == "data.csv:3: expected 3 fields, found 2")
    #expect(
      message("size,rooms,price\n1,2,3\n4,5,6,7\n") == "data.csv:3: expected 3 fields, found 4")
  }

  @Test func emptyFileAndOnlyBlankLines() {
    #expect(message("") == "data.csv:1: the file is empty")
    #expect(message("\n\r\n  \n") == "data.csv:1: the file is empty")
    #expect(message("\u{FEFF}") == "data.csv:1: the file is empty")
  }

  @Test func missingHeader() {
    #expect(
      message("1,2,3\n4,5,6\n")
        == "data.csv:1: the first line must be a header of column names, found numbers")
    #expect(message("size,,price\n1,2,3\n4,5,6\n") == "data.csv:1: column 2 has no name")
  }

  @Test func nonFiniteValues() {
    #expect(
      message("size,price\n1,2\nnan,3\n")
        == "data.csv:3: column 'size': \"nan\" is not a finite number")
    #expect(
      message("size,price\n1,2\n3,-inf\n")
        == "data.csv:3: column 'price': \"-inf\" is not a finite number")
    #expect(message("size,price\n1,2\n3, \n") == "data.csv:3: column 'price': missing value")
  }

  @Test func unreadableFiles() {
    #expect(throws: CSVError(fileName: "/nonexistent/dir/nowhere.csv", line: nil, problem: "no such file")) {
      try CSVDataset.load(path: "/nonexistent/dir/nowhere.csv", target: "price")
    }
    let directory = FileManager.default.temporaryDirectory.path
    #expect(
      (try? CSVDataset.load(path: directory, target: "price")) == nil)
    do {
      _ = try CSVDataset.load(path: directory, target: "price")
    } catch {
      #expect("\(error)".hasSuffix(": is a directory, not a file"))
    }
  }

  @Test func duplicateColumnNames() {
    #expect(
      message("size,price,size\n1,2,3\n4,5,6\n")
        == "data.csv:1: column 'size': appears twice (columns 1 and 3)")
  }

  @Test func tooFewRows() {
    #expect(message("size,price\n") == "data.csv:1: need at least 2 data rows, found 0")
    #expect(message("size,price\n1,2\n\n") == "data.csv:2: need at least 2 data rows, found 1")
  }

  @Test func unterminatedQuoteAndOnlyTarget() {
    #expect(
      message("size,price\n1,2\n\"3,4\n5,6\n") == "data.csv:3: a quoted field is never closed")
    #expect(
      message("price\n1\n2\n") == "data.csv:1: no feature columns besides the target 'price'")
  }

  @Test func hostileTextInMessagesIsShortAndPrintable() {
    let long = String(repeating: "x", count: 10_000)
    #expect(
      message("size,price\n1,2\n\(long)\u{1B}[2J,3\n")
        == "data.csv:3: column 'size': \"\(String(repeating: "x", count: 24))…\" (control characters removed) is not a number")
    #expect(
      message("size,price\n1,2\n\u{1B}[2J,3\n")
        == "data.csv:3: column 'size': \"\" (control characters removed) is not a number")
    #expect(
      message("size,price\n1,2\nab\u{1B}]0;title\u{07}c,3\n")
        == "data.csv:3: column 'size': \"abc\" (control characters removed) is not a number")
  }

  // MARK: - Robustness

  @Test func randomBytesNeverCrash() {
    var generator = SplitMix64(seed: 42)
    let alphabet = Array("0123456789.,-e\"\r\n xyz\u{0}\u{FEFF}é".utf8)
    for round in 0..<400 {
      let length = Int(generator.next() % 300)
      var bytes: [UInt8] = []
      for _ in 0..<length {
        let draw = generator.next()
        bytes.append(
          round % 2 == 0
            ? UInt8(truncatingIfNeeded: draw) : alphabet[Int(draw % UInt64(alphabet.count))])
      }
      let text = String(decoding: bytes, as: UTF8.self)
      for target in ["x", "y", ""] {
        do {
          let loaded = try CSVDataset.parse(text: "x,y\n" + text, fileName: "f.csv", target: target)
          #expect(loaded.rowCount >= 2)
        } catch let error as CSVError {
          #expect(!error.description.contains("\n"))
        } catch {
          Issue.record("unexpected error \(error)")
        }
      }
    }
  }

  @Test func binaryFilesAreRefusedAsNotText() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("descent-binary-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data([0x78, 0x2C, 0x79, 0x0A, 0x00, 0xFF, 0xFE, 0x31]).write(to: file)
    #expect(throws: CSVError(fileName: file.path, line: nil, problem: "is not a UTF-8 text file")) {
      try CSVDataset.load(path: file.path, target: "y")
    }
  }

  @Test func missingColumnMessageStaysShort() {
    let header = (0..<40).map { "column_with_a_rather_long_name_\($0)" }.joined(separator: ",")
    let row = (0..<40).map { _ in "1" }.joined(separator: ",")
    do {
      _ = try CSVDataset.parse(text: "\(header)\n\(row)\n\(row)\n", fileName: "wide.csv", target: "price")
      Issue.record("expected an error")
    } catch {
      let message = "\(error)"
      #expect(message.count < 400)
      #expect(message.hasSuffix("… 32 more)"))
    }
  }

  // MARK: - Limits

  @Test func valuesThatOverflowArithmeticAreDataErrors() {
    #expect(
      message("size,price\n1,2\n1e308,3\n")
        == "data.csv:3: column 'size': \"1e308\" is too large: numbers must be between -1e100 and 1e100 "
        + "(larger ones overflow when squared or scaled)")
    #expect(message("size,price\n1,2\n3,-1e308\n")?.hasPrefix("data.csv:3: column 'price': \"-1e308\" is too large") == true)
    #expect(message("size,price\n1,2\n3,\(Double.greatestFiniteMagnitude)\n")?.contains("is too large") == true)
    #expect(message("size,price\n1e100,2\n-1e100,3\n") == nil)
  }

  @Test func filesOverTheSizeLimitAreRefusedBeforeReading() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("descent-huge-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x,y\n".utf8)))
    let handle = try FileHandle(forWritingTo: file)
    try handle.truncate(atOffset: UInt64(CSVDataset.maximumFileSize) + 1)  // sparse: nothing written
    try handle.close()
    #expect(
      throws: CSVError(
        fileName: file.path, line: nil, problem: "the file is too large (17 MB; CSV files of at most 16 MB are read)")
    ) {
      try CSVDataset.load(path: file.path, target: "y")
    }
  }

  @Test func recordsStreamOneAtATime() {
    var text = "a,b\r\n\"x,\"\"y\"\"\",2\n\n3,4"
    let lines: [[String]] = text.withUTF8 { bytes in
      var reader = CSVRecordReader(bytes: bytes)
      var seen: [[String]] = []
      while let record = reader.next() { seen.append(record.fields) }
      return seen
    }
    #expect(lines == [["a", "b"], ["x,\"y\"", "2"], [""], ["3", "4"]])
  }
}
