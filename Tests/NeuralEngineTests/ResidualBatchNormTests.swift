import Testing
@testable import NeuralEngine

/// Residual blocks and batch normalisation: gradients against finite differences, the running
/// averages evaluation uses, and small cases worked by hand.
@Suite struct ResidualBatchNormTests {
  // MARK: - Residual

  @Test func stackedResidualBlocks() throws {
    try GradientChecker.expectExact("dense 4 tanh, residual 4 relu, residual 4 tanh, dense 2", inputShape: [3])
  }

  @Test func residualWithoutActivation() throws {
    // First layer, so the input gradient checks the skip connection plus the branch.
    try GradientChecker.expectExact("residual 3, dense 2", inputShape: [3])
  }

  @Test(arguments: Activation.allCases)
  func residualWithEveryActivation(activation: Activation) throws {
    try GradientChecker.expectExact("residual 4 \(activation.rawValue), dense 2", inputShape: [4], batch: 4)
  }

  @Test func residualWithZeroBranchIsTheIdentity() throws {
    // A built network has every parameter zero: W = 0, b = 0, and no activation is linear.
    let network = try Network(description: ModelDescription(parsing: "residual 4"), inputShape: [4])
    #expect(network.parameters.allSatisfy { $0 == 0 })
    let inputs = Samples(width: 4, values: [0.5, -1.25, 3, 0, 7, -2, 0.125, 1e-3])
    #expect(network.predictions(inputs).values == inputs.values)
    // The gradient goes straight through the skip connection.
    let targets = Samples(width: 4, values: [Double](repeating: 0, count: 8))
    let result = network.backpropagate(inputs, targets: targets, loss: .square)
    #expect(result.inputGradients == inputs.values.map { $0 / 2 })
    #expect(result.trace.value(ofLayer: 0, named: "f", sample: 1)?.values == [0, 0, 0, 0])
  }

  @Test func residualNamesAndInitialisation() throws {
    var network = try Network(description: ModelDescription(parsing: "residual 3 tanh, residual 3"), inputShape: [3])
    #expect(network.blocks.map(\.name) == ["res1.w", "res1.b", "res2.w", "res2.b"])
    #expect(network.blocks.map(\.role) == [.weight, .bias, .weight, .bias])
    #expect(network.layers.count == 2)
    var generator = SplitMix64(seed: 5)
    network.initialise(rule: .xavier, bias: 0.1, using: &generator)
    // Xavier with fan-in = fan-out = 3: U(±1).
    let weights = try #require(network.block(named: "res1.w"))
    #expect(network.parameters[weights.range].allSatisfy { abs($0) <= 1 && $0 != 0 })
    let bias = try #require(ParameterID(parsing: "res1.b[0]"))
    #expect(network[bias] == 0.1)
    let weight = try #require(ParameterID(parsing: "res2.w[0,2]"))
    #expect(network.contains(weight))
  }

  @Test func residualRefusesAnInputOfAnotherWidth() throws {
    #expect {
      try Network(description: ModelDescription(parsing: "dense 8, residual 16"), inputShape: [3])
    } throws: { error in
      (error as? ModelError)?.reason == "residual 16 needs a 16-wide input; got 8"
    }
  }

  // MARK: - Batch normalisation

  @Test func batchNormOnDenseFeatures() throws {
    try GradientChecker.expectExact("dense 5, batchnorm, tanh, dense 2", inputShape: [3], batch: 4)
  }

  @Test func batchNormOnImageChannels() throws {
    try GradientChecker.expectExact("batchnorm, flatten, dense 2", inputShape: [2, 3, 3])
  }

  @Test func batchNormInEvaluationMode() throws {
    // Running averages are constants: dx = dy·γ/√(running σ² + ε).
    try GradientChecker.expectExact("dense 5, batchnorm, tanh, dense 2", inputShape: [3], batch: 4, mode: .evaluation)
    try GradientChecker.expectExact("batchnorm, flatten, dense 2", inputShape: [2, 3, 3], mode: .evaluation)
  }

  @Test func batchNormOfOneSampleIsZeroNotNaN() throws {
    try GradientChecker.expectExact("dense 3, batchnorm, dense 2", inputShape: [2], batch: 1)
    var network = try Network(description: ModelDescription(parsing: "batchnorm"), inputShape: [3])
    var generator = SplitMix64(seed: 1)
    network.initialise(rule: .xavier, using: &generator)
    network[ParameterID(block: "bn1.beta", indices: [1])] = 0.5
    let result = network.backpropagate(
      Samples(width: 3, values: [4, -2, 9]), targets: Samples(width: 3, values: [0, 0, 0]), loss: .square)
    #expect(result.trace.value(ofLayer: 0, named: "normalized")?.values == [0, 0, 0])
    #expect(result.trace.output() == [0, 0.5, 0])
    #expect(result.inputGradients == [0, 0, 0])
  }

  @Test func batchNormByHand() throws {
    // Two samples of one feature, 1 and 3: μ = 2, σ² = 1, x̂ = ∓1/√(1 + ε).
    var network = try Network(description: ModelDescription(parsing: "batchnorm"), inputShape: [1])
    var generator = SplitMix64(seed: 1)
    network.initialise(rule: .xavier, using: &generator)
    #expect(network.parameters == [1, 0])
    #expect(network.state == [0, 1])
    let inputs = Samples(width: 1, values: [1, 3])
    let result = network.backpropagate(inputs, targets: Samples(width: 1, values: [0, 0]), loss: .square)
    let inverseStd = 1 / (1 + 1e-5).squareRoot()
    #expect(result.trace.value(ofLayer: 0, named: "mean")?.values == [2])
    #expect(result.trace.value(ofLayer: 0, named: "inverse std")?.values == [inverseStd])
    #expect(result.trace.value(ofLayer: 0, named: "normalized", sample: 0)?.values == [-inverseStd])
    #expect(result.trace.value(ofLayer: 0, named: "normalized", sample: 1)?.values == [inverseStd])
    #expect(result.trace.output(sample: 0) == [-inverseStd])
    #expect(result.trace.output(sample: 1) == [inverseStd])
    // Square loss, mean over 2: dy = ŷ/2 = ∓x̂/2, so dγ = Σ dy·x̂ = x̂², dβ = Σ dy = 0, and
    // dx = (γ·invStd/2)(2dy − 0 − x̂·x̂²) = ∓(invStd/2)·x̂·(1 − x̂²) (x̂ = ∓invStd).
    #expect(abs(result.parameterGradients[0] - inverseStd * inverseStd) < 1e-15)
    #expect(result.parameterGradients[1] == 0)
    let expected = inverseStd / 2 * inverseStd * (1 - inverseStd * inverseStd)
    #expect(abs(result.inputGradients[0] - -expected) < 1e-15)
    #expect(abs(result.inputGradients[1] - expected) < 1e-15)
    #expect(network.blocks.map(\.name) == ["bn1.gamma", "bn1.beta"])
    #expect(network.blocks.map(\.role) == [.scale, .bias])
  }

  @Test func batchNormNamesPerChannel() throws {
    let network = try Network(
      description: ModelDescription(parsing: "batchnorm, flatten, dense 2, batchnorm"), inputShape: [4, 2, 2])
    #expect(network.blocks.map(\.name) == ["bn1.gamma", "bn1.beta", "w1", "b1", "bn2.gamma", "bn2.beta"])
    let lastScale = try #require(ParameterID(parsing: "bn1.gamma[3]"))
    let pastTheEnd = try #require(ParameterID(parsing: "bn1.gamma[4]"))
    #expect(network.contains(lastScale))
    #expect(!network.contains(pastTheEnd))
    #expect(network.state.count == 2 * 4 + 2 * 2)
  }

  /// Trains `batchnorm` alone on a fixed full batch, so every step sees the same batch
  /// statistics, then checks the running averages against the momentum formula and that
  /// evaluation normalises with them (not with the batch's own statistics).
  @Test func evaluationUsesTheRunningAverages() throws {
    // Two features over 4 samples: means 2.5 and −1, biased variances 1.25 and 5.
    let inputs: [[Double]] = [[1, -4], [2, -2], [3, 0], [4, 2]]
    let targets: [[Double]] = [[0, 1], [1, 0], [0, 1], [1, 0]]
    let dataset = Dataset(
      name: "toy", featureNames: ["a", "b"], targetNames: ["p", "q"], task: .regression,
      trainInputs: Samples(rows: inputs), trainTargets: Samples(rows: targets),
      testInputs: Samples(rows: inputs), testTargets: Samples(rows: targets))
    var session = try TrainingSession(
      configuration: TrainingConfiguration(
        dataset: dataset, model: ModelDescription(parsing: "batchnorm"), learningRate: 0.1, batchMode: .fullBatch))
    #expect(session.network.state == [0, 0, 1, 1])
    let steps = 5
    session.step(count: steps)
    let network = session.network
    let remaining = 0.9 * 0.9 * 0.9 * 0.9 * 0.9
    let batchMeans = [2.5, -1.0]
    // Unbiased: Σ(x − μ)² / (m − 1).
    let batchVariances = [5.0 / 3, 20.0 / 3]
    for feature in 0..<2 {
      #expect(abs(network.state[feature] - (1 - remaining) * batchMeans[feature]) < 1e-12)
      #expect(abs(network.state[2 + feature] - (remaining + (1 - remaining) * batchVariances[feature])) < 1e-12)
    }
    // γ and β moved, so evaluation with the running averages is checked with the trained values.
    #expect(network.parameters != [1, 1, 0, 0])
    let predictions = network.predictions(Samples(rows: inputs)).values
    for (row, input) in inputs.enumerated() {
      for feature in 0..<2 {
        let normalized = (input[feature] - network.state[feature]) / (network.state[2 + feature] + 1e-5).squareRoot()
        let expected = network.parameters[feature] * normalized + network.parameters[2 + feature]
        #expect(abs(predictions[row * 2 + feature] - expected) < 1e-12)
      }
    }
    // A training-mode pass normalises with the batch's statistics instead.
    let training = network.backpropagate(Samples(rows: inputs), targets: Samples(rows: targets), loss: .square)
    #expect(training.trace.value(ofLayer: 0, named: "mean")?.values == batchMeans)
    #expect(abs(training.trace.output(sample: 0)[0] - predictions[0]) > 0.1)
  }
}
