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
}
