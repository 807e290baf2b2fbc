extension Network {
  struct Reason: Error { let text: String }

  /// The layers one item of a description becomes on an input of `shape`.
  static func layers(for spec: ModelDescription.LayerSpec, input shape: TensorShape) throws(Reason) -> [Layer] {
    func withActivation(_ layer: Layer, _ activation: Activation?) -> [Layer] {
      guard let activation, activation != .linear else { return [layer] }
      return [layer, Layer(.activation(ActivationLayer(function: activation, inputShape: layer.outputShape)))]
    }
    switch spec {
    case .dense(let units, let activation):
      return withActivation(Layer(.dense(Dense(inputShape: shape, outputCount: units))), activation)
    case .activation(let activation):
      return [Layer(.activation(ActivationLayer(function: activation, inputShape: shape)))]
    case .flatten:
      return [Layer(.flatten(Flatten(inputShape: shape)))]
    case .dropout(let rate):
      return [Layer(.dropout(Dropout(inputShape: shape, rate: rate)))]
    case .recurrent(let units, let sequences):
      guard shape.rank == 2 else { throw Reason(text: "needs a sequence input (time steps×features); got \(shape)") }
      return [Layer(.recurrent(Recurrent(inputShape: shape, hiddenCount: units, returnsSequences: sequences)))]
    case .lstm(let units, let sequences):
      guard shape.rank == 2 else { throw Reason(text: "needs a sequence input (time steps×features); got \(shape)") }
      return [Layer(.lstm(LSTM(inputShape: shape, hiddenCount: units, returnsSequences: sequences)))]
    case .convolution, .maxPool, .averagePool, .residual, .batchNorm:
      throw Reason(text: "this layer kind is being built")
    }
  }
}
