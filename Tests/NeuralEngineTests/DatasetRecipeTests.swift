import Testing
@testable import NeuralEngine

/// Drawing a built-in dataset again with one thing changed: noise, the split, the seed.
@Suite struct DatasetRecipeTests {
  /// Naming the standard noise or split draws exactly the standard data, so the playground's
  /// keys start from the data a lab or `descent play` showed.
  @Test(arguments: DatasetName.allCases)
  func theStandardValuesDrawTheStandardData(name: DatasetName) {
    let standard = DatasetRecipe(name: name, seed: 5, sampleCount: name == .digits ? 200 : nil).dataset
    let explicit = DatasetRecipe(
      name: name, seed: 5, sampleCount: name == .digits ? 200 : nil, noise: Dataset.standardNoise(name),
      testFraction: Dataset.standardTestFraction(name)
    ).dataset
    #expect(standard == explicit)
    #expect(standard == Dataset.builtIn(name, seed: 5, sampleCount: name == .digits ? 200 : nil))
  }

  @Test(arguments: [DatasetName.xor, .circle, .gaussians, .spiral])
  func noiseMovesThePointsOfTwoDimensionalSets(name: DatasetName) {
    let calm = DatasetRecipe(name: name, seed: 2, noise: 0).dataset
    let noisy = DatasetRecipe(name: name, seed: 2, noise: 0.3).dataset
    #expect(calm.trainTargets == noisy.trainTargets || name == .spiral, "labels stay (spiral reshuffles its rows)")
    #expect(calm.trainInputs != noisy.trainInputs)
    // Points move by about the noise: the mean distance grows with it.
    func spread(_ dataset: Dataset) -> Double {
      let values = dataset.trainInputs.values
      return values.map { $0 * $0 }.reduce(0, +) / Double(values.count)
    }
    #expect(spread(noisy) > spread(calm))
  }

  @Test func theTestFractionSplitsTheTableSets() {
    let circle = DatasetRecipe(name: .circle, seed: 1, testFraction: 0.5).dataset
    #expect(circle.trainInputs.count == 200)
    #expect(circle.testInputs.count == 200)
    let line = DatasetRecipe(name: .line, seed: 1, testFraction: 0.1).dataset
    #expect(line.trainInputs.count == 90)
    #expect(DatasetRecipe(name: .digits, seed: 1).resolvedTestFraction == nil, "digits keep their own split")
    #expect(DatasetRecipe(name: .recall, seed: 1).resolvedNoise == nil)
    #expect(DatasetRecipe(name: .line, seed: 1).resolvedNoise == 0.1)
  }

  @Test func aNewSeedDrawsNewPoints() {
    let first = DatasetRecipe(name: .spiral, seed: 1).dataset
    let second = DatasetRecipe(name: .spiral, seed: 2).dataset
    #expect(first != second)
    #expect(first == DatasetRecipe(name: .spiral, seed: 1).dataset)
  }

  /// `classes`, `train-samples` and `test-shift` apply after the draw, as a lab asks.
  @Test func labVariantsApplyAfterTheDraw() {
    let recipe = DatasetRecipe(name: .digits, seed: 1, classes: [5, 6], trainSamples: 40, testShift: 1)
    let data = recipe.dataset
    #expect(data.trainInputs.count == 40)
    #expect(Set(data.trainTargets.values + data.testTargets.values) == [5, 6])
    let unshifted = DatasetRecipe(name: .digits, seed: 1, classes: [5, 6], trainSamples: 40).dataset
    #expect(data.trainInputs == unshifted.trainInputs)
    #expect(data.testInputs == Dataset.shifted(unshifted.testInputs, shape: data.inputShape, right: 1, down: 0))
  }
}
