/// One layer of a network, of any kind the course teaches.
///
/// Each kind is its own type in its own file, with its forward and backward pass side by side;
/// this enum only lets a network hold a list of them and dispatches to the one it holds.
public struct Layer: Hashable, Sendable, CustomStringConvertible {
  enum Kind: Hashable, Sendable {
    case dense(Dense)
    case activation(ActivationLayer)
    case flatten(Flatten)
    case dropout(Dropout)
    case convolution(Convolution)
    case maxPool(MaxPool)
    case averagePool(AveragePool)
    case residual(Residual)
    case batchNorm(BatchNorm)
    case recurrent(Recurrent)
    case lstm(LSTM)
  }

  var kind: Kind

  init(_ kind: Kind) { self.kind = kind }

  /// The layer's operation, for code that treats every kind alike.
  var operation: any LayerKind {
    switch kind {
    case .dense(let layer): layer
    case .activation(let layer): layer
    case .flatten(let layer): layer
    case .dropout(let layer): layer
    case .convolution(let layer): layer
    case .maxPool(let layer): layer
    case .averagePool(let layer): layer
    case .residual(let layer): layer
    case .batchNorm(let layer): layer
    case .recurrent(let layer): layer
    case .lstm(let layer): layer
    }
  }

  public var inputShape: TensorShape { operation.inputShape }
  public var outputShape: TensorShape { operation.outputShape }
  public var description: String { operation.description }

  /// The activation function, for an activation layer.
  public var activation: Activation? {
    if case .activation(let layer) = kind { return layer.function }
    return nil
  }

  /// Whether this is a dense (fully connected) layer.
  public var isDense: Bool {
    if case .dense = kind { return true }
    return false
  }

  var parameterBlocks: [ParameterBlock.Layout] { operation.parameterBlocks }
  var parameterCount: Int { operation.parameterCount }
  var stateCount: Int { operation.stateCount }
  var traceSlots: [TraceSlot] { operation.traceSlots }
  func scratchCount(batch: Int) -> Int { operation.scratchCount(batch: batch) }

  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {
    operation.initialise(parameters, state: state, rule: rule, bias: bias, using: &generator)
  }

  /// Dispatches without boxing the layer, so a training step allocates nothing.
  @inline(__always)
  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    switch kind {
    case .dense(let layer): layer.forward(buffers, using: &generator)
    case .activation(let layer): layer.forward(buffers, using: &generator)
    case .flatten(let layer): layer.forward(buffers, using: &generator)
    case .dropout(let layer): layer.forward(buffers, using: &generator)
    case .convolution(let layer): layer.forward(buffers, using: &generator)
    case .maxPool(let layer): layer.forward(buffers, using: &generator)
    case .averagePool(let layer): layer.forward(buffers, using: &generator)
    case .residual(let layer): layer.forward(buffers, using: &generator)
    case .batchNorm(let layer): layer.forward(buffers, using: &generator)
    case .recurrent(let layer): layer.forward(buffers, using: &generator)
    case .lstm(let layer): layer.forward(buffers, using: &generator)
    }
  }

  @inline(__always)
  func backward(_ buffers: LayerBuffers) {
    switch kind {
    case .dense(let layer): layer.backward(buffers)
    case .activation(let layer): layer.backward(buffers)
    case .flatten(let layer): layer.backward(buffers)
    case .dropout(let layer): layer.backward(buffers)
    case .convolution(let layer): layer.backward(buffers)
    case .maxPool(let layer): layer.backward(buffers)
    case .averagePool(let layer): layer.backward(buffers)
    case .residual(let layer): layer.backward(buffers)
    case .batchNorm(let layer): layer.backward(buffers)
    case .recurrent(let layer): layer.backward(buffers)
    case .lstm(let layer): layer.backward(buffers)
    }
  }
}

extension Layer {
  /// Whether this is a dropout layer.
  public var isDropout: Bool {
    if case .dropout = kind { return true }
    return false
  }

  /// Sets the rate of a dropout layer; other layers are unchanged.
  mutating func setDropoutRate(_ rate: Double) {
    if case .dropout(var layer) = kind {
      layer.rate = rate
      kind = .dropout(layer)
    }
  }
}
