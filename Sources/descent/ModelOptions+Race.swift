import ArgumentParser
import Foundation
import LessonKit
import NeuralEngine

/// The runs of a race read from the model options: the one option given as a comma list.
struct RaceRuns {
  let setting: RaceSetting
  /// The option as typed, for messages: `--lr`.
  let optionName: String
  /// Every run's options, validated one by one exactly as `descent train` validates them.
  let runs: [RunSetup]
}

extension ModelOptions {
  /// The race these options describe: exactly one of `--lr`, `--optimizer`, `--batch` and
  /// `--activation` holds 2 to 6 comma-separated values, and each value makes a valid run.
  func raceRuns() throws -> RaceRuns {
    let settings: [RaceSetting] = [.learningRate, .optimizer, .batch, .activation]
    let lists = zip(settings, raceableOptions).filter { $0.1.text?.contains(",") == true }
    guard let (setting, option) = lists.first, let text = option.text else {
      throw ValidationError(
        "a race varies one setting given as a comma list, e.g. --lr 0.01,0.1,0.9 or --optimizer sgd,momentum,adam")
    }
    guard lists.count == 1 else {
      throw ValidationError(
        "a race varies one setting at a time; \(lists.map(\.1.name).joined(separator: " and ")) are both lists")
    }
    let values = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard !values.contains(where: \.isEmpty) else {
      throw ValidationError("\(option.name) '\(text)' has an empty value between its commas")
    }
    guard RaceVariation.runCounts.contains(values.count) else {
      throw ValidationError(
        "\(option.name): a race has \(RaceVariation.runCounts.lowerBound) to \(RaceVariation.runCounts.upperBound) runs (got \(values.count) values)")
    }
    if let repeated = values.enumerated().first(where: { values[..<$0.offset].contains($0.element) }) {
      throw ValidationError("\(option.name) lists '\(repeated.element)' twice; each run needs its own value")
    }
    let runs = try values.map { value in
      var single = self
      switch setting {
      case .learningRate: single.learningRate = value
      case .optimizer: single.optimizer = value
      case .batch: single.batch = value
      case .activation: single.activation = value
      }
      return try single.validated()
    }
    if setting == .activation, runs[0].hiddenLayers.isEmpty || runs[0].model != nil {
      throw ValidationError("--activation varies the hidden layers of --layers; give --layers (e.g. --layers 4) and no --model")
    }
    return RaceRuns(setting: setting, optionName: option.name, runs: runs)
  }
}
