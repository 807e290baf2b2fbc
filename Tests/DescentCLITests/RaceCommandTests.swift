import Foundation
import Testing

/// `descent race`: every bad race is one line on stderr and exit code 2, before any terminal work.
@Suite struct RaceCommandTests {
  @Test(arguments: [
    (["race", "--dataset", "line", "--lr", "0.1"], "a race varies one setting given as a comma list, e.g. --lr 0.01,0.1,0.9"),
    (["race", "--lr", "0.1,0.2", "--optimizer", "sgd,adam"], "a race varies one setting at a time; --lr and --optimizer are both lists"),
    (["race", "--batch", "1,full", "--activation", "relu,tanh", "--layers", "4"], "--batch and --activation are both lists"),
    (["race", "--lr", "0.1"], "a race varies one setting given as a comma list"),
    (["race", "--lr", "0.1,0.2,0.3,0.4,0.5,0.6,0.7"], "--lr: a race has 2 to 6 runs (got 7 values)"),
    (["race", "--optimizer", "sgd,"], "--optimizer 'sgd,' has an empty value between its commas"),
    (["race", "--optimizer", "sgd,adma"], "unknown optimizer 'adma' (choose sgd, momentum, nesterov, adagrad, rmsprop, adam)"),
    (["race", "--lr", "0.1,-1"], "--lr must be a number greater than 0 (got -1.0)"),
    (["race", "--lr", "0.1,fast"], "--lr must be a number greater than 0 (got 'fast')"),
    (["race", "--batch", "full,0"], "--batch must be 'full', '1' or a mini-batch size"),
    (["race", "--activation", "relu,swish", "--layers", "4"], "unknown activation 'swish'"),
    (["race", "--activation", "relu,tanh"], "--activation varies the hidden layers of --layers"),
    (["race", "--optimizer", "adam,adam"], "--optimizer lists 'adam' twice; each run needs its own value"),
    (["race", "--dataset", "moon", "--lr", "0.1,0.2"], "unknown dataset 'moon'"),
    (["race", "--surface", "valey", "--optimizer", "sgd,adam"], "unknown surface 'valey' (choose bowl, valley, saddle, plateau, hills, local-minimum)"),
    (["race", "--surface", "valley", "--batch", "1,full"], "--batch does not apply on a surface; vary --optimizer or --lr"),
    (["race", "--surface", "saddle", "--optimizer", "sgd,adam", "--layers", "4"], "--layers does not apply with --surface"),
    (["train", "--lr", "0.1,0.2"], "--lr takes one value here (got '0.1,0.2'); `descent race` compares several"),
    (["play", "--optimizer", "sgd,adam"], "--optimizer takes one value here"),
  ])
  func badRacesGiveOneLineAndExitCodeTwo(arguments: [String], expected: String) throws {
    let result = try DescentBinary.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.split(separator: "\n").count == 1, "stderr: \(result.standardError)")
    #expect(result.standardError.hasPrefix("descent: "))
    #expect(result.standardError.contains(expected), "stderr: \(result.standardError)")
  }

  /// A good race without a terminal is refused the way `play` is: one line, exit 2.
  @Test(arguments: [
    ["race", "--dataset", "line", "--lr", "0.01,0.3,0.9,1.1"],
    ["race", "--surface", "valley", "--optimizer", "sgd,momentum,rmsprop,adam"],
    ["race", "--surface", "bowl", "--lr", "0.1,1"],
  ])
  func aValidRaceNeedsATerminal(arguments: [String]) throws {
    let result = try DescentBinary.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains("needs a terminal"), "stderr: \(result.standardError)")
  }

  @Test func helpNamesTheRaceableOptionsAndTheSurfaces() throws {
    let result = try DescentBinary.run(["race", "--help"])
    #expect(result.status == 0)
    for text in ["--lr", "--optimizer", "--batch", "--activation", "--surface", "local-minimum", "1-6 hide/show a run"] {
      #expect(result.standardOutput.contains(text), "\(text) in: \(result.standardOutput)")
    }
  }
}
