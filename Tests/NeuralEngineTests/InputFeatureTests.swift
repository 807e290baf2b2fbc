import Foundation
import Testing
@testable import NeuralEngine

/// Engineered input features: each one's formula, the transformed dataset, and a session that
/// trains on them.
@Suite struct InputFeatureTests {
  @Test func eachFeatureComputesItsFormula() {
    let (x1, x2) = (0.5, -2.0)
    #expect(InputFeature.x1.value(x1: x1, x2: x2) == 0.5)
    #expect(InputFeature.x2.value(x1: x1, x2: x2) == -2)
    #expect(InputFeature.x1Squared.value(x1: x1, x2: x2) == 0.25)
    #expect(InputFeature.x2Squared.value(x1: x1, x2: x2) == 4)
    #expect(InputFeature.x1TimesX2.value(x1: x1, x2: x2) == -1)
    #expect(InputFeature.sinX1.value(x1: x1, x2: x2) == sin(0.5))
    #expect(InputFeature.sinX2.value(x1: x1, x2: x2) == sin(-2.0))
    #expect(abs(InputFeature.sinX1.value(x1: Double.pi / 2, x2: 0) - 1) < 1e-15)
  }

  @Test func namesAndSpellings() {
    #expect(InputFeature.allCases.map(\.name) == ["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"])
    #expect(InputFeature.allCases.map(\.rawValue) == ["x1", "x2", "x1-squared", "x2-squared", "x1-times-x2", "sin-x1", "sin-x2"])
    #expect(InputFeature.ordered([.sinX2, .x1, .x1, .x1TimesX2]) == [.x1, .x1TimesX2, .sinX2])
  }

  @Test func aDatasetDescribedByFeaturesKeepsItsPointsAndTargets() throws {
    let circle = Dataset.builtIn(.circle, seed: 3)
    let features: [InputFeature] = [.x1Squared, .x2Squared, .x1TimesX2]
    let featured = circle.withInputFeatures(features)
    #expect(featured.featureNames == ["x₁²", "x₂²", "x₁x₂"])
    #expect(featured.inputShape == [3])
    #expect(featured.trainTargets == circle.trainTargets)
    #expect(featured.testTargets == circle.testTargets)
    #expect(featured.trainInputs.count == circle.trainInputs.count)
    #expect(featured.testInputs.count == circle.testInputs.count)
    for (original, transformed) in [(circle.trainInputs, featured.trainInputs), (circle.testInputs, featured.testInputs)] {
      for row in [0, 7, original.count - 1] {
        let point = Array(original[row]), values = Array(transformed[row])
        #expect(values == [point[0] * point[0], point[1] * point[1], point[0] * point[1]])
      }
    }
    // The plain features are the coordinates themselves.
    #expect(circle.withInputFeatures(InputFeature.plain).trainInputs == circle.trainInputs)
  }

  @Test func theSessionTrainsOnTheFeaturesAndNamesThem() throws {
    var configuration = TrainingConfiguration(dataset: .builtIn(.circle, seed: 1), hiddenLayers: [3], learningRate: 0.1, seed: 4)
    configuration.inputFeatures = [.x1, .x2, .x1Squared, .x2Squared]
    var session = try TrainingSession(configuration: configuration)
    #expect(session.network.inputCount == 4)
    #expect(session.featureNames == ["x₁", "x₂", "x₁²", "x₂²"])
    #expect(session.trainingInputs == configuration.dataset.withInputFeatures(configuration.inputFeatures ?? []).trainInputs)
    #expect(session.configuration.dataset.inputShape == [2], "the points stay as drawn, for the plots")
    session.step(count: 300)
    // With the squares a circle is a straight cut: far easier than from x₁ and x₂ alone.
    #expect((session.testAccuracy ?? 0) > 0.95)
  }

  @Test func featuresNeedTwoDimensionalDataAndAtLeastOne() {
    var house = TrainingConfiguration(dataset: .builtIn(.house, seed: 1))
    house.inputFeatures = [.x1Squared]
    #expect(throws: ModelError.self) { try house.buildNetwork() }
    var circle = TrainingConfiguration(dataset: .builtIn(.circle, seed: 1))
    circle.inputFeatures = []
    #expect(throws: ModelError.self) { try circle.buildNetwork() }
  }

  @Test func aRunOnFeaturesIsTheSameForTheSameSeed() throws {
    var configuration = TrainingConfiguration(
      dataset: .builtIn(.xor, seed: 2), hiddenLayers: [4, 2], learningRate: 0.1, batchMode: .miniBatch(size: 10), seed: 9)
    configuration.inputFeatures = [.x1, .x2, .x1TimesX2, .sinX1]
    var first = try TrainingSession(configuration: configuration)
    var second = try TrainingSession(configuration: configuration)
    first.step(count: 50)
    second.step(count: 50)
    #expect(first.network.parameters == second.network.parameters)
    #expect(first.history == second.history)
  }
}
