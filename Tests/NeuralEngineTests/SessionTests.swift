import Testing
@testable import NeuralEngine

/// Determinism, batch modes, changing hyperparameters mid-run, and what a session records.
@Suite struct SessionTests {
  static func xorConfiguration(seed: UInt64) -> TrainingConfiguration {
    TrainingConfiguration(
      dataset: .builtIn(.xor, seed: 1, sampleCount: 60), hiddenLayers: [5, 3], activation: .tanh,
      optimizer: .momentum, learningRate: 0.1, batchMode: .miniBatch(size: 7),
      regularization: .l2(0.001), dropoutRate: 0.2, seed: seed)
  }

  @Test func sameSeedGivesTheSameRunBitForBit() throws {
    var first = try TrainingSession(configuration: Self.xorConfiguration(seed: 42))
    var second = try TrainingSession(configuration: Self.xorConfiguration(seed: 42))
    first.step(count: 40)
    second.step(count: 40)
    #expect(first.network.parameters == second.network.parameters)
    #expect(first.history == second.history)
    #expect(first.trainLoss == second.trainLoss)
    #expect(!first.history.batchLoss.isEmpty)
  }

  @Test func differentSeedGivesADifferentRun() throws {
    var first = try TrainingSession(configuration: Self.xorConfiguration(seed: 42))
    var second = try TrainingSession(configuration: Self.xorConfiguration(seed: 43))
    first.step(count: 40)
    second.step(count: 40)
    #expect(first.network.parameters != second.network.parameters)
    #expect(first.history.batchLoss.points != second.history.batchLoss.points)
  }

  @Test(arguments: [
    (BatchMode.fullBatch, 1), (.miniBatch(size: 32), 3), (.miniBatch(size: 10), 8), (.stochastic, 80),
  ])
  func stepsPerEpochFollowTheBatchMode(mode: BatchMode, expectedSteps: Int) throws {
    let configuration = TrainingConfiguration(dataset: .builtIn(.line, seed: 2), learningRate: 0.01, batchMode: mode)
    var session = try TrainingSession(configuration: configuration)
    #expect(session.trainCount == 80)
    #expect(session.stepsPerEpoch == expectedSteps)
    session.runEpoch()
    #expect(session.stepCount == expectedSteps)
    #expect(session.epochCount == 1)
    session.runEpoch()
    #expect(session.stepCount == 2 * expectedSteps)
    #expect(session.history.epochLoss.points.map(\.step) == [1, 2])
  }

  @Test func everyEpochVisitsEverySampleOnce() throws {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.line, seed: 2), learningRate: 0.01, batchMode: .miniBatch(size: 32))
    var session = try TrainingSession(configuration: configuration)
    var visited: [Int] = []
    for _ in 0..<3 {
      session.step()
      visited += session.lastBatchIndices
    }
    #expect(visited.sorted() == Array(0..<80))
    session.step()
    #expect(session.lastBatchIndices != Array(visited.prefix(32)))
  }

  @Test func aLargeBatchInChunksEqualsItInOnePass() throws {
    // The workspace holds at most `capacity` samples; a larger batch runs in chunks whose
    // gradients add up to the same mean.
    var configuration = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 3), hiddenLayers: [6], learningRate: 0.2, batchMode: .fullBatch)
    var whole = try TrainingSession(configuration: configuration)
    configuration.seed = 1
    var chunked = whole
    chunked.workspace = Workspace(network: chunked.network, capacity: 37)
    whole.step(count: 3)
    chunked.step(count: 3)
    for (a, b) in zip(whole.network.parameters, chunked.network.parameters) { #expect(abs(a - b) < 1e-13) }
  }

  @Test func changingHyperparametersMidRunKeepsParametersAndSteps() throws {
    var session = try TrainingSession(configuration: Self.xorConfiguration(seed: 7))
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
    session.step()
    #expect(session.stepCount == 6)
    #expect(session.lastBatchIndices.count == 1)
    #expect(session.network.parameters != parameters)
    // Adam's first step moves every parameter with a non-zero gradient by about the rate.
    let id = ParameterID.bias(layer: 2, output: 0)
    #expect(abs(abs(session.lastUpdate(id)) - 0.02) < 1e-3)
  }

  @Test func recordsParameterHistoryAndLastUpdates() throws {
    var session = try TrainingSession(configuration: Self.xorConfiguration(seed: 9))
    let id = ParameterID.weight(layer: 0, output: 1, input: 0)
    let initial = session.network[id]
    #expect(session.parameterHistory(id) == [initial])
    session.step(count: 300)
    let history = session.parameterHistory(id)
    #expect(history.count == session.recorder.parameterHistoryCapacity)
    #expect(history.last == session.network[id])
    #expect(abs(history[history.count - 1] - history[history.count - 2] - session.lastUpdate(id)) < 1e-15)
    // One norm per layer: dense, tanh, dropout, dense, tanh, dropout, dense, sigmoid.
    let norms = session.gradientNorms
    #expect(norms.count == session.network.layers.count)
    #expect(session.network.layers.indices.allSatisfy { norms[$0] > 0 || !session.network.layers[$0].isDense })
  }

  @Test func derivedModelMatchesTheTask() throws {
    let house = try TrainingSession(configuration: TrainingConfiguration(dataset: .builtIn(.house, seed: 1)))
    #expect(house.network.summary == "Dense(3→1, linear)")
    #expect(house.lossFunction == .meanSquaredError)
    // One neuron starts from U(-0.5, 0.5) weights; biases start at 0.
    let stage = try #require(house.network.denseStages.first)
    #expect(stage.weights.allSatisfy { $0 != 0 && abs($0) < 0.5 })
    #expect(stage.biases == [0])
    #expect(house.featureNames == ["size", "bedrooms", "location"])
    #expect(house.outputNames == ["price"])
    let circle = try TrainingSession(
      configuration: TrainingConfiguration(dataset: .builtIn(.circle, seed: 1), hiddenLayers: [4], activation: .relu))
    #expect(circle.network.summary == "Dense(2→4, relu) → Dense(4→1, sigmoid)")
    #expect(circle.lossFunction == .binaryCrossEntropy)
    let softmax = try TrainingSession(
      configuration: TrainingConfiguration(dataset: .builtIn(.circle, seed: 1), loss: .categoricalCrossEntropy))
    #expect(softmax.network.summary == "Dense(2→2, softmax)")
    #expect(softmax.trainAccuracy != nil)
  }

  /// The title bar's short form names the network the session really trains: the hidden
  /// activation of a dense stack, and a convolution's own description, never the shorthand's.
  @Test func compactSummaryDescribesTheNetworkItself() throws {
    let circle = try TrainingSession(
      configuration: TrainingConfiguration(dataset: .builtIn(.circle, seed: 1), hiddenLayers: [4, 2], activation: .relu))
    #expect(circle.network.compactSummary(arrow: "→") == "2→4→2→1 relu")
    let house = try TrainingSession(configuration: TrainingConfiguration(dataset: .builtIn(.house, seed: 1)))
    #expect(house.network.compactSummary(arrow: "->") == "3->1 linear")
    let described = try TrainingSession(
      configuration: TrainingConfiguration(
        dataset: .builtIn(.circle, seed: 1), model: ModelDescription(parsing: "dense 8 sigmoid, dense 1 sigmoid")))
    #expect(described.network.compactSummary(arrow: "→") == "2→8→1 sigmoid")
    let digits = try TrainingSession(
      configuration: TrainingConfiguration(
        dataset: .builtIn(.digits, seed: 1), model: ModelDescription(parsing: "conv 8 3x3 relu, maxpool 2, dense 10 softmax")))
    #expect(digits.network.compactSummary(arrow: "→") == digits.network.modelDescription.description)
  }

  @Test func evaluationIsAmortisedAndFreshOnRequest() throws {
    var configuration = TrainingConfiguration(
      dataset: .builtIn(.spiral, seed: 1, sampleCount: 2000), hiddenLayers: [8], batchMode: .miniBatch(size: 10))
    configuration.learningRate = 0.1
    var session = try TrainingSession(configuration: configuration)
    session.step(count: 100)
    // 1,000 samples trained (1,500 forward passes' worth) against 2,000 to evaluate: not yet due.
    // It is when the training is worth ten times the evaluation: after 13,334 samples.
    #expect(session.lastEvaluationStep == 0)
    session.step(count: 1233)
    #expect(session.lastEvaluationStep == 0)
    session.step(count: 100)
    #expect(session.lastEvaluationStep > 0)
    #expect(session.lastEvaluationStep < session.stepCount)
    session.refreshMetrics()
    #expect(session.lastEvaluationStep == session.stepCount)
  }

  @Test func modelDescriptionsBuildThroughTheConfiguration() throws {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), model: try ModelDescription(parsing: "dense 4 tanh, dense 2 tanh, dense 1 sigmoid"))
    let session = try TrainingSession(configuration: configuration)
    #expect(session.network.summary == "Dense(2→4, tanh) → Dense(4→2, tanh) → Dense(2→1, sigmoid)")
    #expect(session.lossFunction == .binaryCrossEntropy)
    let wrongWidth = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), model: try ModelDescription(parsing: "dense 4 tanh, dense 3 softmax"))
    #expect(throws: ModelError.self) { try TrainingSession(configuration: wrongWidth) }
  }

  @Test func frozenLayersDoNotMove() throws {
    var configuration = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), model: try ModelDescription(parsing: "dense 4 tanh, dense 1 sigmoid"),
      learningRate: 0.5)
    configuration.frozenItems = [1]
    var session = try TrainingSession(configuration: configuration)
    let before = session.network.parameters
    session.step(count: 20)
    let first = try #require(session.network.block(named: "w1"))
    let last = try #require(session.network.block(named: "w2"))
    #expect(Array(session.network.parameters[first.range]) == Array(before[first.range]))
    #expect(Array(session.network.parameters[last.range]) != Array(before[last.range]))
  }

  @Test func divergenceStopsWithAReasonAndKeepsFiniteParameters() throws {
    let configuration = TrainingConfiguration(dataset: .builtIn(.line, seed: 1), learningRate: 50, batchMode: .fullBatch)
    var session = try TrainingSession(configuration: configuration)
    session.step(count: 200)
    guard case .diverged(let reason) = session.state else {
      Issue.record("expected divergence, got \(session.state)")
      return
    }
    #expect(session.network.isFinite)
    #expect(reason.description.contains("step"))
    #expect((0..<session.network.parameterCount).allSatisfy { session.recorder.lastUpdate(at: $0) == 0 })
  }

  @Test func numbersInReasonsAreShort() {
    #expect(DivergenceReason.format(3.2e9) == "3.2e9")
    #expect(DivergenceReason.format(1e6) == "1e6")
    #expect(DivergenceReason.format(2.5e-7) == "2.5e-7")
    #expect(DivergenceReason.format(0.5) == "0.5")
    #expect(DivergenceReason.format(.nan) == "NaN")
  }
}

/// The by-feature path of narrow first layers, and the linear model's fused sweep
/// (`LinearModelPass`), give the same step as plain back-propagation, and the same loss as the
/// layer-by-layer evaluation.
@Suite struct ByFeatureTests {
  @Test(arguments: [LossFunction.meanSquaredError, .square])
  func aLinearModelIsEvaluatedToTheLayerPathsLoss(loss: LossFunction) throws {
    for name in [DatasetName.house, .line, .coffee] {
      let dataset = Dataset.builtIn(name, seed: 4)
      let configuration = TrainingConfiguration(
        dataset: dataset, hiddenLayers: [], loss: loss, learningRate: 0.1, batchMode: .miniBatch(size: 7))
      var session = try TrainingSession(configuration: configuration)
      #expect(session.takesLinearModelPass && session.data.classCount == nil, "\(name)")
      session.step(count: 5)
      session.refreshMetrics()
      var workspace = Workspace(network: session.network, capacity: 16)
      let train = session.network.measure(
        inputs: dataset.trainInputs, targets: dataset.trainTargets, loss: loss, classifies: false, workspace: &workspace)
      #expect(train.loss > 0)
      #expect(abs(session.metrics.trainLoss - train.loss) <= 1e-14 * train.loss, "\(name) train")
      #expect(session.metrics.trainAccuracy == nil)
      if dataset.testInputs.count > 0 {
        let test = session.network.measure(
          inputs: dataset.testInputs, targets: dataset.testTargets, loss: loss, classifies: false, workspace: &workspace)
        let testLoss = try #require(session.metrics.testLoss)
        #expect(abs(testLoss - test.loss) <= 1e-14 * test.loss, "\(name) test")
      }
    }
  }

  @Test(arguments: [BatchMode.fullBatch, .miniBatch(size: 13)], [LossFunction.meanSquaredError, .square])
  func aStepEqualsBackpropagationOnItsBatch(mode: BatchMode, loss: LossFunction) throws {
    for (name, hidden) in [(DatasetName.house, [Int]()), (.house, [3]), (.line, []), (.coffee, [])] {
      let dataset = Dataset.builtIn(name, seed: 4)
      let width = dataset.trainInputs.width
      let configuration = TrainingConfiguration(
        dataset: dataset, hiddenLayers: hidden, loss: loss, learningRate: 0.1, batchMode: mode)
      var session = try TrainingSession(configuration: configuration)
      #expect(session.network.readsInputsByFeature)
      #expect(session.takesLinearModelPass == hidden.isEmpty, "\(name) \(hidden)")
      let before = session.network
      session.step()
      let rows = session.lastBatchIndices
      let inputs = Samples(width: width, values: rows.flatMap { Array(dataset.trainInputs[$0]) })
      let targets = Samples(width: 1, values: rows.map { dataset.trainTargets.values[$0] })
      let gradients = before.backpropagate(inputs, targets: targets, loss: loss).parameterGradients
      for index in gradients.indices {
        let expected = before.parameters[index] - 0.1 * gradients[index]
        #expect(abs(session.network.parameters[index] - expected) < 1e-13, "\(name) \(hidden) parameter \(index)")
      }
    }
  }
}
