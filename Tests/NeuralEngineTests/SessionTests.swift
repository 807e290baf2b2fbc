import Testing
@testable import NeuralEngine

/// Determinism, batch modes and changing hyperparameters mid-run.
@Suite struct SessionTests {
  static func xorConfiguration(seed: UInt64) -> TrainingConfiguration {
    TrainingConfiguration(
      dataset: .builtIn(.xor, seed: 1, sampleCount: 60), hiddenLayers: [5, 3], activation: .tanh,
      optimizer: .momentum, learningRate: 0.1, batchMode: .miniBatch(size: 7),
      regularization: .l2(0.001), dropoutRate: 0.2, seed: seed)
  }

  @Test func sameSeedGivesTheSameRunBitForBit() {
    var first = TrainingSession(configuration: Self.xorConfiguration(seed: 42))
    var second = TrainingSession(configuration: Self.xorConfiguration(seed: 42))
    first.step(count: 40)
    second.step(count: 40)
    #expect(first.network.parameters == second.network.parameters)
    #expect(first.history == second.history)
    #expect(first.trainLoss == second.trainLoss)
    #expect(!first.history.batchLoss.isEmpty)
  }

  @Test func differentSeedGivesADifferentRun() {
    var first = TrainingSession(configuration: Self.xorConfiguration(seed: 42))
    var second = TrainingSession(configuration: Self.xorConfiguration(seed: 43))
    first.step(count: 40)
    second.step(count: 40)
    #expect(first.network.parameters != second.network.parameters)
    #expect(first.history.batchLoss.points != second.history.batchLoss.points)
  }

  @Test(arguments: [
    (BatchMode.fullBatch, 1), (.miniBatch(size: 32), 3), (.miniBatch(size: 10), 8), (.stochastic, 80),
  ])
  func stepsPerEpochFollowTheBatchMode(mode: BatchMode, expectedSteps: Int) {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.line, seed: 2), learningRate: 0.01, batchMode: mode)
    var session = TrainingSession(configuration: configuration)
    #expect(session.trainCount == 80)
    #expect(session.stepsPerEpoch == expectedSteps)
    session.runEpoch()
    #expect(session.stepCount == expectedSteps)
    #expect(session.epochCount == 1)
    session.runEpoch()
    #expect(session.stepCount == 2 * expectedSteps)
    #expect(session.history.epochTrainLoss.points.map(\.step) == [1, 2])
  }

  @Test func everyEpochVisitsEverySampleOnce() {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.line, seed: 2), learningRate: 0.01, batchMode: .miniBatch(size: 32))
    var session = TrainingSession(configuration: configuration)
    var visited: [Int] = []
    for _ in 0..<3 { visited += session.step().sampleIndices }
    #expect(visited.sorted() == Array(0..<80))
    #expect(session.step().sampleIndices != Array(visited.prefix(32)))
  }

  @Test func changingHyperparametersMidRunKeepsParametersAndSteps() {
    var session = TrainingSession(configuration: Self.xorConfiguration(seed: 7))
    session.step(count: 5)
    let parameters = session.network.parameters
    let progress = session.epochProgress
    session.learningRate = 0.02
    session.batchMode = .stochastic
    session.regularization = .l1(0.001)
    session.optimizerKind = .adam
    session.dropoutRate = 0
    #expect(session.network.parameters == parameters)
    #expect(session.stepCount == 5)
    #expect(session.epochProgress == progress)
    #expect(session.history.learningRateChanges.last == SeriesPoint(step: 5, value: 0.02))
    let report = session.step()
    #expect(report.step == 6)
    #expect(report.sampleIndices.count == 1)
    #expect(session.network.parameters != parameters)
    // Adam's first step moves every parameter with a non-zero gradient by about the rate.
    let id = ParameterID.bias(layer: 2, output: 0)
    #expect(abs(abs(session.lastUpdate(id)) - 0.02) < 1e-3)
  }

  @Test func recordsParameterHistoryAndLastUpdates() {
    var session = TrainingSession(configuration: Self.xorConfiguration(seed: 9))
    let id = ParameterID.weight(layer: 0, output: 1, input: 0)
    let initial = session.network[id]
    #expect(session.parameterHistory(id) == [initial])
    session.step(count: 300)
    let history = session.parameterHistory(id)
    #expect(history.count == session.parameterHistoryCapacity)
    #expect(history.last == session.network[id])
    #expect(abs(history[history.count - 1] - history[history.count - 2] - session.lastUpdate(id)) < 1e-15)
    #expect(session.gradientNorms.count == 3)
    #expect(session.gradientNorms.allSatisfy { $0 > 0 })
  }

  @Test func derivedModelMatchesTheTask() {
    let house = TrainingSession(configuration: TrainingConfiguration(dataset: .builtIn(.house, seed: 1)))
    #expect(house.network.description == "Dense(3→1, linear)")
    #expect(house.lossFunction == .meanSquaredError)
    // One neuron starts from U(-0.5, 0.5) weights; biases start at 0.
    #expect(house.network.layers[0].weights.allSatisfy { $0 != 0 && abs($0) < 0.5 })
    #expect(house.network.layers[0].biases == [0])
    #expect(house.featureNames == ["size", "bedrooms", "location"])
    #expect(house.outputNames == ["price"])
    let circle = TrainingSession(configuration: TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), hiddenLayers: [4], activation: .relu))
    #expect(circle.network.description == "Dense(2→4, relu) → Dense(4→1, sigmoid)")
    #expect(circle.lossFunction == .binaryCrossEntropy)
    let softmax = TrainingSession(configuration: TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), loss: .categoricalCrossEntropy))
    #expect(softmax.network.description == "Dense(2→2, softmax)")
    #expect(softmax.trainAccuracy != nil)
  }
}
