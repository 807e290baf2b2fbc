import Testing
@testable import NeuralEngine

/// Dense layers, activations, flatten, dropout and the losses against finite differences.
@Suite struct DenseGradientTests {
  @Test(arguments: Activation.allCases)
  func denseWithEveryActivation(activation: Activation) throws {
    try GradientChecker.expectExact("dense 4 \(activation.rawValue), dense 3", inputShape: [5])
  }

  /// Fewer inputs than a vector holds and a vector's worth of outputs or more: the weight
  /// gradients are summed as dWᵀ (rows of outputs), and the biases' over 8 + 8 + 1 columns.
  @Test func aNarrowLayerWithManyOutputs() throws {
    try GradientChecker.expectExact("dense 17 tanh, dense 3", inputShape: [3])
  }

  @Test(arguments: LossFunction.allCases)
  func everyLossOnALinearOutput(loss: LossFunction) throws {
    // Probabilities in (0, 1) keep the log losses finite.
    try GradientChecker.expectExact(
      "dense 4 tanh, dense 3 sigmoid", inputShape: [2], loss: loss, targets: GradientChecker.bits)
  }

  @Test func softmaxWithCrossEntropyUsesTheCombinedGradient() throws {
    try GradientChecker.expectExact(
      "dense 6 relu, dense 4 softmax", inputShape: [3], loss: .categoricalCrossEntropy,
      targets: GradientChecker.oneHot)
  }

  @Test func sigmoidWithBinaryCrossEntropyUsesTheCombinedGradient() throws {
    try GradientChecker.expectExact(
      "dense 5 leaky-relu, dense 2 sigmoid", inputShape: [3], loss: .binaryCrossEntropy,
      targets: GradientChecker.bits)
  }

  @Test func softmaxUnderMeanSquaredErrorUsesItsJacobian() throws {
    try GradientChecker.expectExact("dense 3 softmax", inputShape: [4], loss: .meanSquaredError)
  }

  @Test func flattenAndDropoutPassGradientsThrough() throws {
    try GradientChecker.expectExact("flatten, dense 6 tanh, dropout 0.5, dense 2", inputShape: [2, 3], batch: 4)
  }

  @Test func dropoutSilencesSomeInputsWhileTraining() throws {
    let network = try Network(description: ModelDescription(parsing: "dropout 0.5"), inputShape: [200])
    let inputs = Samples(width: 200, values: [Double](repeating: 1, count: 200))
    let trained = network.backpropagate(inputs, targets: inputs, loss: .square, mode: .training, seed: 3)
    let outputs = trained.trace.output()
    #expect(outputs.contains(0))
    #expect(outputs.contains(2))
    #expect(network.predict(inputs.values) == inputs.values)
  }

  @Test func aBatchEqualsItsSamplesOneByOne() throws {
    var network = try Network(description: ModelDescription(parsing: "dense 5 tanh, dense 2 softmax"), inputShape: [3])
    var generator = SplitMix64(seed: 9)
    network.initialise(rule: .xavier, using: &generator)
    let inputs = Samples(width: 3, values: (0..<12).map { _ in generator.uniform(-1, 1) })
    let targets = Samples(width: 2, values: GradientChecker.oneHot(&generator, 4, 2))
    let batch = network.backpropagate(inputs, targets: targets, loss: .categoricalCrossEntropy)
    var summed = [Double](repeating: 0, count: network.parameterCount)
    for row in 0..<4 {
      let single = network.backpropagate(
        Samples(width: 3, values: Array(inputs[row])), targets: Samples(width: 2, values: Array(targets[row])),
        loss: .categoricalCrossEntropy)
      for index in summed.indices { summed[index] += single.parameterGradients[index] / 4 }
      #expect(zip(single.trace.output(), batch.trace.output(sample: row)).allSatisfy { abs($0 - $1) < 1e-14 })
    }
    for index in summed.indices { #expect(abs(summed[index] - batch.parameterGradients[index]) < 1e-14) }
  }
}
