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
  static func network(biases: Double = 0.1) throws -> Network {
    var network = try Network(description: ModelDescription(parsing: "dense 2 sigmoid, dense 1"), inputShape: [2])
    // Buffer order: w1 (2×2), b1, w2 (1×2), b2.
    network.parameters = [0.1, 0.2, 0.3, 0.4, biases, biases, 0.5, 0.6, biases]
    return network
  }

  static func close(_ actual: Double, _ expected: Double) -> Bool {
    abs(actual - expected) <= 1e-14 * max(1, abs(expected))
  }

  static let input = Samples(width: 2, values: [1, 0.5])
  static let target = Samples(width: 1, values: [1])

  @Test func forwardPassMatchesHandComputation() throws {
    let pass = try Self.network().backpropagate(Self.input, targets: Self.target, loss: .meanSquaredError)
    let z1 = pass.trace.layerOutput(0).values
    let a1 = pass.trace.layerOutput(1).values
    #expect(Self.close(z1[0], 0.3) && Self.close(z1[1], 0.6))
    #expect(Self.close(a1[0], 0.574442516811659))
    #expect(Self.close(a1[1], 0.6456563062257954))
    #expect(Self.close(pass.trace.output()[0], 0.7746150421413067))
    #expect(Self.close(pass.loss, 0.05079837922896495))
  }

  @Test func backwardPassMatchesHandComputation() throws {
    let network = try Self.network()
    let pass = network.backpropagate(Self.input, targets: Self.target, loss: .meanSquaredError)
    let g = pass.parameterGradients
    #expect(Self.close(pass.outputGradients[2][0], -0.45076991571738656))
    #expect(Self.close(g[6], -0.258941404887675))
    #expect(Self.close(g[7], -0.2910424387398009))
    #expect(Self.close(g[8], -0.45076991571738656))
    // ∂L/∂z1 is the gradient reaching the sigmoid's input, i.e. the dense layer's output.
    #expect(Self.close(pass.outputGradients[0][0], -0.055097226278626066))
    #expect(Self.close(pass.outputGradients[0][1], -0.06187743167286824))
    #expect(Self.close(g[0], -0.055097226278626066))
    #expect(Self.close(g[1], -0.027548613139313033))
    #expect(Self.close(g[2], -0.06187743167286824))
    #expect(Self.close(g[3], -0.03093871583643412))
    #expect(Self.close(g[5], -0.06187743167286824))
  }

  /// Applies one optimizer step to `parameters` with `gradients` (no regularization); returns
  /// each parameter's change.
  static func step(_ optimizer: inout Optimizer, _ parameters: inout [Double], _ gradients: [Double]) -> [Double] {
    var gradients = gradients
    var record = [Double](repeating: 0, count: parameters.count)
    let count = parameters.count
    let before = parameters
    let finite = parameters.withBase { p in
      gradients.withBase { g in
        record.withBase { r in
          optimizer.step(
            parameters: p, gradients: g, record: r, count: count,
            ranges: [Optimizer.Range(start: 0, count: count, regularized: true, frozen: false)], regularization: .none)
        }
      }
    }
    #expect(finite)
    #expect(record == parameters, "the recorded values are the new parameters")
    return zip(parameters, before).map { $0 - $1 }
  }

  @Test func oneAdamStepMatchesHandComputation() throws {
    var network = try Self.network()
    let gradients = network.backpropagate(Self.input, targets: Self.target, loss: .meanSquaredError).parameterGradients
    var optimizer = Optimizer(kind: .adam, learningRate: 0.1)
    let updates = Self.step(&optimizer, &network.parameters, gradients)
    let expected = [
      0.19999998185026932, 0.2999999637005452, 0.3999999838390216, 0.4999999676780484, 0.19999998185026932,
      0.19999998383902157, 0.5999999961381226, 0.6999999965640751, 0.1999999977815734,
    ]
    for (value, printed) in zip(network.parameters, expected) { #expect(Self.close(value, printed)) }
    #expect(Self.close(updates[6], 0.5999999961381226 - 0.5))
    #expect(optimizer.stepCount == 1)
  }

  /// Two steps of every rule on one parameter p = 1 with gradients 0.5 then −0.25 (η = 0.1,
  /// μ = 0.9, ρ = 0.9, ε = 1e-8), worked by hand:
  /// - sgd: 1 − 0.05 = 0.95; 0.95 + 0.025 = 0.975
  /// - momentum: v = 0.5, p = 0.95; v = 0.45 − 0.25 = 0.2, p = 0.93
  /// - nesterov: v = 0.5, p = 1 − 0.1(0.5 + 0.45) = 0.905; v = 0.2, p = 0.905 − 0.1(−0.25 + 0.18) = 0.912
  /// - adagrad: s = 0.25, p = 1 − 0.1·0.5/0.5 = 0.9; s = 0.3125, p = 0.9 + 0.1·0.25/√0.3125
  /// - rmsprop: s = 0.025, p = 1 − 0.1·0.5/√0.025; s = 0.0225 + 0.00625 = 0.02875, p += 0.1·0.25/√0.02875
  /// - adam: t = 1: m̂ = 0.5, ŝ = 0.25, p = 1 − 0.1·(0.5/0.5) ≈ 0.9; t = 2: m = 0.025, m̂ = 0.025/0.19,
  ///   s = 0.00025 + 0.0000625, ŝ = 0.0003124/0.001999
  @Test(arguments: OptimizerKind.allCases)
  func firstStepsOfEveryOptimizer(kind: OptimizerKind) {
    var optimizer = Optimizer(kind: kind, learningRate: 0.1)
    var parameters = [1.0]
    _ = Self.step(&optimizer, &parameters, [0.5])
    let first = parameters[0]
    _ = Self.step(&optimizer, &parameters, [-0.25])
    let second = parameters[0]
    func near(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) < 1e-12 }
    switch kind {
    case .sgd:
      #expect(near(first, 0.95) && near(second, 0.975))
    case .momentum:
      #expect(near(first, 0.95) && near(second, 0.93))
    case .nesterov:
      #expect(near(first, 0.905) && near(second, 0.912))
    case .adagrad:
      #expect(near(first, 1 - 0.1 * 0.5 / (0.5 + 1e-8)))
      #expect(near(second, first + 0.1 * 0.25 / (0.3125.squareRoot() + 1e-8)))
    case .rmsprop:
      #expect(near(first, 1 - 0.1 * 0.5 / (0.025.squareRoot() + 1e-8)))
      #expect(near(second, first + 0.1 * 0.25 / (0.02875.squareRoot() + 1e-8)))
    case .adam:
      #expect(near(first, 1 - 0.1 * 0.5 / (0.5 + 1e-8)))
      let m = 0.9 * 0.05 + 0.1 * -0.25
      let s = 0.999 * 0.00025 + 0.001 * 0.0625
      let expected = first - 0.1 * (m / (1 - 0.81)) / ((s / (1 - 0.999 * 0.999)).squareRoot() + 1e-8)
      #expect(near(second, expected))
    }
  }

  @Test func clippingRescalesTheWholeGradient() {
    var optimizer = Optimizer(kind: .sgd, learningRate: 1)
    optimizer.clipNorm = 1
    var parameters = [0.0, 0.0]
    let updates = Self.step(&optimizer, &parameters, [3, 4])
    #expect(abs(updates[0] + 0.6) < 1e-15 && abs(updates[1] + 0.8) < 1e-15)
  }

  @Test func descriptionsNameLayersAndParameters() throws {
    #expect(try Self.network().summary == "Dense(2→2, sigmoid) → Dense(2→1, linear)")
    #expect(ParameterID.weight(layer: 0, output: 0, input: 2).description == "w1[0,2]")
    #expect(ParameterID.bias(layer: 1, output: 0).description == "b2[0]")
    #expect(ParameterID(parsing: "conv1.kernel[3, 0,1,2]") == ParameterID(block: "conv1.kernel", indices: [3, 0, 1, 2]))
    #expect(ParameterID(parsing: "w1[0,") == nil)
    #expect(try Self.network().parameterIDs.count == Self.network().parameterCount)
  }

  /// The numbers printed in `Lessons/08-backprop.md`, recomputed by the engine with the lesson's
  /// own loss, L = ½(ŷ − t)², and its step of 0.1.
  @Test func backpropLessonNumbers() throws {
    let network = try Self.network(biases: 0)
    func close(_ value: Double, _ printed: Double) -> Bool { abs(value - printed) <= 5e-4 * max(abs(printed), 1e-3) }
    let pass = network.backpropagate(Self.input, targets: Self.target, loss: .square)
    let z1 = pass.trace.layerOutput(0).values
    let a1 = pass.trace.layerOutput(1).values
    #expect(close(z1[0], 0.2) && close(z1[1], 0.5))
    #expect(close(a1[0], 0.5498) && close(a1[1], 0.6225))
    #expect(close(pass.trace.output()[0], 0.6484))
    #expect(close(pass.loss, 0.06181))
    let g = pass.parameterGradients
    #expect(close(pass.outputGradients[2][0], -0.3516))
    #expect(close(g[6], -0.1933) && close(g[7], -0.2189))
    #expect(close(g[8], -0.3516))
    #expect(close(pass.outputGradients[0][0], -0.04351) && close(pass.outputGradients[0][1], -0.04958))
    for (index, printed) in [-0.04351, -0.02176, -0.04958, -0.02479].enumerated() { #expect(close(g[index], printed)) }

    var optimizer = Optimizer(kind: .sgd, learningRate: 0.1)
    var updated = network
    _ = Self.step(&optimizer, &updated.parameters, g)
    for (index, printed) in [0.1044, 0.2022, 0.3050, 0.4025].enumerated() { #expect(close(updated.parameters[index], printed)) }
    #expect(close(updated.parameters[4], 0.004351) && close(updated.parameters[5], 0.004958))
    #expect(close(updated.parameters[6], 0.5193) && close(updated.parameters[7], 0.6219))
    #expect(close(updated.parameters[8], 0.03516))
    let after = updated.backpropagate(Self.input, targets: Self.target, loss: .square)
    #expect(close(after.trace.output()[0], 0.7107))
    #expect(close(after.loss, 0.04185))
  }
}
