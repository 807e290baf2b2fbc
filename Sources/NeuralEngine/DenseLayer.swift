/// A fully connected layer: `z = W a_previous + b`, then `a = f(z)`.
public struct DenseLayer: Equatable, Sendable, CustomStringConvertible {
  /// Inputs per node (the previous layer's width).
  public let inputCount: Int
  /// Nodes in this layer.
  public let outputCount: Int
  /// Row-major `[output][input]`: row `o` holds the weights into node `o`.
  public var weights: [Double]
  /// One bias per node.
  public var biases: [Double]
  public var activation: Activation

  /// A layer with the given parameters; `weights` must hold `outputCount × inputCount` values.
  public init(
    inputCount: Int, outputCount: Int, weights: [Double], biases: [Double], activation: Activation
  ) {
    precondition(inputCount > 0 && outputCount > 0, "a layer needs inputs and outputs")
    precondition(weights.count == inputCount * outputCount, "weights must be outputCount × inputCount")
    precondition(biases.count == outputCount, "one bias per output")
    self.inputCount = inputCount
    self.outputCount = outputCount
    self.weights = weights
    self.biases = biases
    self.activation = activation
  }

  /// A layer with every weight and bias zero.
  public init(inputCount: Int, outputCount: Int, activation: Activation) {
    self.init(
      inputCount: inputCount, outputCount: outputCount,
      weights: [Double](repeating: 0, count: inputCount * outputCount),
      biases: [Double](repeating: 0, count: outputCount), activation: activation)
  }

  /// A layer whose weights are drawn by `initialisation` (biases zero), row by row.
  public init(
    inputCount: Int, outputCount: Int, activation: Activation,
    initialisation: WeightInitialisation, using generator: inout SplitMix64
  ) {
    var weights = [Double](repeating: 0, count: inputCount * outputCount)
    let fanIn = Double(inputCount)
    let fanOut = Double(outputCount)
    for index in weights.indices {
      switch initialisation {
      case .uniform:
        weights[index] = generator.uniform(-0.5, 0.5)
      case .xavier:
        let limit = (6 / (fanIn + fanOut)).squareRoot()
        weights[index] = generator.uniform(-limit, limit)
      case .he:
        weights[index] = generator.normal() * (2 / fanIn).squareRoot()
      }
    }
    self.init(
      inputCount: inputCount, outputCount: outputCount, weights: weights,
      biases: [Double](repeating: 0, count: outputCount), activation: activation)
  }

  /// Number of weights and biases.
  public var parameterCount: Int { weights.count + biases.count }

  /// The weight from `input` into node `output`.
  public func weight(output: Int, input: Int) -> Double {
    weights[output * inputCount + input]
  }

  /// Sets the weight from `input` into node `output`.
  public mutating func setWeight(_ value: Double, output: Int, input: Int) {
    weights[output * inputCount + input] = value
  }

  /// `Dense(3→1, linear)`.
  public var description: String {
    "Dense(\(inputCount)→\(outputCount), \(activation.displayName))"
  }
}
