import Testing
@testable import NeuralEngine

/// Drawing a built-in dataset again with one thing changed, as the playground's data keys do:
/// noise, the train/test split, the seed.
@Suite struct DataRecipeTests {
  static func drawn(_ recipe: DataRecipe) throws -> Dataset { try recipe.drawn().dataset }

  /// Naming the standard noise or split draws exactly the standard data, so the playground's
  /// keys start from the data a lab or `descent play` showed.
  @Test(arguments: DatasetName.allCases)
  func theStandardValuesDrawTheStandardData(name: DatasetName) throws {
    let count = name == .digits ? 200 : nil
    let standard = try Self.drawn(DataRecipe(source: .builtIn(name), seed: 5, sampleCount: count))
    let explicit = DataRecipe(
      source: .builtIn(name), seed: 5, sampleCount: count, noise: Dataset.standardNoise(name),
      testFraction: Dataset.standardTestFraction(name))
    #expect(explicit.problem == nil)
    #expect(try Self.drawn(explicit) == standard)
    #expect(standard == Dataset.builtIn(name, seed: 5, sampleCount: count))
  }

  @Test(arguments: [DatasetName.xor, .circle, .gaussians, .spiral])
  func noiseMovesThePointsOfTwoDimensionalSets(name: DatasetName) throws {
    let calm = try Self.drawn(DataRecipe(source: .builtIn(name), seed: 2, noise: 0))
    let noisy = try Self.drawn(DataRecipe(source: .builtIn(name), seed: 2, noise: 0.3))
    #expect(calm.trainTargets == noisy.trainTargets || name == .spiral, "labels stay (spiral reshuffles its rows)")
    #expect(calm.trainInputs != noisy.trainInputs)
    // Points move by about the noise: the mean squared coordinate grows with it.
    func spread(_ dataset: Dataset) -> Double {
      let values = dataset.trainInputs.values
      return values.map { $0 * $0 }.reduce(0, +) / Double(values.count)
    }
    #expect(spread(noisy) > spread(calm))
  }

  @Test func theTestFractionSplitsTheTableSets() throws {
    let circle = try Self.drawn(DataRecipe(source: .builtIn(.circle), testFraction: 0.5))
    #expect(circle.trainInputs.count == 200)
    #expect(circle.testInputs.count == 200)
    let line = try Self.drawn(DataRecipe(source: .builtIn(.line), testFraction: 0.1))
    #expect(line.trainInputs.count == 90)
    #expect(DataRecipe(source: .builtIn(.digits)).resolvedTestFraction == nil, "digits keep their own split")
    #expect(DataRecipe(source: .builtIn(.recall)).resolvedNoise == nil)
    #expect(DataRecipe(source: .builtIn(.line)).resolvedNoise == 0.1)
    #expect(DataRecipe(source: .builtIn(.circle), noise: 0.2).resolvedNoise == 0.2)
  }

  @Test func aNewSeedDrawsNewPoints() throws {
    let first = try Self.drawn(DataRecipe(source: .builtIn(.spiral), seed: 1))
    #expect(try Self.drawn(DataRecipe(source: .builtIn(.spiral), seed: 2)) != first)
    #expect(try Self.drawn(DataRecipe(source: .builtIn(.spiral), seed: 1)) == first)
  }

  /// Noise and the split only where the dataset has them; each refusal names its setting.
  @Test func noiseAndSplitWhereTheyApply() {
    #expect(DataRecipe(source: .builtIn(.digits), noise: 0.1).problem?.field == "noise")
    #expect(DataRecipe(source: .builtIn(.circle), noise: 0.1).problem == nil)
    #expect(DataRecipe(source: .builtIn(.digits), testFraction: 0.3).problem?.field == "test-fraction")
    #expect(DataRecipe(source: .builtIn(.circle), testFraction: 1).problem?.field == "test-fraction")
    #expect(DataRecipe(source: .builtIn(.circle), testFraction: 0).problem?.field == "test-fraction")
    #expect(DataRecipe(source: .csv(path: "a.csv", target: "y"), testFraction: 0.3).problem?.field == "test-fraction")
  }
}
