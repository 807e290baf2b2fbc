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
    (["train", "--layers", "-4"], "--layers must be sizes from 1 to 512"),
    (["train", "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>'"),
    (["train", "--batch", "-2"], "--batch must be 'full', '1' or a mini-batch size"),
    (["bench", "--seconds", "-1"], "--seconds must be between 0 and 600 (got -1.0)"),
    (["train", "--batch", "0"], "--batch must be"),
    (["train", "--optimizer", "rmsprop"], "unknown optimizer 'rmsprop'"),
    (["train", "--layers", "4,x"], "--layers must be sizes"),
    (["train", "--csv", "assets/data/houses.csv", "--target", "colour"], "no column named 'colour'"),
    (["train", "--csv", "no/such/file.csv", "--target", "price"], "no/such/file.csv"),
    (["train", "--epochs", "0"], "--epochs must be between"),
    (["train", "--frobnicate"], "Unknown option '--frobnicate'"),
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
    #expect(lines.contains("layer,from,to,weight"))
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
}
