import NeuralEngine

/// A weight block as a matrix with its biases beside it, the way the weights pane draws it:
/// one row per neuron (filter, gate unit), one column per input it reads, then the bias.
struct ParameterMatrix {
  /// `Dense(2→4, tanh)` for a dense layer, otherwise the block's name and shape.
  let description: String
  let outputCount: Int
  let inputCount: Int
  let weights: [Double]
  let biases: [Double]

  func weight(output: Int, input: Int) -> Double { weights[output * inputCount + input] }

  /// Every weight block of `network`, first to last, each with the bias block that follows it
  /// in the same layer (zeros when there is none).
  static func all(in network: Network) -> [ParameterMatrix] {
    let stages = Dictionary(uniqueKeysWithValues: network.denseStages.map { ($0.layer, $0) })
    var matrices: [ParameterMatrix] = []
    for (index, block) in network.blocks.enumerated() where block.role == .weight {
      let rows = block.shape[0]
      let values = Array(network.parameters[block.range])
      let bias = network.blocks[(index + 1)...].first { $0.layer == block.layer && $0.role == .bias && $0.count == rows }
      let title = stages[block.layer]?.description ?? "\(block.name) \(block.shape)"
      matrices.append(
        ParameterMatrix(
          description: title, outputCount: rows, inputCount: block.count / rows, weights: values,
          biases: bias.map { Array(network.parameters[$0.range]) } ?? [Double](repeating: 0, count: rows)))
    }
    return matrices
  }
}
