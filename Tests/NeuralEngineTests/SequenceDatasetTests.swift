import Foundation
import Testing
@testable import NeuralEngine

/// The sequence datasets: `adding` (WORKLOADS W5), `recall` and `sine-wave`.
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
    #expect(DatasetName.recall.lengthProblem(1) == nil)
    #expect(DatasetName.recall.lengthProblem(0) != nil)
    #expect(DatasetName.sineWave.lengthProblem(100_000) != nil)
    #expect(DatasetName.house.lengthProblem(7) == nil)
    #expect(DatasetName.allCases.filter(\.isSequence) == [.adding, .recall, .sineWave])
    #expect(DatasetName(rawValue: "sine-wave") == .sineWave)
    #expect(Dataset.builtIn(.house, seed: 1, length: 7) == Dataset.builtIn(.house, seed: 1))
  }

  // MARK: - recall

  @Test func recallMarksOneEarlyBitAndAsksForIt() throws {
    let recall = Dataset.builtIn(.recall, seed: 11)
    #expect(recall.name == "recall")
    #expect(recall.inputShape == [30, 2])
    #expect(recall.task == .classification(classCount: 2))
    #expect(recall.featureNames.count == 60 && recall.featureNames.prefix(2) == ["bit0", "marker0"])
    #expect(recall.trainInputs.count == 1000 && recall.testInputs.count == 250)
    var positions = Set<Int>()
    var ones = 0
    for (inputs, targets) in [(recall.trainInputs, recall.trainTargets), (recall.testInputs, recall.testTargets)] {
      for row in 0..<inputs.count {
        let marked = markedSteps(inputs, row: row, length: 30)
        try #require(marked.count == 1)
        #expect(marked[0] < 7)
        positions.insert(marked[0])
        for step in 0..<30 {
          let bit = value(inputs, row: row, step: step, feature: 0, features: 2)
          #expect(bit == 0 || bit == 1)
        }
        let target = try #require(targets[row].first)
        #expect(target == value(inputs, row: row, step: marked[0], feature: 0, features: 2))
        if target == 1 { ones += 1 }
      }
    }
    #expect(positions == Set(0..<7))
    #expect(ones > 550 && ones < 700)
  }

  @Test func recallMarkerSitsInTheFirstQuarter() throws {
    #expect(RecallTask.markerSpan(length: 1) == 1)
    #expect(RecallTask.markerSpan(length: 7) == 1)
    #expect(RecallTask.markerSpan(length: 10) == 2)
    #expect(RecallTask.markerSpan(length: 30) == 7)
    #expect(RecallTask.markerSpan(length: 40) == 10)
    let short = Dataset.builtIn(.recall, seed: 2, sampleCount: 200, length: 10)
    #expect(short.inputShape == [10, 2])
    #expect(short.trainInputs.count == 160 && short.testInputs.count == 40)
    for row in 0..<short.trainInputs.count {
      let marked = markedSteps(short.trainInputs, row: row, length: 10)
      try #require(marked.count == 1)
      #expect(marked[0] < 2)
    }
    #expect(short == RecallTask.dataset(seed: 2, length: 10, count: 200))
    #expect(short != RecallTask.dataset(seed: 3, length: 10, count: 200))
  }

  // MARK: - sine-wave

  @Test func sineWaveTargetsAreTheNextValueOfTheSeries() {
    let sine = Dataset.builtIn(.sineWave, seed: 4)
    #expect(sine.name == "sine-wave")
    #expect(sine.inputShape == [20, 1])
    #expect(sine.task == .regression)
    #expect(sine.featureNames.first == "x0" && sine.featureNames.last == "x19")
    #expect(sine.trainInputs.count == 800 && sine.testInputs.count == 200)
    var generator = SplitMix64(seed: 4)
    let series = SineWaveSeries.series(count: 1040, using: &generator)
    for row in 0..<800 {
      #expect(Array(sine.trainInputs[row]) == Array(series[row..<(row + 20)]))
      #expect(sine.trainTargets[row].first == series[row + 20])
    }
    // The test windows start after the last training target: no value is in both splits.
    for row in 0..<200 {
      #expect(Array(sine.testInputs[row]) == Array(series[(820 + row)..<(840 + row)]))
      #expect(sine.testTargets[row].first == series[840 + row])
    }
    #expect(sine == Dataset.builtIn(.sineWave, seed: 4))
    #expect(sine != Dataset.builtIn(.sineWave, seed: 5))
  }

  @Test func sineWaveSeriesIsASineOfPeriod25PlusNoise() {
    let length = 12
    let quiet = Dataset.builtIn(.sineWave, seed: 9, sampleCount: 50, noise: 0, length: length)
    #expect(quiet.inputShape == [12, 1])
    var generator = SplitMix64(seed: 9)
    let phase = generator.uniform(0, 2 * Double.pi)
    func clean(_ step: Int) -> Double { Foundation.sin(2 * Double.pi * Double(step) / 25 + phase) }
    for row in 0..<quiet.trainInputs.count {
      #expect(abs(quiet.trainTargets[row].first! - clean(row + length)) < 1e-12)
      #expect(abs(quiet.trainInputs[row].first! - clean(row)) < 1e-12)
    }
    for row in 0..<quiet.testInputs.count {
      #expect(abs(quiet.testTargets[row].first! - clean(40 + length + row + length)) < 1e-12)
    }
    let noisy = Dataset.builtIn(.sineWave, seed: 9, noise: 0.3)
    let residuals = (0..<noisy.trainInputs.count).map { noisy.trainTargets[$0].first! - clean($0 + 20) }
    let spread = (residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)).squareRoot()
    #expect(abs(spread - 0.3) < 0.04)
    let standard = Dataset.builtIn(.sineWave, seed: 9)
    let standardResiduals = (0..<standard.trainInputs.count).map { standard.trainTargets[$0].first! - clean($0 + 20) }
    let standardSpread = (standardResiduals.map { $0 * $0 }.reduce(0, +) / Double(standardResiduals.count)).squareRoot()
    #expect(abs(standardSpread - 0.05) < 0.01)
  }
}
