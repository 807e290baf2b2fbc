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
    case .residual(let units, let activation):
      guard shape.count == units else {
        let got = shape.rank == 1 ? "\(shape.count)" : "\(shape) (\(shape.count) numbers)"
        throw Reason(text: "residual \(units) needs a \(units)-wide input; got \(got)")
      }
      // The activation belongs to the branch (x + f(W x + b)), not after the block.
      return [Layer(.residual(Residual(inputShape: shape, function: activation ?? .linear)))]
    case .batchNorm:
      return [Layer(.batchNorm(BatchNorm(inputShape: shape)))]
    case .convolution(let filters, let kernel, let stride, let padding, let activation):
      let window = try SlidingWindow(input: shape, size: kernel, stride: stride, padding: padding, name: "kernel")
      return withActivation(Layer(.convolution(Convolution(window: window, filters: filters))), activation)
    case .maxPool(let size, let stride):
      return [Layer(.maxPool(MaxPool(window: try SlidingWindow(pooling: shape, size: size, stride: stride))))]
    case .averagePool(let size, let stride):
      return [Layer(.averagePool(AveragePool(window: try SlidingWindow(pooling: shape, size: size, stride: stride))))]
    case .recurrent(let units, let sequences):
      guard shape.rank == 2 else { throw Reason(text: "needs a sequence input (time steps×features); got \(shape)") }
      return [Layer(.recurrent(Recurrent(inputShape: shape, hiddenCount: units, returnsSequences: sequences)))]
    case .lstm(let units, let sequences):
      guard shape.rank == 2 else { throw Reason(text: "needs a sequence input (time steps×features); got \(shape)") }
      return [Layer(.lstm(LSTM(inputShape: shape, hiddenCount: units, returnsSequences: sequences)))]
    }
  }
}
