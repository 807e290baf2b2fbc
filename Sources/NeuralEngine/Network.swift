/// A stack of dense layers: the model every lesson trains.
public struct Network: Equatable, Sendable, CustomStringConvertible {
  public var layers: [DenseLayer]

  /// A network made of the given layers; each layer's `inputCount` must match the previous
  /// layer's `outputCount`.
  public init(layers: [DenseLayer]) {
    precondition(!layers.isEmpty, "a network needs at least one layer")
    for index in layers.indices.dropFirst() {
      precondition(
        layers[index].inputCount == layers[index - 1].outputCount, "layer widths must chain")
    }
    self.layers = layers
  }

  /// A network with `layerSizes` nodes per layer (the last entry is the output layer), weights
  /// drawn layer by layer, row by row from `generator`, biases zero.
  public init(
    inputCount: Int, layerSizes: [Int], hiddenActivation: Activation,
    outputActivation: Activation, initialisation: WeightInitialisation,
    using generator: inout SplitMix64
  ) {
    var layers: [DenseLayer] = []
    var previousCount = inputCount
    for (index, size) in layerSizes.enumerated() {
      let activation = index == layerSizes.count - 1 ? outputActivation : hiddenActivation
      layers.append(
        DenseLayer(
          inputCount: previousCount, outputCount: size, activation: activation,
          initialisation: initialisation, using: &generator))
      previousCount = size
    }
    self.init(layers: layers)
  }

  /// A network with every weight and bias zero.
  public init(
    inputCount: Int, layerSizes: [Int], hiddenActivation: Activation, outputActivation: Activation
  ) {
    var layers: [DenseLayer] = []
    var previousCount = inputCount
    for (index, size) in layerSizes.enumerated() {
      let activation = index == layerSizes.count - 1 ? outputActivation : hiddenActivation
      layers.append(DenseLayer(inputCount: previousCount, outputCount: size, activation: activation))
      previousCount = size
    }
    self.init(layers: layers)
  }

  // MARK: - Shape

  /// Features per sample.
  public var inputCount: Int { layers[0].inputCount }
  /// Width of the prediction.
  public var outputCount: Int { layers[layers.count - 1].outputCount }
  /// The output layer's activation.
  public var outputActivation: Activation { layers[layers.count - 1].activation }

  /// Number of weights and biases in all layers.
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// Every parameter, in the flat order: layer by layer, weights row by row, then biases.
  public var parameterIDs: [ParameterID] {
    var identifiers: [ParameterID] = []
    for (layerIndex, layer) in layers.enumerated() {
      for output in 0..<layer.outputCount {
        for input in 0..<layer.inputCount {
          identifiers.append(.weight(layer: layerIndex, output: output, input: input))
        }
      }
      for output in 0..<layer.outputCount {
        identifiers.append(.bias(layer: layerIndex, output: output))
      }
    }
    return identifiers
  }

  /// Position of `parameter` in the flat order of `parameterIDs` and `parameters`.
  /// Whether this network has `parameter` (its layer, neuron and input all exist).
  public func contains(_ parameter: ParameterID) -> Bool {
    guard layers.indices.contains(parameter.layer) else { return false }
    let layer = layers[parameter.layer]
    switch parameter.kind {
    case .weight(let output, let input): return (0..<layer.outputCount).contains(output) && (0..<layer.inputCount).contains(input)
    case .bias(let output): return (0..<layer.outputCount).contains(output)
    }
  }

  public func flatIndex(of parameter: ParameterID) -> Int {
    var offset = 0
    for layer in layers.prefix(parameter.layer) { offset += layer.parameterCount }
    let layer = layers[parameter.layer]
    switch parameter.kind {
    case .weight(let output, let input): return offset + output * layer.inputCount + input
    case .bias(let output): return offset + layer.weights.count + output
    }
  }

  /// All parameters in the flat order of `parameterIDs`.
  public var parameters: [Double] {
    get {
      var values: [Double] = []
      values.reserveCapacity(parameterCount)
      for layer in layers {
        values.append(contentsOf: layer.weights)
        values.append(contentsOf: layer.biases)
      }
      return values
    }
    set {
      precondition(newValue.count == parameterCount, "one value per parameter")
      var offset = 0
      for index in layers.indices {
        let weightCount = layers[index].weights.count
        let biasCount = layers[index].biases.count
        layers[index].weights = Array(newValue[offset..<(offset + weightCount)])
        offset += weightCount
        layers[index].biases = Array(newValue[offset..<(offset + biasCount)])
        offset += biasCount
      }
    }
  }

  /// Whether every weight and bias is a finite number.
  public var isFinite: Bool {
    layers.allSatisfy { layer in
      layer.weights.allSatisfy(\.isFinite) && layer.biases.allSatisfy(\.isFinite)
    }
  }

  /// One weight or bias.
  public subscript(parameter: ParameterID) -> Double {
    get {
      switch parameter.kind {
      case .weight(let output, let input):
        return layers[parameter.layer].weight(output: output, input: input)
      case .bias(let output):
        return layers[parameter.layer].biases[output]
      }
    }
    set {
      switch parameter.kind {
      case .weight(let output, let input):
        layers[parameter.layer].setWeight(newValue, output: output, input: input)
      case .bias(let output):
        layers[parameter.layer].biases[output] = newValue
      }
    }
  }

  /// `Dense(2→4, tanh) → Dense(4→1, sigmoid)`.
  public var description: String {
    layers.map(\.description).joined(separator: " → ")
  }
}
