/// The change an optimizer step made to every parameter (new value − old value).
public struct ParameterUpdates: Equatable, Sendable {
  /// Per layer, row-major like `DenseLayer.weights`.
  public var weightUpdates: [[Double]]
  /// Per layer.
  public var biasUpdates: [[Double]]

  /// All-zero updates shaped for `network`.
  public init(zeroFor network: Network) {
    weightUpdates = network.layers.map { [Double](repeating: 0, count: $0.weights.count) }
    biasUpdates = network.layers.map { [Double](repeating: 0, count: $0.outputCount) }
  }

  /// The update of one parameter.
  public subscript(parameter: ParameterID) -> Double {
    switch parameter.kind {
    case .weight(let output, let input):
      let inputCount = weightUpdates[parameter.layer].count / biasUpdates[parameter.layer].count
      return weightUpdates[parameter.layer][output * inputCount + input]
    case .bias(let output):
      return biasUpdates[parameter.layer][output]
    }
  }
}
