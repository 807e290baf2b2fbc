import Foundation
import Testing

/// `--save`, `predict` and `export`: a saved model predicts as it was trained, and exported
/// scripts reproduce its predictions (where PyTorch or TensorFlow can be imported).
@Suite struct ExportTests {
  /// A scratch folder for one test.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Whether `python3` can import `module` (the export tests run only where it can).
  static func importable(_ module: String) -> Bool {
    (try? DescentBinary.runProgram("/usr/bin/env", ["python3", "-c", "import \(module)"]).status) == 0
  }

  /// The numbers of a prediction table, row by row (the header is compared separately).
  static func numbers(_ table: String) -> [[Double]] {
    table.split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
  }

  /// Models of every layer kind with data to train and predict on.
  static let cases: [(arguments: [String], csv: String)] = [
    (["--dataset", "circle", "--layers", "4,2", "--lr", "0.3"], "x1,x2\n0.1,0.2\n0.9,-0.8\n0,0\n"),
    (["--csv", "assets/data/houses.csv", "--target", "price_k", "--model", "dense 3 relu, dropout 0.1, dense 1"], ""),
    (
      ["--dataset", "digits", "--model", "conv 4 3x3 pad same relu, maxpool 2, batchnorm, conv 3 2x2 stride 2, avgpool 1, dense 10 softmax"],
      table(header: (0..<64).map { "r\($0 / 8)c\($0 % 8)" }) { row, column in Double((column * 7 + row * 5) % 17) / 16 }
    ),
    (
      ["--dataset", "recall", "--length", "6", "--model", "lstm 5 sequences, rnn 4, dense 3 tanh, residual 3 leaky-relu, dense 1 sigmoid"],
      table(header: (0..<6).flatMap { ["bit\($0)", "marker\($0)"] }) { row, column in (column + row) % 3 == 0 ? 1 : 0 }
    ),
  ]

  /// A CSV text of three rows under `header`, each value from `value(row, column)`.
  static func table(header: [String], value: (Int, Int) -> Double) -> String {
    var lines = [header.joined(separator: ",")]
    for row in 0..<3 {
      let fields: [String] = header.indices.map { String(value(row, $0)) }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Trains `arguments` for two epochs into a model file, and writes the rows to predict.
  static func prepare(_ arguments: [String], csv: String, in folder: URL) throws -> (model: String, points: String) {
    let model = folder.appendingPathComponent("model.json").path
    let result = try DescentBinary.run(["train"] + arguments + ["--epochs", "2", "--save", model])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let points = csv.isEmpty ? "assets/data/houses.csv" : folder.appendingPathComponent("points.csv").path
    if !csv.isEmpty { try csv.write(toFile: points, atomically: true, encoding: .utf8) }
    return (model, points)
  }

  @Test(arguments: cases.indices)
  func aSavedModelPredictsTheSameEveryTime(index: Int) throws {
    let folder = try Self.folder()
    let (model, points) = try Self.prepare(Self.cases[index].arguments, csv: Self.cases[index].csv, in: folder)
    let first = try DescentBinary.run(["predict", model, "--csv", points])
    #expect(first.status == 0, "stderr: \(first.standardError)")
    #expect(first.standardOutput == (try DescentBinary.run(["predict", model, "--csv", points])).standardOutput)
    #expect(!Self.numbers(first.standardOutput).isEmpty)
  }

  @Test(
    .enabled(if: importable("torch"), "PyTorch is not importable by python3 here: the export is not checked against it"),
    arguments: cases.indices)
  func thePyTorchExportReproducesThePredictions(index: Int) throws {
    try Self.checkExport("--pytorch", index: index)
  }

  @Test(
    .enabled(if: importable("tensorflow"), "TensorFlow is not importable by python3 here: the export is not checked against it"),
    arguments: cases.indices)
  func theKerasExportReproducesThePredictions(index: Int) throws {
    try Self.checkExport("--keras", index: index)
  }

  static func checkExport(_ flag: String, index: Int) throws {
    let folder = try folder()
    let (model, points) = try prepare(cases[index].arguments, csv: cases[index].csv, in: folder)
    let predicted = try DescentBinary.run(["predict", model, "--csv", points])
    let script = try DescentBinary.run(["export", model, flag])
    #expect(script.status == 0, "stderr: \(script.standardError)")
    let path = folder.appendingPathComponent("model.py").path
    try script.standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
    let exported = try DescentBinary.runProgram("/usr/bin/env", ["python3", path, points])
    #expect(exported.status == 0, "stderr: \(exported.standardError.suffix(600))")
    #expect(exported.standardOutput.split(separator: "\n").first == predicted.standardOutput.split(separator: "\n").first)
    let ours = numbers(predicted.standardOutput)
    let theirs = numbers(exported.standardOutput)
    #expect(ours.count == theirs.count)
    for (row, other) in zip(ours, theirs) {
      #expect(row.count == other.count)
      for (a, b) in zip(row, other) { #expect(abs(a - b) <= 1e-9, "\(a) vs \(b)") }
    }
  }

  @Test func badFilesAreOneLineAndExitCodeTwo() throws {
    let folder = try Self.folder()
    let notJSON = folder.appendingPathComponent("notes.json").path
    try "hello".write(toFile: notJSON, atomically: true, encoding: .utf8)
    let (model, _) = try Self.prepare(Self.cases[0].arguments, csv: Self.cases[0].csv, in: folder)
    let tampered = folder.appendingPathComponent("tampered.json").path
    try (try String(contentsOfFile: model, encoding: .utf8)).replacingOccurrences(of: "\"w1\"", with: "\"w9\"")
      .write(toFile: tampered, atomically: true, encoding: .utf8)
    let noColumns = folder.appendingPathComponent("other.csv").path
    try "a,b\n1,2\n".write(toFile: noColumns, atomically: true, encoding: .utf8)
    for (arguments, expected) in [
      (["predict", "no/such/model.json", "--csv", noColumns], "no such file"),
      (["predict", notJSON, "--csv", noColumns], "is not a Descent model file"),
      (["predict", tampered, "--csv", noColumns], "do not match the model's"),
      (["predict", model, "--csv", noColumns], "no column named 'x1'"),
      (["export", model], "give one of --pytorch or --keras"),
      (["export", notJSON, "--pytorch"], "is not a Descent model file"),
    ] {
      let result = try DescentBinary.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.standardOutput.isEmpty)
      #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
      #expect(result.standardError.contains(expected), "\(arguments): \(result.standardError)")
    }
  }

  /// A single neuron on x₁² and x₂² learns the circle; its saved model names the features,
  /// `predict` computes them from the x1 and x2 columns, and `export` refuses it in one line.
  @Test func aModelOnInputFeaturesPredictsFromTheColumnsAndIsNotExported() throws {
    let folder = try Self.folder()
    let model = folder.appendingPathComponent("model.json").path
    let trained = try DescentBinary.run(
      ["train", "--setup", "circle;-;features=x1-squared,x2-squared;opt=adam;lr=0.05;epochs=60", "--save", model])
    #expect(trained.status == 0, "stderr: \(trained.standardError)")
    let file = try String(contentsOfFile: model, encoding: .utf8)
    #expect(file.contains("\"inputFeatures\" : [\n    \"x1-squared\",\n    \"x2-squared\"\n  ]"))
    let points = folder.appendingPathComponent("points.csv").path
    try "x2,x1\n0,0\n0.1,-0.2\n0.9,0.1\n-0.1,-0.85\n".write(toFile: points, atomically: true, encoding: .utf8)
    let predicted = try DescentBinary.run(["predict", model, "--csv", points])
    #expect(predicted.status == 0, "stderr: \(predicted.standardError)")
    let classes = predicted.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first }
    #expect(classes == ["1", "1", "0", "0"], "inside the circle 1, on the ring 0: \(predicted.standardOutput)")
    let exported = try DescentBinary.run(["export", model, "--pytorch"])
    #expect(exported.status == 2)
    #expect(exported.standardOutput.isEmpty)
    #expect(exported.standardError.split(separator: "\n").count == 1, "\(exported.standardError)")
    #expect(exported.standardError.contains("reads input features computed from its columns (x1-squared, x2-squared)"))
  }

  @Test func historyAndPlotFilesAreWritten() throws {
    let folder = try Self.folder()
    let history = folder.appendingPathComponent("run.csv").path
    let plot = folder.appendingPathComponent("loss.svg").path
    let result = try DescentBinary.run(
      ["train", "--dataset", "xor", "--layers", "4", "--lr", "0.3", "--batch", "20", "--epochs", "3", "--history", history, "--plot", plot])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let rows = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
    #expect(rows.first == "kind,step,epoch,batch_loss,train_loss,test_loss,train_accuracy,test_accuracy,learning_rate")
    #expect(rows.filter { $0.hasPrefix("epoch,") }.count == 3)
    #expect(rows.filter { $0.hasPrefix("step,") }.count == 3 * 7)
    let svg = try String(contentsOfFile: plot, encoding: .utf8)
    #expect(svg.hasPrefix("<svg") && svg.contains("train loss") && svg.contains("test accuracy"))
  }
}
