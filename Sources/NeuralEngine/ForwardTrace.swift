/// Everything one forward pass computed, layer by layer, so a lesson can print every number.
///
/// Layer `l` (0-based) computed `preActivations[l] = W_l · a_{l−1} + b_l` and
/// `activations[l] = f(preActivations[l])`, where `a_{−1}` is `input`. During training with
/// dropout, a hidden layer's activations are multiplied by `dropoutMasks[l]` before the next layer
/// reads them; outside training every mask is empty.
public struct ForwardTrace: Equatable, Sendable {
  /// The sample's features.
  public var input: [Double]
  /// `z` per layer.
  public var preActivations: [[Double]]
  /// `a = f(z)` per layer, before any dropout mask.
  public var activations: [[Double]]
  /// Inverted-dropout masks per layer (each entry 0 or `1 / (1 − rate)`); empty when unused.
  public var dropoutMasks: [[Double]]

  /// The network's prediction `ŷ`: the last layer's activations.
  public var output: [Double] { activations.last ?? input }

  /// A zero-filled trace shaped for `network`, to be filled by a forward pass.
  public init(shapeOf network: Network) {
    input = [Double](repeating: 0, count: network.inputCount)
    preActivations = network.layers.map { [Double](repeating: 0, count: $0.outputCount) }
    activations = preActivations
    dropoutMasks = network.layers.map { _ in [] }
  }
}
