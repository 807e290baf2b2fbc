import Testing
@testable import NeuralEngine

/// The one gradient check every layer test calls: back-propagation against centred finite
/// differences, on every input number and every parameter, in Double.
///
/// The network is built from `description` for `inputShape`, its parameters drawn and then
/// shifted by random amounts (so biases, batch norm's γ and β and all weights are non-trivial),
/// and fed random inputs. The scalar being differentiated is the mean `loss` against random
/// targets, which projects the output on a random upstream gradient (`square`: `ŷ − y`).
/// Dropout masks repeat because every pass draws them from the same seed.
enum GradientChecker {
  struct Result {
    /// Largest `|analytic − numeric| / max(|analytic|, |numeric|, floor)` over every number.
    var worstRelativeError: Double
    var worstName: String
  }

  static func check(
    _ description: String, inputShape: TensorShape, batch: Int = 3, loss: LossFunction = .square,
    targets makeTargets: ((inout SplitMix64, Int, Int) -> [Double])? = nil, seed: UInt64 = 42,
    mode: PassMode = .training, step: Double = 1e-5,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Result {
    var network = try Network(description: ModelDescription(parsing: description), inputShape: inputShape)
    var generator = SplitMix64(seed: seed)
    network.initialise(rule: .xavier, using: &generator)
    for index in network.parameters.indices { network.parameters[index] += generator.uniform(-0.3, 0.3) }
    let inputs = Samples(
      width: network.inputCount, values: (0..<(batch * network.inputCount)).map { _ in generator.uniform(-1, 1) })
    let targetValues =
      makeTargets?(&generator, batch, network.outputCount)
      ?? (0..<(batch * network.outputCount)).map { _ in generator.uniform(-1, 1) }
    let targets = Samples(width: network.outputCount, values: targetValues)

    let analytic = network.backpropagate(inputs, targets: targets, loss: loss, mode: mode, seed: seed)
    func lossAt(_ probe: Network, _ probeInputs: Samples) -> Double {
      probe.backpropagate(probeInputs, targets: targets, loss: loss, mode: mode, seed: seed).loss
    }
    var result = Result(worstRelativeError: 0, worstName: "")
    func compare(_ exact: Double, _ numeric: Double, _ name: @autoclosure () -> String) {
      let error = abs(exact - numeric) / max(abs(exact), abs(numeric), 1e-4)
      if error > result.worstRelativeError { result = Result(worstRelativeError: error, worstName: name()) }
    }
    for position in network.parameters.indices {
      var plus = network
      var minus = network
      plus.parameters[position] += step
      minus.parameters[position] -= step
      let numeric = (lossAt(plus, inputs) - lossAt(minus, inputs)) / (2 * step)
      compare(analytic.parameterGradients[position], numeric, "\(network.parameterID(at: position))")
    }
    for position in inputs.values.indices {
      var plus = inputs.values
      var minus = inputs.values
      plus[position] += step
      minus[position] -= step
      let numeric =
        (lossAt(network, Samples(width: inputs.width, values: plus))
          - lossAt(network, Samples(width: inputs.width, values: minus))) / (2 * step)
      compare(analytic.inputGradients[position], numeric, "input[\(position)]")
    }
    return result
  }

  /// Checks and records a test failure above `tolerance` (relative error; 1e-6 by default).
  static func expectExact(
    _ description: String, inputShape: TensorShape, batch: Int = 3, loss: LossFunction = .square,
    targets: ((inout SplitMix64, Int, Int) -> [Double])? = nil, seed: UInt64 = 42, mode: PassMode = .training,
    tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try check(
      description, inputShape: inputShape, batch: batch, loss: loss, targets: targets, seed: seed, mode: mode)
    #expect(
      result.worstRelativeError < tolerance,
      "\(description): worst relative error \(result.worstRelativeError) at \(result.worstName)",
      sourceLocation: sourceLocation)
  }

  /// Random one-hot targets (for softmax + cross-entropy).
  static func oneHot(_ generator: inout SplitMix64, _ batch: Int, _ width: Int) -> [Double] {
    var values = [Double](repeating: 0, count: batch * width)
    for row in 0..<batch { values[row * width + Int(generator.uniform() * Double(width))] = 1 }
    return values
  }

  /// Random 0/1 targets (for sigmoid + binary cross-entropy).
  static func bits(_ generator: inout SplitMix64, _ batch: Int, _ width: Int) -> [Double] {
    (0..<(batch * width)).map { _ in generator.uniform() < 0.5 ? 0 : 1 }
  }
}
