import NeuralEngine
import Testing

@testable import LessonKit

/// A lab's `race:`: one setting, 2 to 6 values, every problem at its file line.
@Suite struct LabRaceTests {
  private func lab(_ text: String) -> LabSpec? {
    Lesson.parse(text: lessonText(text), fileName: "t.md").lesson?.pages.first?.lab
  }

  @Test func eachSettingReadsItsValuesInOrder() throws {
    let rates = try #require(lab("""
      ```lab
      dataset: line
      race: {learning-rate: [0.01, 0.3, 0.9, 1.1]}
      views: [bowl, loss]
      ```
      """))
    #expect(rates.race == .learningRates([0.01, 0.3, 0.9, 1.1]))
    let optimizers = try #require(lab("""
      ```lab
      dataset: spiral
      layers: [8, 8]
      race:
        optimizer: [sgd, momentum, adam]
      ```
      """))
    #expect(optimizers.race == .optimizers([.sgd, .momentum, .adam]))
    let batches = try #require(lab("""
      ```lab
      dataset: circle
      layers: [4]
      race: {batch: [full, 1, 16]}
      ```
      """))
    #expect(batches.race == .batchModes([.fullBatch, .stochastic, .miniBatch(size: 16)]))
    let activations = try #require(lab("""
      ```lab
      dataset: circle
      layers: [4]
      race: {activation: [tanh, relu]}
      ```
      """))
    #expect(activations.race == .activations([.tanh, .relu]))
    #expect(activations.race?.setting == .activation)
  }

  /// Each run is the lab's configuration with only the raced value changed.
  @Test func configurationsDifferOnlyInTheRacedSetting() throws {
    let spec = try #require(lab("""
      ```lab
      dataset: line
      learning-rate: 0.2
      optimizer: momentum
      seed: 7
      race: {learning-rate: [0.01, 0.5]}
      ```
      """))
    let base = spec.trainingConfiguration
    let runs = try #require(spec.race).configurations(from: base)
    #expect(runs.map(\.learningRate) == [0.01, 0.5])
    for run in runs {
      var same = run
      same.learningRate = base.learningRate
      #expect(same == base)
    }
  }

  @Test func badRacesAreReportedAtTheirLines() {
    // The fence is line 8, so the lab's first key is line 9.
    #expect(problems(in: lessonText("""
      ```lab
      dataset: line
      race: {learning-rate: [0.01, -1, 0.01]}
      ```
      """)) == [
        "t.md:10: `race`: `-1` is not a learning rate above 0 (at most 100)",
        "t.md:10: `race` lists `0.01` twice; each run needs its own value",
      ])
    #expect(problems(in: lessonText("""
      ```lab
      dataset: line
      race: {speed: [1, 2]}
      ```
      """)) == ["t.md:10: unknown race setting `speed` (allowed: learning-rate, optimizer, batch, activation)"])
    #expect(problems(in: lessonText("""
      ```lab
      dataset: line
      race: {optimizer: [adam]}
      ```
      """)) == ["t.md:10: `race` runs 2 to 6 values side by side (got 1)"])
    #expect(problems(in: lessonText("""
      ```lab
      dataset: line
      race: {optimizer: [sgd, momentum, nesterov, adagrad, rmsprop, adam, sgd]}
      ```
      """)) == ["t.md:10: `race` runs 2 to 6 values side by side (got 7)"])
    #expect(problems(in: lessonText("""
      ```lab
      dataset: line
      race: {optimizer: [sgd, adam], batch: [1, full]}
      ```
      """)) == ["t.md:10: `race` must name one setting and its values, e.g. `race: {learning-rate: [0.01, 0.1, 1]}`"])
    #expect(problems(in: lessonText("""
      ```lab
      dataset: line
      race:
        optimizer: [sgd, rmsprob]
      ```
      """)) == [
        "t.md:11: `race`: `rmsprob` is not an optimizer (sgd, momentum, nesterov, adagrad, rmsprop, adam)"
      ])
  }

  @Test func aRaceMustFitItsViewsAndNetwork() {
    #expect(problems(in: lessonText("""
      ```lab
      dataset: circle
      race: {activation: [relu, tanh]}
      views: [loss, weights]
      ```
      """)) == [
        "t.md:10: a race lab shows only `bowl` and `loss`, not `weights`",
        "t.md:10: a race of activations needs hidden `layers` (the activation is theirs)",
      ])
    #expect(problems(in: lessonText("""
      ```lab
      dataset: house
      race: {learning-rate: [0.1, 0.2]}
      views: [bowl, loss]
      bowl-parameters: [w.size, b]
      ```
      """)) == [
        "t.md:10: a race draws the `bowl` only for a network of two parameters (one neuron on one input); this one has 4"
      ])
  }

  @Test func aGoalCannotWatchARace() {
    #expect(problems(in: lessonText("""
      ```lab
      dataset: line
      race: {learning-rate: [0.1, 0.2]}
      ```

      ```goal
      train-loss-below: 0.1
      ```
      """)) == ["t.md:13: a goal watches one run; this page's lab is a race (put the goal on a page of its own)"])
  }
}
