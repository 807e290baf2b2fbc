import Testing

@testable import NeuralEngine

/// Keeping some classes, moving the test images, and starting blocks from given values.
@Suite struct DatasetVariantsTests {
  @Test func keepingClassesKeepsOnlyThoseInBothSplits() {
    let digits = Dataset.builtIn(.digits, seed: 1)
    let high = digits.keepingClasses([5, 6, 7, 8, 9])
    for targets in [high.trainTargets, high.testTargets] {
      #expect(targets.values.allSatisfy { $0 >= 5 })
    }
    let low = digits.keepingClasses([0, 1, 2, 3, 4])
    #expect(low.trainInputs.count + high.trainInputs.count == digits.trainInputs.count)
    #expect(low.testInputs.count + high.testInputs.count == digits.testInputs.count)
    #expect(high.task == digits.task, "class numbers and outputs stay as they were")
    let house = Dataset.builtIn(.house, seed: 1)
    #expect(house.keepingClasses([0]) == house)
  }

  @Test func shiftingMovesTestImagesOnly() {
    let digits = Dataset.builtIn(.digits, seed: 1)
    let shifted = digits.shiftingTestImages(right: 1)
    #expect(shifted.trainInputs == digits.trainInputs)
    let before = Array(digits.testInputs[0]), after = Array(shifted.testInputs[0])
    for row in 0..<8 {
      #expect(after[row * 8] == 0, "column 0 is new, empty")
      for column in 1..<8 { #expect(after[row * 8 + column] == before[row * 8 + column - 1]) }
    }
    let up = Dataset.shifted(Samples(width: 4, values: [1, 2, 3, 4]), shape: [1, 2, 2], right: 0, down: -1)
    #expect(up.values == [3, 4, 0, 0])
    let line = Dataset.builtIn(.line, seed: 1)
    #expect(line.shiftingTestImages(right: 1) == line)
  }

  @Test func startingParametersReplaceOnlyTheirBlocks() throws {
    let model = try ModelDescription(parsing: "conv 2 3x3 relu, maxpool 2, dense 10 softmax")
    var configuration = TrainingConfiguration(dataset: .builtIn(.digits, seed: 1, sampleCount: 60), model: model)
    let fresh = try TrainingSession(configuration: configuration).network
    let kernel = [Double](repeating: 0.25, count: 18)
    configuration.startingParameters = ["conv1.kernel": kernel]
    let started = try TrainingSession(configuration: configuration).network
    let block = try #require(started.block(named: "conv1.kernel"))
    #expect(Array(started.parameters[block.range]) == kernel)
    var others = started.parameters, freshOthers = fresh.parameters
    others.removeSubrange(block.range)
    freshOthers.removeSubrange(block.range)
    #expect(others == freshOthers, "every other block is drawn as without them")
  }

  @Test func startingParametersAreChecked() throws {
    let model = try ModelDescription(parsing: "conv 2 3x3 relu, maxpool 2, dense 10 softmax")
    var configuration = TrainingConfiguration(dataset: .builtIn(.digits, seed: 1, sampleCount: 60), model: model)
    configuration.startingParameters = ["conv9.kernel": [1]]
    #expect(throws: ModelError.self) { try configuration.buildNetwork() }
    configuration.startingParameters = ["conv1.kernel": [1, 2]]
    #expect(throws: ModelError.self) { try configuration.buildNetwork() }
  }
}
