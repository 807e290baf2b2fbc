/// Every derivative one backward pass produced, shaped like the network.
public struct Gradients: Equatable, Sendable {
  /// `∂L/∂ŷ`: the loss's derivative with respect to the network's output.
  public var outputGradient: [Double]
  /// `∂L/∂z` per layer.
  public var preActivationGradients: [[Double]]
  /// `∂L/∂W` per layer, row-major `[output][input]` like `DenseLayer.weights`.
  public var weightGradients: [[Double]]
  /// `∂L/∂b` per layer.
  public var biasGradients: [[Double]]

  /// All-zero gradients shaped for `network`.
  public init(zeroFor network: Network) {
    outputGradient = [Double](repeating: 0, count: network.outputCount)
    preActivationGradients = network.layers.map { [Double](repeating: 0, count: $0.outputCount) }
    weightGradients = network.layers.map { [Double](repeating: 0, count: $0.weights.count) }
    biasGradients = preActivationGradients
  }

  // MARK: - Arithmetic on the parameter gradients

  /// Multiplies every weight and bias gradient by `factor` (e.g. `1 / batchSize` for a mean).
  public mutating func scale(by factor: Double) {
    for layer in weightGradients.indices {
      for index in weightGradients[layer].indices { weightGradients[layer][index] *= factor }
      for index in biasGradients[layer].indices { biasGradients[layer][index] *= factor }
    }
  }

  /// These gradients with every weight and bias gradient multiplied by `factor`.
  public func scaled(by factor: Double) -> Gradients {
    var copy = self
    copy.scale(by: factor)
    return copy
  }

  /// Adds `other`'s weight and bias gradients to these (same shape).
  public mutating func add(_ other: Gradients) {
    for layer in weightGradients.indices {
      for index in weightGradients[layer].indices {
        weightGradients[layer][index] += other.weightGradients[layer][index]
      }
      for index in biasGradients[layer].indices {
        biasGradients[layer][index] += other.biasGradients[layer][index]
      }
    }
  }

  /// The sum of these and `other`'s weight and bias gradients.
  public func adding(_ other: Gradients) -> Gradients {
    var copy = self
    copy.add(other)
    return copy
  }

  /// Sets every weight and bias gradient to zero, keeping the shape.
  public mutating func zeroParameterGradients() {
    for layer in weightGradients.indices {
      for index in weightGradients[layer].indices { weightGradients[layer][index] = 0 }
      for index in biasGradients[layer].indices { biasGradients[layer][index] = 0 }
    }
  }

  /// The Euclidean norm of one layer's weight and bias gradients together.
  public func norm(layer: Int) -> Double {
    var total = 0.0
    for value in weightGradients[layer] { total += value * value }
    for value in biasGradients[layer] { total += value * value }
    return total.squareRoot()
  }

  /// The gradient of one parameter.
  public subscript(parameter: ParameterID) -> Double {
    switch parameter.kind {
    case .weight(let output, let input):
      let inputCount = weightGradients[parameter.layer].count / biasGradients[parameter.layer].count
      return weightGradients[parameter.layer][output * inputCount + input]
    case .bias(let output):
      return biasGradients[parameter.layer][output]
    }
  }
}
