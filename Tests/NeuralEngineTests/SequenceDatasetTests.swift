import Foundation
import Testing
@testable import NeuralEngine

/// The sequence datasets: `adding` (WORKLOADS W5).
@Suite struct SequenceDatasetTests {
  /// Step `step`'s feature `feature` of row `row` in a `[T, features]` table.
  private func value(_ samples: Samples, row: Int, step: Int, feature: Int, features: Int) -> Double {
    samples[row][samples[row].startIndex + step * features + feature]
  }

  /// The steps whose marker (feature 1 of 2) is set in `row`.
  private func markedSteps(_ samples: Samples, row: Int, length: Int) -> [Int] {
    (0..<length).filter { value(samples, row: row, step: $0, feature: 1, features: 2) == 1 }
  }

  // MARK: - adding

  @Test func addingTrainingSplitIsWorkloadW5() throws {
    let adding = Dataset.builtIn(.adding, seed: 6006)
    #expect(adding.name == "adding")
    #expect(adding.inputShape == [20, 2])
    #expect(adding.task == .regression)
    #expect(adding.targetNames == ["sum"])
    #expect(adding.featureNames.prefix(4) == ["value0", "marker0", "value1", "marker1"])
    #expect(adding.featureNames.count == 40)
    try #require(adding.trainInputs.count == 1000 && adding.testInputs.count == 200)
    #expect(Array(adding.trainInputs[0].prefix(6)) == [0.9200188658112246, 0, 0.2257448959965065, 0, 0.33313702465425166, 0])
    #expect(markedSteps(adding.trainInputs, row: 0, length: 20) == [4, 18])
    #expect(adding.trainTargets[0].first == 0.9958623979900298)
    #expect(abs(adding.trainTargets.values.reduce(0, +) - 981.0563041640185) < 1e-9)
    var firstSum = 0
    var secondSum = 0
    for row in 0..<1000 {
      let marked = markedSteps(adding.trainInputs, row: row, length: 20)
      try #require(marked.count == 2)
      #expect(marked[0] < 10 && marked[1] >= 10)
      firstSum += marked[0]
      secondSum += marked[1]
      let sum = value(adding.trainInputs, row: row, step: marked[0], feature: 0, features: 2)
        + value(adding.trainInputs, row: row, step: marked[1], feature: 0, features: 2)
      #expect(adding.trainTargets[row].first == sum)
    }
    #expect(firstSum == 4499 && secondSum == 14652)
  }

  @Test func addingTestSequencesAreDrawnAfterTheTrainingOnes() {
    let split = AddingProblem.dataset(seed: 6006)
    let drawnOnward = AddingProblem.dataset(seed: 6006, trainCount: 1200, testCount: 1)
    #expect(split.testInputs.values == Array(drawnOnward.trainInputs.values[(1000 * 40)..<(1200 * 40)]))
    #expect(split.testTargets.values == Array(drawnOnward.trainTargets.values[1000..<1200]))
    #expect(split == Dataset.builtIn(.adding, seed: 6006))
    #expect(split != Dataset.builtIn(.adding, seed: 6007))
  }

  @Test(arguments: [2, 8, 36])
  func addingMarksOneStepInEachHalf(length: Int) throws {
    let adding = Dataset.builtIn(.adding, seed: 5, sampleCount: 60, length: length)
    #expect(adding.inputShape == [length, 2])
    #expect(adding.trainInputs.count == 50 && adding.testInputs.count == 10)
    for row in 0..<adding.testInputs.count {
      let marked = markedSteps(adding.testInputs, row: row, length: length)
      try #require(marked.count == 2)
      #expect(marked[0] < length / 2 && marked[1] >= length / 2)
    }
  }

  @Test func lengthRulesAreExplained() {
    #expect(DatasetName.adding.lengthProblem(20) == nil)
    #expect(DatasetName.adding.lengthProblem(7) != nil)
    #expect(DatasetName.adding.lengthProblem(0) != nil)
    #expect(DatasetName.house.lengthProblem(7) == nil)
    #expect(DatasetName.allCases.filter(\.isSequence) == [.adding])
    #expect(Dataset.builtIn(.house, seed: 1, length: 7) == Dataset.builtIn(.house, seed: 1))
  }
}
