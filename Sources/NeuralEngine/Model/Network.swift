/// A network: its layers, and every weight and bias in one flat buffer of named blocks.
///
/// Built from a `ModelDescription` for an input shape, which checks that the layers fit
/// together and stay within `ModelLimits`. Parameters are addressed by `ParameterID`
/// (`w1[0,2]`, `conv1.kernel[3,0,1,2]`) or by position in `parameters`.
public struct Network: Hashable, Sendable, CustomStringConvertible {
  /// The description the network was built from.
  public let modelDescription: ModelDescription
  /// The shape of one input sample.
  public let inputShape: TensorShape
  public private(set) var layers: [Layer]
  /// Every parameter block, in buffer order.
  public let blocks: [ParameterBlock]
  /// Every weight and bias, block after block.
  public var parameters: [Double]
  /// Numbers layers keep without training them (batch norm's running averages).
  public var state: [Double]
  /// Where each layer's first block starts in `parameters`.
  let parameterOffsets: [Int]
  /// Where each layer's state starts in `state`.
  let stateOffsets: [Int]
  /// For each layer, the 1-based item of the description it came from.
  public let descriptionItems: [Int]

  /// Builds `description` for samples of `inputShape`, every parameter zero.
  public init(description: ModelDescription, inputShape: TensorShape) throws(ModelError) {
    var layers: [Layer] = []
    var items: [Int] = []
    var shape = inputShape
    for (index, spec) in description.layers.enumerated() {
      let built: [Layer]
      do {
        built = try Self.layers(for: spec, input: shape)
      } catch let reason {
        throw ModelError(layer: index + 1, text: spec.description, reason: reason.text)
      }
      for layer in built {
        layers.append(layer)
        items.append(index + 1)
        shape = layer.outputShape
      }
    }
    guard !layers.isEmpty else { throw ModelError(reason: "the description has no layers") }

    var blocks: [ParameterBlock] = []
    var parameterOffsets: [Int] = []
    var stateOffsets: [Int] = []
    var parameterCount = 0
    var stateCount = 0
    var ordinals: [String: Int] = [:]
    var valuesPerSample = inputShape.count
    for (index, layer) in layers.enumerated() {
      parameterOffsets.append(parameterCount)
      stateOffsets.append(stateCount)
      let layouts = layer.parameterBlocks
      if !layouts.isEmpty || layer.stateCount > 0 {
        let prefix = layer.operation.namePrefix
        let ordinal = (ordinals[prefix] ?? 0) + 1
        ordinals[prefix] = ordinal
        for layout in layouts {
          let name = prefix.isEmpty ? "\(layout.name)\(ordinal)" : "\(prefix)\(ordinal).\(layout.name)"
          blocks.append(
            ParameterBlock(name: name, layer: index, offset: parameterCount, shape: layout.shape, role: layout.role))
          parameterCount += layout.shape.count
        }
      }
      stateCount += layer.stateCount
      valuesPerSample += layer.outputShape.count * 2
        + layer.traceSlots.reduce(0) { $0 + ($1.layout == .perBatch ? 0 : $1.shape.count) }
      guard parameterCount <= ModelLimits.parameters else {
        throw ModelError(
          layer: items[index], text: description.layers[items[index] - 1].description,
          reason: "the network would have more than \(ModelLimits.parameters) parameters (the limit)")
      }
      guard valuesPerSample <= ModelLimits.valuesPerSample else {
        throw ModelError(
          layer: items[index], text: description.layers[items[index] - 1].description,
          reason: "one sample would need more than \(ModelLimits.valuesPerSample) numbers in the layers (the limit)")
      }
    }
    modelDescription = description
    self.inputShape = inputShape
    outputShape = shape
    self.layers = layers
    self.blocks = blocks
    self.parameterOffsets = parameterOffsets
    self.stateOffsets = stateOffsets
    descriptionItems = items
    parameters = [Double](repeating: 0, count: parameterCount)
    state = [Double](repeating: 0, count: stateCount)
  }

  /// Draws every layer's starting parameters from `generator`, layer by layer in buffer order.
  /// Weights follow `rule`; biases start at `bias`; layers with a rule of their own (recurrent
  /// layers, batch norm) use it.
  public mutating func initialise(rule: WeightInitialisation, bias: Double = 0, using generator: inout SplitMix64) {
    let layers = self.layers
    let parameterOffsets = self.parameterOffsets
    let stateOffsets = self.stateOffsets
    parameters.withUnsafeMutableBufferPointer { parameters in
      state.withUnsafeMutableBufferPointer { state in
        guard let parameterBase = parameters.baseAddress ?? UnsafeMutablePointer(bitPattern: 8),
          let stateBase = state.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)
        else { return }
        for (index, layer) in layers.enumerated() {
          layer.initialise(
            parameterBase + parameterOffsets[index], state: stateBase + stateOffsets[index], rule: rule,
            bias: bias, using: &generator)
        }
      }
    }
  }

  // MARK: - Shape

  /// The shape of one output sample (kept, not recomputed: a step asks for it).
  public let outputShape: TensorShape
  /// Numbers per input sample.
  public var inputCount: Int { inputShape.count }
  /// Numbers per output sample.
  public var outputCount: Int { outputShape.count }
  /// The activation the network ends with.
  public var outputActivation: Activation { layers[layers.count - 1].activation ?? .linear }
  /// Weights and biases in all layers.
  public var parameterCount: Int { parameters.count }

  /// Whether the first layer is a dense layer narrow enough to read its inputs feature by feature
  /// (see `Dense`), so the session keeps its data that way too.
  public var readsInputsByFeature: Bool {
    guard case .dense(let dense) = layers[0].kind else { return false }
    return dense.inputCount <= Dense.narrowInputLimit && dense.outputCount <= Dense.narrowOutputLimit
  }

  /// Whether every layer is dense or an activation (the networks the early lessons draw).
  public var isDenseStack: Bool {
    layers.allSatisfy { $0.isDense || $0.activation != nil || $0.isDropout }
  }

  // MARK: - Parameters by name

  /// The block called `name` (`w1`, `conv1.kernel`), if the network has one.
  public func block(named name: String) -> ParameterBlock? {
    blocks.first { $0.name == name }
  }

  /// The blocks of layer `index`.
  public func blocks(ofLayer index: Int) -> [ParameterBlock] {
    blocks.filter { $0.layer == index }
  }

  /// The position of `parameter` in `parameters`, or nil when the network has no such parameter.
  public func position(of parameter: ParameterID) -> Int? {
    guard let block = block(named: parameter.block), let inside = block.position(of: parameter.indices) else {
      return nil
    }
    return block.offset + inside
  }

  /// Whether the network has `parameter`.
  public func contains(_ parameter: ParameterID) -> Bool { position(of: parameter) != nil }

  /// The parameter at `position` in `parameters`.
  public func parameterID(at position: Int) -> ParameterID {
    guard let block = blocks.last(where: { $0.offset <= position }) else {
      preconditionFailure("position \(position) is outside the parameters")
    }
    return ParameterID(block: block.name, indices: block.indices(at: position - block.offset))
  }

  /// Every parameter, in buffer order.
  public var parameterIDs: [ParameterID] {
    blocks.flatMap { block in
      (0..<block.count).map { ParameterID(block: block.name, indices: block.indices(at: $0)) }
    }
  }

  /// One parameter's value; the network must have it.
  public subscript(parameter: ParameterID) -> Double {
    get {
      guard let position = position(of: parameter) else { preconditionFailure("no parameter \(parameter)") }
      return parameters[position]
    }
    set {
      guard let position = position(of: parameter) else { preconditionFailure("no parameter \(parameter)") }
      parameters[position] = newValue
    }
  }

  /// Whether every parameter is a finite number.
  public var isFinite: Bool { parameters.allSatisfy(\.isFinite) }

  /// `Dense(2→4) → tanh → Dense(4→1) → sigmoid`.
  public var description: String { layers.map(\.description).joined(separator: " → ") }

  // MARK: - Changing hyperparameters held by layers

  /// Sets the rate of every dropout layer.
  public mutating func setDropoutRate(_ rate: Double) {
    for index in layers.indices { layers[index].setDropoutRate(rate) }
  }
}
