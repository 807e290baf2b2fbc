/// How starting weights are drawn (biases start at the configuration's bias value, 0 unless set).
public enum WeightInitialisation: String, CaseIterable, Sendable, Codable {
  /// U(−0.5, 0.5), as TF Playground does.
  case uniform
  /// Glorot/Xavier uniform: U(±√(6 / (fanIn + fanOut))); suits tanh and sigmoid.
  case xavier
  /// He normal: N(0, 2 / fanIn); suits ReLU.
  case he
  /// U(±1/√fanIn): PyTorch's default for dense layers, and what recurrent layers always use
  /// (with fanIn the hidden size).
  case fanIn = "fan-in"
  /// Every weight 0 (a single linear neuron still learns; hidden neurons would stay identical).
  case zeros

  /// Fills `count` weights in order from `generator`.
  ///
  /// `fanIn` is the number of inputs each output sums, `fanOut` the number of outputs each input
  /// feeds (for a convolution: channels × kernel area on each side).
  func draw(
    into weights: UnsafeMutablePointer<Double>, count: Int, fanIn: Int, fanOut: Int,
    using generator: inout SplitMix64
  ) {
    let fanIn = Double(Swift.max(1, fanIn))
    let fanOut = Double(Swift.max(1, fanOut))
    switch self {
    case .uniform:
      for index in 0..<count { weights[index] = generator.uniform(-0.5, 0.5) }
    case .xavier:
      let limit = (6 / (fanIn + fanOut)).squareRoot()
      for index in 0..<count { weights[index] = generator.uniform(-limit, limit) }
    case .he:
      let scale = (2 / fanIn).squareRoot()
      for index in 0..<count { weights[index] = generator.normal() * scale }
    case .fanIn:
      let limit = 1 / fanIn.squareRoot()
      for index in 0..<count { weights[index] = generator.uniform(-limit, limit) }
    case .zeros:
      weights.update(repeating: 0, count: count)
    }
  }
}
