/// A dense layer as the early lessons draw it: its weights and biases together with the
/// activation that follows it, `a = f(W x + b)`.
public struct DenseStage: Equatable, Sendable, CustomStringConvertible {
  /// Position among the network's dense layers, counting from 0 (its blocks are `w<n+1>`, `b<n+1>`).
  public let index: Int
  /// Index of the dense layer in `Network.layers`.
  public let layer: Int
  public let inputCount: Int
  public let outputCount: Int
  /// The activation right after the layer (`linear` when none follows).
  public let activation: Activation
  /// Row-major `[output][input]`: row `o` holds the weights into neuron `o`.
  public let weights: [Double]
  public let biases: [Double]

  /// The weight from `input` into neuron `output`.
  public func weight(output: Int, input: Int) -> Double { weights[output * inputCount + input] }

  /// `Dense(2→4, tanh)`.
  public var description: String { "Dense(\(inputCount)→\(outputCount), \(activation.rawValue))" }
}

extension Network {
  /// The dense layers with their activations, first to last (dropout between them is skipped).
  public var denseStages: [DenseStage] {
    var stages: [DenseStage] = []
    for (index, layer) in layers.enumerated() {
      guard case .dense(let dense) = layer.kind, let weights = block(named: "w\(stages.count + 1)"),
        let biases = block(named: "b\(stages.count + 1)")
      else { continue }
      var activation = Activation.linear
      if index + 1 < layers.count, let next = layers[index + 1].activation { activation = next }
      stages.append(
        DenseStage(
          index: stages.count, layer: index, inputCount: dense.inputCount, outputCount: dense.outputCount,
          activation: activation, weights: Array(parameters[weights.range]), biases: Array(parameters[biases.range])))
    }
    return stages
  }
}

extension Network {
  /// The layer whose output is `stage`'s activations: the activation layer right after the
  /// dense one, else the dense layer itself.
  public func activatedLayer(of stage: DenseStage) -> Int {
    let next = stage.layer + 1
    return next < layers.count && layers[next].activation != nil ? next : stage.layer
  }
}

extension Network {
  /// `Dense(2→4, tanh) → Dense(4→1, sigmoid)` for a dense stack, the description text
  /// (`conv 8 3x3 relu, maxpool 2, dense 10 softmax`) otherwise.
  public var summary: String {
    isDenseStack ? denseStages.map(\.description).joined(separator: " → ") : modelDescription.description
  }

  /// `64→16→1 tanh` for a dense stack (the sizes, then the hidden layers' activation, or the
  /// output's when there is no hidden layer), `arrow` between sizes; the description text
  /// otherwise (a short form of it would misname the network). Read from the layers alone,
  /// without copying any weights.
  public func compactSummary(arrow: String) -> String {
    guard isDenseStack else { return modelDescription.description }
    let dense = layers.indices.filter { layers[$0].isDense }
    let sizes = [inputCount] + dense.map { layers[$0].outputShape.count }
    // The activation after the first dense layer: the hidden one, or the output's when alone.
    let shown = dense.first.flatMap { $0 + 1 < layers.count ? layers[$0 + 1].activation : nil } ?? .linear
    return sizes.map(String.init).joined(separator: arrow) + " " + shown.rawValue
  }
}
