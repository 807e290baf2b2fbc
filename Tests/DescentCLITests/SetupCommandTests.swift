import Foundation
import Testing

/// `--setup`: the same run as the options it spells, the string `train` prints reproduces its
/// run, and mixing it with other options or a bad string is one line and exit code 2.
@Suite struct SetupCommandTests {
  @Test(arguments: [
    (["--dataset", "circle", "--layers", "4,2", "--lr", "0.03", "--epochs", "20"], "circle;4,2;tanh;lr=0.03;epochs=20"),
    (["--dataset", "house", "--lr", "0.5", "--epochs", "30", "--seed", "4"], "house;-;opt=sgd;lr=0.5;seed=4;epochs=30"),
    (
      ["--dataset", "adding", "--model", "lstm 8, dense 1", "--length", "10", "--optimizer", "adam", "--lr", "0.02", "--batch", "20", "--clip", "0.5", "--epochs", "2"],
      "adding;lstm 8, dense 1;opt=adam;lr=0.02;batch=20;clip=0.5;length=10;epochs=2"
    ),
    (["--dataset", "xor", "--layers", "3", "--activation", "relu", "--loss", "mse", "--batch", "1", "--epochs", "5", "--format", "csv"], "xor;3;relu;loss=mse;batch=1;epochs=5"),
  ])
  func theSetupGivesTheSameRunAsTheOptions(options: [String], setup: String) throws {
    let format = options.contains("--format") ? ["--format", "csv"] : []
    let explicit = try DescentBinary.run(["train"] + options)
    let spelled = try DescentBinary.run(["train", "--setup", setup] + format)
    #expect(explicit.status == 0, "\(explicit.standardError)")
    #expect(spelled.status == 0, "\(spelled.standardError)")
    #expect(explicit.standardOutput == spelled.standardOutput)
  }

  /// The table's header names the run's setup; pasted back, it gives the same output.
  @Test func thePrintedSetupReproducesTheRun() throws {
    let first = try DescentBinary.run(["train", "--dataset", "spiral", "--layers", "6", "--optimizer", "momentum", "--lr", "0.05", "--batch", "16", "--seed", "9", "--epochs", "15"])
    #expect(first.status == 0)
    let line = try #require(first.standardOutput.split(separator: "\n").first { $0.hasPrefix("setup: ") })
    #expect(line == "setup: spiral;6;tanh;opt=momentum;lr=0.05;batch=16;seed=9;epochs=15")
    let again = try DescentBinary.run(["train", "--setup", String(line.dropFirst("setup: ".count))])
    #expect(again.standardOutput == first.standardOutput)
  }

  @Test(arguments: [
    (["train", "--setup", "circle;4", "--lr", "0.1"], "--setup holds every setting: give it alone, without --lr"),
    (["train", "--setup", "circle;4", "--dataset", "xor", "--seed", "2"], "without --dataset, --seed"),
    (["train", "--setup", "circle;4", "--epochs", "3"], "give the epochs inside it (epochs=N), not with --epochs"),
    (["train", "--setup", "circle;4;lr=x"], "--setup: lr: 'x' is not a number"),
    (["train", "--setup", "moon;4"], "--setup: data: 'moon' is unknown"),
    (["train", "--setup", "digits;dense 5 softmax"], "--setup: model: the last layer gives 5 outputs"),
    (["train", "--setup", "csv=no/such.csv;target=y"], "--setup: no/such.csv"),
    (["play", "--setup", "circle;4;drop=2"], "--setup: drop: must be from 0 up to (not including) 1"),
    (["play", "--setup", "circle;4", "--layers", "2"], "without --layers"),
    (["train", "--dataset", "house", "--csv", "assets/data/houses.csv", "--target", "price_k"], "give --dataset or --csv, not both"),
  ])
  func mistakesAreOneLineAndExitCodeTwo(arguments: [String], expected: String) throws {
    let result = try DescentBinary.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
    #expect(result.standardError.contains(expected), "\(result.standardError)")
  }
}
