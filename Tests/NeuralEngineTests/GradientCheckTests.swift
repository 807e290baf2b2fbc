import Testing
@testable import NeuralEngine

/// An output layer's activation with the loss it is checked under.
struct OutputCase: Sendable, CustomTestStringConvertible {
  var activation: Activation
  var loss: LossFunction
  var testDescription: String { "\(activation.rawValue)+\(loss.rawValue)" }
}

/// Analytic gradients against central finite differences, for every activation × loss.
@Suite struct GradientCheckTests {
  static let outputCases: [OutputCase] =
    Activation.allCases.map { OutputCase(activation: $0, loss: .meanSquaredError) } + [
      OutputCase(activation: .sigmoid, loss: .binaryCrossEntropy),
      OutputCase(activation: .softmax, loss: .binaryCrossEntropy),
      OutputCase(activation: .softmax, loss: .categoricalCrossEntropy),
      OutputCase(activation: .sigmoid, loss: .categoricalCrossEntropy),
    ]

  @Test(arguments: Activation.allCases, outputCases)
  func analyticGradientsMatchFiniteDifferences(hidden: Activation, output: OutputCase) throws {
    let network = Self.network(hidden: hidden, output: output.activation, seed: 7)
    let input = [0.7, -0.4, 0.9]
    let target = Self.target(for: output.loss)
    try Self.check(network: network, input: input, target: target, loss: output.loss, regularization: .none)
  }

  @Test(arguments: [Regularization.l1(0.05), .l2(0.05)], [Activation.tanh, .relu])
  func regularizationTermsMatchFiniteDifferences(regularization: Regularization, hidden: Activation)
    throws
  {
    let network = Self.network(hidden: hidden, output: .sigmoid, seed: 11)
    // L1 is not differentiable at 0: the initial weights are all well away from it.
    for layer in network.layers { for weight in layer.weights { #expect(abs(weight) > 1e-3) } }
    try Self.check(
      network: network, input: [0.2, 0.5, -0.8], target: [1, 0, 1], loss: .binaryCrossEntropy,
      regularization: regularization)
  }

  @Test func dropoutMaskedGradientsMatchFiniteDifferences() throws {
    let network = Self.network(hidden: .tanh, output: .linear, seed: 5)
    let input = [0.3, -0.6, 0.8][...]
    let target = [0.5, -0.2, 0.1][...]
    func lossWithMask(_ probe: Network) -> Double {
      var generator = SplitMix64(seed: 99)
      var trace = ForwardTrace(shapeOf: probe)
      probe.forward(input, into: &trace, dropoutRate: 0.5, using: &generator)
      return probe.loss(trace, target: target, loss: .meanSquaredError)
    }
    var generator = SplitMix64(seed: 99)
    var trace = ForwardTrace(shapeOf: network)
    network.forward(input, into: &trace, dropoutRate: 0.5, using: &generator)
    #expect(trace.dropoutMasks[0].contains(0))
    #expect(trace.dropoutMasks[0].contains(2))
    let gradients = network.backward(trace, target: target, loss: .meanSquaredError)
    for parameter in network.parameterIDs {
      let numeric = Self.centralDifference(network, parameter, lossWithMask)
      #expect(Self.relativeError(gradients[parameter], numeric) < 1e-6, "\(parameter)")
    }
  }

  @Test func accumulatedBatchGradientIsTheSumOfSampleGradients() {
    let network = Self.network(hidden: .relu, output: .softmax, seed: 3)
    let inputs = Samples(rows: [[0.1, 0.2, 0.3], [-0.5, 0.4, 0.9]])
    let targets = Samples(rows: [[1, 0, 0], [0, 0, 1]])
    var accumulated = Gradients(zeroFor: network)
    var trace = ForwardTrace(shapeOf: network)
    var generator = SplitMix64(seed: 1)
    var expected = Gradients(zeroFor: network)
    for row in 0..<2 {
      network.forward(inputs[row], into: &trace, dropoutRate: 0, using: &generator)
      _ = network.backward(
        trace, target: targets[row], loss: .categoricalCrossEntropy, into: &accumulated,
        accumulate: true)
      expected.add(network.backward(network.forward(inputs[row]), target: targets[row], loss: .categoricalCrossEntropy))
    }
    for parameter in network.parameterIDs {
      #expect(abs(accumulated[parameter] - expected[parameter]) < 1e-15)
    }
  }

  // MARK: - Helpers

  /// A 3-4-3 network with weights drawn from `seed`.
  static func network(hidden: Activation, output: Activation, seed: UInt64) -> Network {
    var generator = SplitMix64(seed: seed)
    var network = Network(
      inputCount: 3, layerSizes: [4, 3], hiddenActivation: hidden, outputActivation: output,
      initialisation: .uniform, using: &generator)
    for layer in network.layers.indices {
      for output in network.layers[layer].biases.indices {
        network.layers[layer].biases[output] = generator.uniform(-0.3, 0.3)
      }
    }
    return network
  }

  static func target(for loss: LossFunction) -> [Double] {
    switch loss {
    case .meanSquaredError: return [0.4, -0.3, 0.8]
    case .binaryCrossEntropy: return [1, 0, 1]
    case .categoricalCrossEntropy: return [0, 1, 0]
    }
  }

  /// The objective `L(network) + penalty`, its analytic gradient, and a finite-difference check
  /// of every weight and bias.
  static func check(
    network: Network, input: [Double], target: [Double], loss: LossFunction,
    regularization: Regularization
  ) throws {
    func objective(_ probe: Network) -> Double {
      probe.loss(probe.forward(input), target: target, loss: loss) + regularization.penalty(of: probe)
    }
    var gradients = network.backward(network.forward(input), target: target, loss: loss)
    regularization.addGradient(of: network, to: &gradients)
    try #require(network.parameterCount == 4 * 3 + 4 + 3 * 4 + 3)
    for parameter in network.parameterIDs {
      let numeric = centralDifference(network, parameter, objective)
      let analytic = gradients[parameter]
      #expect(relativeError(analytic, numeric) < 1e-6, "\(parameter): \(analytic) vs \(numeric)")
    }
  }

  /// `(L(p + h) − L(p − h)) / 2h` with `h = 1e-5` (near the optimum ∛ε for central differences).
  static func centralDifference(
    _ network: Network, _ parameter: ParameterID, _ objective: (Network) -> Double
  ) -> Double {
    let step = 1e-5
    var plus = network
    plus[parameter] += step
    var minus = network
    minus[parameter] -= step
    return (objective(plus) - objective(minus)) / (2 * step)
  }

  /// `|a − n| / max(|a|, |n|, 1e-4)`: relative, but absolute (×1e4) for gradients near zero,
  /// where finite differences only have about 1e-10 absolute accuracy.
  static func relativeError(_ analytic: Double, _ numeric: Double) -> Double {
    abs(analytic - numeric) / max(abs(analytic), abs(numeric), 1e-4)
  }
}
