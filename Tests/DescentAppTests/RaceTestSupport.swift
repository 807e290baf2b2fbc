import LessonKit
import NeuralEngine
import TerminalUI

@testable import DescentApp

/// Deterministic races for the race tests.
enum RaceFixture {
  /// `line`, one neuron, full batch, seed 1: the learning-rate lesson's four rates.
  static let lineRates: [Double] = [0.01, 0.3, 0.9, 1.1]

  static func lineConfiguration(learningRate: Double = 0.1) -> TrainingConfiguration {
    TrainingConfiguration(
      dataset: .builtIn(.line, seed: 1), loss: .meanSquaredError, optimizer: .sgd, learningRate: learningRate,
      batchMode: .fullBatch, seed: 1)
  }

  static func learningRates(steps: Int = 0) -> Race {
    let configurations = RaceVariation.learningRates(lineRates).configurations(from: lineConfiguration())
    var race = try! Race(setting: .learningRate, configurations: configurations)
    race.press(count: steps, .character("n"))
    return race
  }

  static func spiralConfiguration() -> TrainingConfiguration {
    TrainingConfiguration(
      dataset: .builtIn(.spiral, seed: 1), hiddenLayers: [8, 8], loss: .binaryCrossEntropy, learningRate: 0.01,
      batchMode: .fullBatch, seed: 1)
  }

  /// The hidden-layers lesson's race: sgd, momentum and adam on the spiral.
  static func optimizers(steps: Int = 0) -> Race {
    let configurations = RaceVariation.optimizers([.sgd, .momentum, .adam]).configurations(from: spiralConfiguration())
    var race = try! Race(setting: .optimizer, configurations: configurations)
    race.press(count: steps, .character("n"))
    return race
  }

  static func valley(steps: Int = 0) -> Race {
    var race = Race(
      surface: .valley, setting: .optimizer,
      runs: [OptimizerKind.sgd, .momentum, .rmsprop, .adam].map { (optimizer: $0, learningRate: 0.1) })
    race.press(count: steps, .character("n"))
    return race
  }
}

extension Race {
  /// Applies `keys` in order; returns the last command.
  @discardableResult
  mutating func press(_ keys: Key...) -> Command {
    var command = Command.none
    for key in keys { command = update(.key(key)) }
    return command
  }

  mutating func press(count: Int, _ key: Key) {
    for _ in 0..<count { _ = update(.key(key)) }
  }
}

/// The race app drawn full screen at `width`×`height`.
func raceScreen(_ race: Race, _ width: Int, _ height: Int, theme: Theme = Fixture.colour) -> Buffer {
  var buffer = Buffer(width: width, height: height)
  RaceApp(race: race, theme: theme).render(into: &buffer)
  return buffer
}
