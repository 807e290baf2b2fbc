import Foundation
import Testing

@Suite struct TrainCommandTests {
  @Test(arguments: [
    (["train", "--dataset", "moon"], "unknown dataset 'moon'"),
    (["train", "--lr", "0"], "--lr must be a number greater than 0"),
    (["train", "--lr=-1"], "--lr must be a number greater than 0"),
    (["train", "--lr", "-1"], "--lr must be a number greater than 0 (got -1.0)"),
    (["train", "--lr", "-inf"], "--lr must be a number greater than 0 (got -inf)"),
    (["train", "--epochs", "-5"], "--epochs must be between 1 and 1000000 (got -5)"),
    (["train", "--layers", "-4"], "--layers must be sizes from 1 to 1024"),
    (["train", "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>'"),
    (["train", "--batch", "-2"], "--batch must be 'full', '1' or a mini-batch size"),
    (["bench", "--seconds", "-1"], "--seconds must be between 0 and 600 (got -1.0)"),
    (["train", "--batch", "0"], "--batch must be"),
    (["train", "--optimizer", "rmsprob"], "unknown optimizer 'rmsprob'"),
    (["train", "--layers", "4,x"], "--layers must be sizes"),
    (["train", "--csv", "assets/data/houses.csv", "--target", "colour"], "no column named 'colour'"),
    (["train", "--csv", "no/such/file.csv", "--target", "price"], "no/such/file.csv"),
    (["train", "--epochs", "0"], "--epochs must be between"),
    (["train", "--frobnicate"], "Unknown option '--frobnicate'"),
    (["train", "--dataset", "circle", "--model", "dense 4 tanh, maxpool 3"], "--model: layer 2 'maxpool 3': needs an image input"),
    (["train", "--dataset", "digits", "--model", "conv 8 3x3, maxpool 4"], "--model: layer 2 'maxpool 4': the 6×6 input is not divisible by 4"),
    (["train", "--dataset", "digits", "--model", "dense 5000"], "neurons must be from 1 to 1024"),
    (["train", "--dataset", "digits", "--model", "dense 1024, dense 1024, dense 10 softmax"], "more than 1000000 parameters (the limit)"),
    (["train", "--dataset", "digits", "--model", "dense 5 softmax"], "the last layer gives 5 outputs, but digits has 10 classes"),
    (["train", "--dataset", "digits", "--model", "dens 5"], "--model: layer 1 'dens 5': unknown layer 'dens'"),
    (["train", "--dataset", "adding", "--model", "dense 4, lstm 3"], "needs a sequence input"),
    (["train", "--layers", "4", "--model", "dense 1"], "give --model or --layers, not both"),
    (["train", "--dataset", "adding", "--length", "7"], "--length: the adding problem needs an even length"),
    (["train", "--dataset", "circle", "--length", "10"], "--length: applies to sequence datasets"),
  ])
  func badArgumentsGiveOneLineAndExitCodeTwo(arguments: [String], expected: String) throws {
    let result = try DescentBinary.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(result.standardError)")
    #expect(result.standardError.hasPrefix("descent: "))
    #expect(result.standardError.contains(expected), "stderr: \(result.standardError)")
  }

  @Test func houseRecoversTheWeightsByName() throws {
    let result = try DescentBinary.run(["train", "--dataset", "house", "--lr", "0.5", "--epochs", "400"])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let weights = Dictionary(uniqueKeysWithValues: result.standardOutput.split(separator: "\n").compactMap { line -> (String, Double)? in
      let fields = line.split(separator: " ")
      guard fields.first == "layer", fields.count >= 6, let value = Double(fields[5]) else { return nil }
      return (String(fields[2]), value)
    })
    #expect(abs((weights["size"] ?? 0) - 0.3) < 0.02)
    #expect(abs((weights["bedrooms"] ?? 0) - 0.2) < 0.02)
    #expect(abs((weights["location"] ?? 0) - 0.5) < 0.02)
    #expect(result.standardOutput.contains("epoch  train loss   test loss"))
  }

  @Test func csvFormatHasOneRowPerEpoch() throws {
    let result = try DescentBinary.run(["train", "--dataset", "xor", "--layers", "4", "--lr", "0.3", "--epochs", "5", "--format", "csv"])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "epoch,train_loss,test_loss,train_accuracy,test_accuracy")
    #expect(lines[1].hasPrefix("1,"))
    #expect(lines[5].hasPrefix("5,"))
    #expect(lines.contains("layer,name,from,to,weight"))
  }

  @Test func jsonFormatParses() throws {
    let result = try DescentBinary.run(["train", "--csv", "assets/data/houses.csv", "--target", "price_k", "--epochs", "20", "--format", "json"])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let epochs = try #require(object["epochs"] as? [[String: Any]])
    #expect(epochs.count == 20)
    let weights = try #require(object["weights"] as? [[String: Any]])
    #expect(weights.contains { $0["from"] as? String == "size_m2" })
  }

  @Test func sameSeedSameOutput() throws {
    let arguments = ["train", "--dataset", "circle", "--layers", "4,2", "--lr", "0.1", "--batch", "10", "--epochs", "5", "--seed", "7"]
    let first = try DescentBinary.run(arguments)
    let second = try DescentBinary.run(arguments)
    #expect(first.status == 0)
    #expect(first.standardOutput == second.standardOutput)
  }

  /// The commands of the engine's issue, verbatim: they run, and reach what they should.
  @Test(arguments: [
    (["train", "--dataset", "digits", "--model", "conv 8 3x3 relu, maxpool 2, dense 10 softmax", "--lr", "0.1", "--batch", "32", "--epochs", "10"], 0.95),
    (["train", "--dataset", "spiral", "--model", "dense 16 relu, residual 16 relu, residual 16 relu, dense 1 sigmoid", "--optimizer", "adam", "--lr", "0.01", "--batch", "10", "--epochs", "300"], 0.95),
    (["train", "--dataset", "digits", "--model", "dense 32 relu, batchnorm, dense 10 softmax", "--lr", "0.1", "--batch", "32", "--epochs", "10"], 0.90),
    (["train", "--dataset", "circle", "--model", "dense 4 tanh, dense 2 tanh, dense 1 sigmoid"], 0.0),
    (["train", "--dataset", "recall", "--length", "30", "--model", "lstm 16, dense 1 sigmoid", "--optimizer", "adam", "--lr", "0.003", "--epochs", "60"], 0.95),
  ])
  func modelCommandsReachTheirAccuracy(arguments: [String], accuracy: Double) throws {
    let result = try DescentBinary.run(arguments)
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let epochs = result.standardOutput.split(separator: "\n").filter { $0.hasSuffix("%") }
    let last = try #require(epochs.last, "no epoch lines in \(result.standardOutput.prefix(400))")
    let testAccuracy = try #require(Double(last.split(separator: " ").last?.dropLast() ?? ""))
    #expect(testAccuracy / 100 >= accuracy, "\(last)")
  }

  @Test func theSimpleRNNCommandFailsTheLongRecall() throws {
    let result = try DescentBinary.run(
      ["train", "--dataset", "recall", "--length", "30", "--model", "rnn 16, dense 1 sigmoid", "--optimizer", "adam", "--lr", "0.003", "--epochs", "60"])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let last = try #require(result.standardOutput.split(separator: "\n").filter { $0.hasSuffix("%") }.last)
    let testAccuracy = try #require(Double(last.split(separator: " ").last?.dropLast() ?? ""))
    #expect(testAccuracy < 70, "\(last)")
  }

  @Test func theAddingLSTMCommandGetsBelowAHundredth() throws {
    let result = try DescentBinary.run(
      ["train", "--dataset", "adding", "--model", "lstm 16, dense 1", "--optimizer", "adam", "--lr", "0.02", "--batch", "20", "--epochs", "15"])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let last = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("   15 ") })
    let testLoss = try #require(Double(last.split(separator: " ")[2]))
    #expect(testLoss < 0.01, "\(last)")
  }
}
