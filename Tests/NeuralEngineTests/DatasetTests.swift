import Foundation
import Testing
@testable import NeuralEngine

/// The built-in datasets: shapes, names, and WORKLOADS W1's check values for `house`.
@Suite struct DatasetTests {
  @Test func houseMatchesWorkloadW1() throws {
    let house = Dataset.builtIn(.house, seed: 1)
    try #require(house.trainInputs.count + house.testInputs.count == 1000)
    #expect(Array(house.trainInputs[0]) == [0.5665615751722809, 0.75, 0.9710027535867962])
    #expect(house.trainTargets[0].first == 0.795286862820341)
    #expect(Array(house.trainInputs[1]) == [0.762894391911761, 1.0, 0.5230671798509814])
    let all = house.trainInputs.values + house.testInputs.values
    var bedroomCounts = [Double: Int]()
    for row in 0..<1000 { bedroomCounts[all[row * 3 + 1], default: 0] += 1 }
    #expect(bedroomCounts == [0: 215, 0.25: 198, 0.5: 202, 0.75: 203, 1: 182])
    #expect(house.featureNames == ["size", "bedrooms", "location"])
    #expect(house.targetNames == ["price"])
  }

  @Test(arguments: DatasetName.allCases)
  func everyDatasetHasASplitAndNames(name: DatasetName) {
    let dataset = Dataset.builtIn(name, seed: 8)
    let total = dataset.trainInputs.count + dataset.testInputs.count
    #expect(total == Dataset.defaultSampleCount(name))
    let testShare = Double(dataset.testInputs.count) / Double(total)
    #expect(testShare >= 1.0 / 6 && testShare <= 0.5)
    #expect(dataset.featureNames.count == dataset.trainInputs.width)
    #expect(dataset.inputShape.count == dataset.trainInputs.width)
    #expect(dataset.targetNames.count == dataset.trainTargets.width)
    #expect(dataset == Dataset.builtIn(name, seed: 8))
    #expect(dataset != Dataset.builtIn(name, seed: 9))
    if case .classification(let classCount) = dataset.task {
      let labels = Set(dataset.trainTargets.values + dataset.testTargets.values)
      #expect(labels == Set((0..<classCount).map(Double.init)))
      if dataset.inputShape == [2] { #expect(dataset.featureNames == ["x1", "x2"]) }
    }
  }

  /// Each coffee taster's score of the ideal cup is amount × how strongly they notice it, summed:
  /// without noise the targets are exactly that sum, so a neuron's weights can only settle on
  /// the recipe.
  @Test func coffeeTastersScoreTheIdealRecipe() {
    let quiet = Dataset.builtIn(.coffee, seed: 2, noise: 0)
    #expect(quiet.featureNames == ["coffee", "water", "sugar"])
    #expect(Dataset.idealCoffeeRecipe == [0.6, 0.8, 0.2])
    for row in 0..<quiet.trainInputs.count {
      let noticed = Array(quiet.trainInputs[row])
      #expect(noticed.allSatisfy { (0...1).contains($0) })
      let score = zip(noticed, Dataset.idealCoffeeRecipe).reduce(0) { $0 + $1.0 * $1.1 }
      #expect(abs(quiet.trainTargets[row].first! - score) < 1e-12)
    }
  }

  @Test func sampleCountOverridesTheDefault() {
    let line = Dataset.builtIn(.line, seed: 1, sampleCount: 50)
    #expect(line.trainInputs.count + line.testInputs.count == 50)
  }

  @Test func noiseReplacesTheTargetNoiseOfRegressionSets() {
    let quiet = Dataset.builtIn(.sine, seed: 3, noise: 0)
    for row in 0..<quiet.trainInputs.count {
      #expect(abs(quiet.trainTargets[row].first! - Foundation.sin(quiet.trainInputs[row].first!)) < 1e-12)
    }
    let noisy = Dataset.builtIn(.sine, seed: 3, noise: 0.3)
    let residuals = (0..<noisy.trainInputs.count).map { noisy.trainTargets[$0].first! - Foundation.sin(noisy.trainInputs[$0].first!) }
    let spread = (residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)).squareRoot()
    #expect(abs(spread - 0.3) < 0.06)
  }

  @Test func limitingTrainingKeepsTheTestSplit() {
    let full = Dataset.builtIn(.sine, seed: 1)
    let small = full.limitingTraining(to: 20)
    #expect(small.trainInputs.count == 20)
    #expect(small.trainInputs.values == Array(full.trainInputs.values.prefix(20)))
    #expect(small.testInputs == full.testInputs)
    #expect(small.testTargets == full.testTargets)
    #expect(full.limitingTraining(to: 10_000).trainInputs.count == full.trainInputs.count)
  }
}
