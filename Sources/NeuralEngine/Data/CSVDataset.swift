import Foundation
import SafeText

/// A learner's own data from a CSV file: a header row of column names, then numeric rows.
///
/// One column is the target; every other column is a feature, in header order, named from the
/// header. Rows are split into training and test parts by a seeded shuffle (SplitMix64), and
/// features are min–max scaled to [0, 1] unless asked not to (the scaling is kept in
/// `scaling`). Every problem becomes a `CSVError` naming the file, line and column.
///
/// ```swift
/// let dataset = try CSVDataset.load(path: "assets/data/houses.csv", target: "price_k")
/// ```
public struct CSVDataset: Sendable {
  /// The split, possibly scaled, data.
  public var dataset: Dataset
  /// How the features were scaled, or `nil` if they were left as they are.
  public var scaling: FeatureScaling?
  /// Data rows read (training plus test).
  public var rowCount: Int

  /// Files larger than this (16 MiB) are refused rather than read: rows are streamed, but the
  /// numbers, their split and their scaled copy still live in memory.
  public static let maximumFileSize = 16 << 20
  /// The largest magnitude a value may have: 1e100 squared or subtracted from -1e100 stays far
  /// from overflow, while ±1e308 made the loss infinite ("diverged: NaN") instead of an error.
  public static let maximumMagnitude = 1e100

  // MARK: - Loading

  /// Reads `path` and returns its dataset (see `read(path:...)` for the scaling too).
  public static func load(
    path: String, target: String, testFraction: Double = 0.2, seed: UInt64 = 1,
    taskHint: LearningTask? = nil, scaleFeatures: Bool = true
  ) throws -> Dataset {
    try read(
      path: path, target: target, testFraction: testFraction, seed: seed, taskHint: taskHint,
      scaleFeatures: scaleFeatures
    ).dataset
  }

  /// Reads `path` and parses it; errors name the file as the learner typed it.
  public static func read(
    path: String, target: String, testFraction: Double = 0.2, seed: UInt64 = 1,
    taskHint: LearningTask? = nil, scaleFeatures: Bool = true
  ) throws -> CSVDataset {
    let text = try readText(path: path)
    return try parse(
      text: text, fileName: path, target: target,
      testFraction: testFraction, seed: seed, taskHint: taskHint, scaleFeatures: scaleFeatures)
  }

  /// The text of the CSV file at `path`, refused when it is missing, too large or not text.
  static func readText(path: String) throws -> String {
    let fileName = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CSVError(fileName: fileName, line: nil, problem: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw CSVError(fileName: fileName, line: nil, problem: "is a directory, not a file")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    if let size = attributes?[.size] as? Int, size > maximumFileSize {
      throw CSVError(
        fileName: fileName, line: nil,
        problem: "the file is too large (\(megabytes(size)) MB; CSV files of at most "
          + "\(megabytes(maximumFileSize)) MB are read)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CSVError(fileName: fileName, line: nil, problem: "cannot read the file")
    }
    guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
      throw CSVError(fileName: fileName, line: nil, problem: "is not a UTF-8 text file")
    }
    return text
  }

  /// `bytes` in whole mebibytes, rounded up.
  static func megabytes(_ bytes: Int) -> Int { (bytes + (1 << 20) - 1) >> 20 }

  /// Parses CSV `text` as if read from a file called `fileName`.
  ///
  /// - Parameters:
  ///   - target: the header name of the column to predict.
  ///   - testFraction: the share of rows held out for testing, in [0, 1); rounded to whole rows,
  ///     at least one row stays for training.
  ///   - seed: seeds the SplitMix64 shuffle that decides the split.
  ///   - taskHint: `nil` or `.regression` predicts the target's values;
  ///     `.classification(classCount: k)` requires class indices `0 ..< k`.
  ///   - scaleFeatures: min–max scale each feature to [0, 1] from the training rows.
  public static func parse(
    text: String, fileName: String, target: String, testFraction: Double = 0.2,
    seed: UInt64 = 1, taskHint: LearningTask? = nil, scaleFeatures: Bool = true
  ) throws -> CSVDataset {
    precondition(testFraction >= 0 && testFraction < 1, "testFraction must be in [0, 1)")
    func failure(_ line: Int?, _ column: String? = nil, _ problem: String) -> CSVError {
      CSVError(fileName: fileName, line: line, column: column, problem: problem)
    }

    var text = text
    return try text.withUTF8 { bytes in
      var reader = CSVRecordReader(bytes: bytes)
      let rows = try readRows(&reader, target: target, taskHint: taskHint, failure: failure)
      if let line = reader.unterminatedQuoteLine {
        throw failure(line, nil, "a quoted field is never closed")
      }
      guard let rows else { throw failure(1, nil, "the file is empty") }
      guard rows.targets.count >= 2 else {
        throw failure(rows.lastLine, nil, "need at least 2 data rows, found \(rows.targets.count)")
      }
      return split(
        rows, fileName: fileName, testFraction: testFraction, seed: seed, taskHint: taskHint,
        scaleFeatures: scaleFeatures)
    }
  }

  /// The numbers of a CSV file, before the split: one row of features and one target per record.
  private struct Rows {
    var featureNames: [String]
    var targetName: String
    var inputs: Samples
    var targets: Samples
    /// The line of the last record read (for "need at least 2 data rows").
    var lastLine: Int
  }

  /// Reads the header and every row as they stream past; nil when there is no header. Only the
  /// numbers are kept, so memory grows with the data, not with the text's fields.
  private static func readRows(
    _ reader: inout CSVRecordReader, target: String, taskHint: LearningTask?,
    failure: (Int?, String?, String) -> CSVError
  ) throws -> Rows? {
    var header: CSVRecord?
    while let record = reader.next() {
      if !record.isBlank {
        header = record
        break
      }
    }
    guard let header else { return nil }
    let names = try columnNames(header, failure: failure)
    guard let targetColumn = names.firstIndex(of: sanitisedName(target)) else {
      throw failure(
        header.line, nil,
        "no column named '\(sanitisedName(target))' (columns: \(columnList(names)))")
    }
    let featureColumns = names.indices.filter { $0 != targetColumn }
    guard !featureColumns.isEmpty else {
      throw failure(
        header.line, nil, "no feature columns besides the target '\(names[targetColumn])'")
    }

    // Rows: every field a finite number of a magnitude arithmetic can square and subtract.
    var rows = Rows(
      featureNames: featureColumns.map { names[$0] }, targetName: names[targetColumn],
      inputs: Samples(width: featureColumns.count), targets: Samples(width: 1), lastLine: header.line)
    var values = [Double](repeating: 0, count: names.count)
    while let record = reader.next() {
      if record.isBlank { continue }
      rows.lastLine = record.line
      guard record.fields.count == names.count else {
        throw failure(
          record.line, nil, "expected \(names.count) fields, found \(record.fields.count)")
      }
      for (column, field) in record.fields.enumerated() {
        values[column] = try number(field, line: record.line, column: names[column], failure: failure)
      }
      if case .classification(let classCount) = taskHint {
        let label = values[targetColumn]
        guard label >= 0, label < Double(classCount), label == label.rounded() else {
          throw failure(
            record.line, names[targetColumn],
            "\(quotedForMessage(trimmed(record.fields[targetColumn]))) is not a class index "
              + "0 to \(classCount - 1)")
        }
      }
      rows.inputs.append(featureColumns.map { values[$0] })
      rows.targets.append([values[targetColumn]])
    }
    return rows
  }

  /// The value of one field, or the error that names its line and column.
  static func number(
    _ field: String, line: Int, column: String, failure: (Int?, String?, String) -> CSVError
  ) throws -> Double {
    let text = trimmed(field)
    guard !text.isEmpty else { throw failure(line, column, "missing value") }
    guard let value = Double(text) else {
      throw failure(line, column, "\(quotedForMessage(text)) is not a number")
    }
    guard value.isFinite else {
      throw failure(line, column, "\(quotedForMessage(text)) is not a finite number")
    }
    guard abs(value) <= maximumMagnitude else {
      throw failure(
        line, column,
        "\(quotedForMessage(text)) is too large: numbers must be between -1e100 and 1e100 "
          + "(larger ones overflow when squared or scaled)")
    }
    return value
  }

  /// Splits `rows` into training and test parts and scales the features.
  private static func split(
    _ rows: Rows, fileName: String, testFraction: Double, seed: UInt64, taskHint: LearningTask?,
    scaleFeatures: Bool
  ) -> CSVDataset {
    let inputs = rows.inputs, targets = rows.targets
    // Seeded split: shuffle the row order, the first rows become the training part.
    let rowCount = targets.count
    var order = Array(0..<rowCount)
    var generator = SplitMix64(seed: seed)
    generator.shuffle(&order)
    let testCount = min(Int((Double(rowCount) * testFraction).rounded()), rowCount - 1)
    let trainOrder = order.prefix(rowCount - testCount)
    let testOrder = order.suffix(testCount)
    func pick(_ samples: Samples, _ order: ArraySlice<Int>) -> Samples {
      Samples(width: samples.width, values: order.flatMap { samples[$0] })
    }
    var trainInputs = pick(inputs, trainOrder)
    var testInputs = pick(inputs, testOrder)
    var scaling: FeatureScaling?
    if scaleFeatures {
      let fitted = FeatureScaling(fitting: trainInputs)
      trainInputs = fitted.scale(trainInputs)
      testInputs = fitted.scale(testInputs)
      scaling = fitted
    }
    let stem = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
    let dataset = Dataset(
      name: TextSanitizer.inline(stem.isEmpty ? fileName : stem), featureNames: rows.featureNames,
      targetNames: [rows.targetName], task: taskHint ?? .regression,
      trainInputs: trainInputs, trainTargets: pick(targets, trainOrder),
      testInputs: testInputs, testTargets: pick(targets, testOrder))
    return CSVDataset(dataset: dataset, scaling: scaling, rowCount: rowCount)
  }

  // MARK: - Header

  /// The sanitised column names of `header`, or the error that makes it unusable.
  static func columnNames(
    _ header: CSVRecord, failure: (Int?, String?, String) -> CSVError
  ) throws -> [String] {
    let names = header.fields.map(sanitisedName)
    if names.allSatisfy({ Double($0) != nil }) {
      throw failure(
        header.line, nil, "the first line must be a header of column names, found numbers")
    }
    var seen: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      guard !name.isEmpty else {
        throw failure(header.line, nil, "column \(index + 1) has no name")
      }
      if let first = seen[name] {
        throw failure(
          header.line, name, "appears twice (columns \(first + 1) and \(index + 1))")
      }
      seen[name] = index
    }
    return names
  }
}
