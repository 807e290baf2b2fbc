import Testing
@testable import NeuralEngine

/// A 2-2-1 network small enough to do by hand; the lesson shows the same numbers.
///
/// x = (1, 0.5); hidden layer (sigmoid): W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = (0.1, 0.1);
/// output (linear): W2 = [0.5, 0.6], b2 = 0.1; target y = 1; loss (ŷ − y)².
///
/// Forward:
///   z1 = (0.1·1 + 0.2·0.5 + 0.1, 0.3·1 + 0.4·0.5 + 0.1) = (0.3, 0.6)
///   a1 = σ(z1) = (0.574442516811659, 0.6456563062257954)
///   ŷ = z2 = 0.5·a1₀ + 0.6·a1₁ + 0.1 = 0.7746150421413067
///   L = (ŷ − 1)² = 0.05079837922896495
/// Backward:
///   ∂L/∂ŷ = 2(ŷ − 1) = −0.45076991571738656 = ∂L/∂z2 (linear)
///   ∂L/∂W2 = ∂L/∂z2 · a1 = (−0.258941404887675, −0.2910424387398009); ∂L/∂b2 = ∂L/∂z2
///   ∂L/∂z1 = W2 · ∂L/∂z2 · a1(1 − a1) = (−0.055097226278626066, −0.06187743167286824)
///   ∂L/∂W1 = ∂L/∂z1 xᵀ = [[−0.0550972…, −0.0275486…], [−0.0618774…, −0.0309387…]]
/// One Adam step (η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8), t = 1:
///   m̂ = g, ŝ = g², so Δp = −0.1 · g / (|g| + 1e-8) ≈ −0.1 · sign(g): every parameter here
///   has a negative gradient and grows by just under 0.1, e.g. w2₀ = 0.5999999961381226.
@Suite struct HandComputedTests {
  static func network() -> Network {
    Network(layers: [
      DenseLayer(
        inputCount: 2, outputCount: 2, weights: [0.1, 0.2, 0.3, 0.4], biases: [0.1, 0.1],
        activation: .sigmoid),
      DenseLayer(inputCount: 2, outputCount: 1, weights: [0.5, 0.6], biases: [0.1], activation: .linear),
    ])
  }

  static func close(_ actual: Double, _ expected: Double) -> Bool {
    abs(actual - expected) <= 1e-14 * max(1, abs(expected))
  }

  @Test func forwardPassMatchesHandComputation() {
    let trace = Self.network().forward([1, 0.5])
    #expect(Self.close(trace.preActivations[0][0], 0.3))
    #expect(Self.close(trace.preActivations[0][1], 0.6))
    #expect(Self.close(trace.activations[0][0], 0.574442516811659))
    #expect(Self.close(trace.activations[0][1], 0.6456563062257954))
    #expect(Self.close(trace.output[0], 0.7746150421413067))
    #expect(Self.close(Self.network().loss(trace, target: [1], loss: .meanSquaredError), 0.05079837922896495))
  }

  @Test func backwardPassMatchesHandComputation() {
    let network = Self.network()
    let gradients = network.backward(network.forward([1, 0.5]), target: [1], loss: .meanSquaredError)
    #expect(Self.close(gradients.outputGradient[0], -0.45076991571738656))
    #expect(Self.close(gradients.preActivationGradients[1][0], -0.45076991571738656))
    #expect(Self.close(gradients.weightGradients[1][0], -0.258941404887675))
    #expect(Self.close(gradients.weightGradients[1][1], -0.2910424387398009))
    #expect(Self.close(gradients.biasGradients[1][0], -0.45076991571738656))
    #expect(Self.close(gradients.preActivationGradients[0][0], -0.055097226278626066))
    #expect(Self.close(gradients.preActivationGradients[0][1], -0.06187743167286824))
    #expect(Self.close(gradients.weightGradients[0][0], -0.055097226278626066))
    #expect(Self.close(gradients.weightGradients[0][1], -0.027548613139313033))
    #expect(Self.close(gradients.weightGradients[0][2], -0.06187743167286824))
    #expect(Self.close(gradients.weightGradients[0][3], -0.03093871583643412))
    #expect(Self.close(gradients.biasGradients[0][1], -0.06187743167286824))
  }

  @Test func oneAdamStepMatchesHandComputation() {
    var network = Self.network()
    let gradients = network.backward(network.forward([1, 0.5]), target: [1], loss: .meanSquaredError)
    var optimizer = Optimizer(kind: .adam, learningRate: 0.1)
    let updates = optimizer.apply(gradients, to: &network)
    #expect(Self.close(network.layers[1].weights[0], 0.5999999961381226))
    #expect(Self.close(network.layers[1].weights[1], 0.6999999965640751))
    #expect(Self.close(network.layers[1].biases[0], 0.1999999977815734))
    #expect(Self.close(network.layers[0].weights[0], 0.19999998185026932))
    #expect(Self.close(network.layers[0].weights[1], 0.2999999637005452))
    #expect(Self.close(network.layers[0].weights[2], 0.3999999838390216))
    #expect(Self.close(network.layers[0].weights[3], 0.4999999676780484))
    #expect(Self.close(network.layers[0].biases[0], 0.19999998185026932))
    #expect(Self.close(network.layers[0].biases[1], 0.19999998383902157))
    #expect(Self.close(updates[.weight(layer: 1, output: 0, input: 0)], 0.5999999961381226 - 0.5))
    #expect(optimizer.adamStepCount == 1)
  }

  @Test func descriptionsNameLayersAndParameters() {
    #expect(Self.network().description == "Dense(2→2, sigmoid) → Dense(2→1, linear)")
    #expect(ParameterID.weight(layer: 0, output: 0, input: 2).description == "w1[0,2]")
    #expect(ParameterID.bias(layer: 1, output: 0).description == "b2[0]")
    #expect(Self.network().parameterIDs.count == Self.network().parameterCount)
  }

  /// The numbers printed in `Lessons/08-backprop.md`, recomputed by the engine. The lesson uses
  /// L = ½(ŷ − t)²; the engine's mean squared error for one output is (ŷ − t)², so every
  /// lesson gradient is half the engine's and the lesson's step of 0.1 is the engine's 0.05.
  @Test func backpropLessonNumbers() {
    let network = Network(layers: [
      DenseLayer(inputCount: 2, outputCount: 2, weights: [0.1, 0.2, 0.3, 0.4], biases: [0, 0], activation: .sigmoid),
      DenseLayer(inputCount: 2, outputCount: 1, weights: [0.5, 0.6], biases: [0], activation: .linear),
    ])
    func close(_ value: Double, _ printed: Double) -> Bool { abs(value - printed) <= 5e-4 * max(abs(printed), 1e-3) }
    let trace = network.forward([1.0, 0.5])
    #expect(close(trace.preActivations[0][0], 0.2) && close(trace.preActivations[0][1], 0.5))
    #expect(close(trace.activations[0][0], 0.5498) && close(trace.activations[0][1], 0.6225))
    #expect(close(trace.output[0], 0.6484))
    #expect(close(network.loss(trace, target: [1], loss: .meanSquaredError) / 2, 0.06181))
    let gradients = network.backward(trace, target: [1], loss: .meanSquaredError)
    #expect(close(gradients.outputGradient[0] / 2, -0.3516))
    #expect(close(gradients.weightGradients[1][0] / 2, -0.1933) && close(gradients.weightGradients[1][1] / 2, -0.2189))
    #expect(close(gradients.biasGradients[1][0] / 2, -0.3516))
    #expect(close(gradients.preActivationGradients[0][0] / 2, -0.04351) && close(gradients.preActivationGradients[0][1] / 2, -0.04958))
    let lessonW1 = [-0.04351, -0.02176, -0.04958, -0.02479]
    for (index, printed) in lessonW1.enumerated() { #expect(close(gradients.weightGradients[0][index] / 2, printed)) }

    var optimizer = Optimizer(kind: .sgd, learningRate: 0.05)
    var updated = network
    _ = optimizer.apply(gradients, to: &updated)
    let newW1 = [0.1044, 0.2022, 0.3050, 0.4025]
    for (index, printed) in newW1.enumerated() { #expect(close(updated.layers[0].weights[index], printed)) }
    #expect(close(updated.layers[0].biases[0], 0.004351) && close(updated.layers[0].biases[1], 0.004958))
    #expect(close(updated.layers[1].weights[0], 0.5193) && close(updated.layers[1].weights[1], 0.6219))
    #expect(close(updated.layers[1].biases[0], 0.03516))
    let after = updated.forward([1.0, 0.5])
    #expect(close(after.output[0], 0.7107))
    #expect(close(updated.loss(after, target: [1], loss: .meanSquaredError) / 2, 0.04185))
  }
}
