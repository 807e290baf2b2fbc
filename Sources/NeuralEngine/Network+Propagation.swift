// MARK: - Forward pass, loss, backward pass

extension Network {
  /// Runs one sample through every layer and records what each layer computed.
  public func forward(_ input: ArraySlice<Double>) -> ForwardTrace {
    var trace = ForwardTrace(shapeOf: self)
    var unusedGenerator = SplitMix64(seed: 0)
    forward(input, into: &trace, dropoutRate: 0, using: &unusedGenerator)
    return trace
  }

  /// Runs one sample through every layer and records what each layer computed.
  public func forward(_ input: [Double]) -> ForwardTrace {
    forward(input[...])
  }

  /// The network's prediction `ŷ` for one sample.
  public func predict(_ input: ArraySlice<Double>) -> [Double] {
    forward(input).output
  }

  /// The network's prediction `ŷ` for one sample.
  public func predict(_ input: [Double]) -> [Double] {
    forward(input[...]).output
  }

  /// The loss of the sample behind `trace`, in the numerically stable form where the output
  /// activation and the loss combine (see `LossFunction.isCombined(with:)`).
  public func loss(_ trace: ForwardTrace, target: ArraySlice<Double>, loss: LossFunction) -> Double {
    let last = layers.count - 1
    return loss.loss(
      preActivations: trace.preActivations[last], activations: trace.activations[last],
      outputActivation: layers[last].activation, target: target)
  }

  /// The loss of the sample behind `trace`; `target` as an array.
  public func loss(_ trace: ForwardTrace, target: [Double], loss: LossFunction) -> Double {
    self.loss(trace, target: target[...], loss: loss)
  }

  /// The mean (stable) loss over every row of `inputs` against the same row of `targets`.
  public func meanLoss(inputs: Samples, targets: Samples, loss: LossFunction) -> Double {
    guard inputs.count > 0 else { return 0 }
    var trace = ForwardTrace(shapeOf: self)
    var unusedGenerator = SplitMix64(seed: 0)
    var total = 0.0
    for row in 0..<inputs.count {
      forward(inputs[row], into: &trace, dropoutRate: 0, using: &unusedGenerator)
      total += self.loss(trace, target: targets[row], loss: loss)
    }
    return total / Double(inputs.count)
  }

  /// Back-propagates one sample's loss through the layers that produced `trace`.
  ///
  /// Returns `∂L/∂ŷ`, `∂L/∂z` for every layer, and the weight and bias gradients. Where the
  /// output activation and loss combine (softmax + cross-entropy, sigmoid + binary
  /// cross-entropy), the output layer's `∂L/∂z` is `ŷ − y` directly rather than the product of
  /// two derivatives that can overflow.
  public func backward(_ trace: ForwardTrace, target: ArraySlice<Double>, loss: LossFunction)
    -> Gradients
  {
    var gradients = Gradients(zeroFor: self)
    _ = backward(trace, target: target, loss: loss, into: &gradients, accumulate: false)
    return gradients
  }

  /// Back-propagates one sample's loss; `target` as an array.
  public func backward(_ trace: ForwardTrace, target: [Double], loss: LossFunction) -> Gradients {
    backward(trace, target: target[...], loss: loss)
  }

  // MARK: - Buffer-reusing forms for training loops

  /// Fills `trace` (shaped for this network) with one sample's forward pass.
  ///
  /// With `dropoutRate > 0`, every hidden layer draws an inverted-dropout mask from `generator`:
  /// each node is kept with probability `1 − dropoutRate` and then scaled by
  /// `1 / (1 − dropoutRate)`, so the expected input of the next layer is unchanged.
  func forward(
    _ input: ArraySlice<Double>, into trace: inout ForwardTrace, dropoutRate: Double,
    using generator: inout SplitMix64
  ) {
    var position = 0
    for value in input {
      trace.input[position] = value
      position += 1
    }
    let keepProbability = 1 - dropoutRate
    for layerIndex in layers.indices {
      let layer = layers[layerIndex]
      let previous = layerIndex == 0 ? trace.input : trace.activations[layerIndex - 1]
      let mask = layerIndex == 0 ? [] : trace.dropoutMasks[layerIndex - 1]
      var preActivation: [Double] = []
      swap(&preActivation, &trace.preActivations[layerIndex])
      for output in 0..<layer.outputCount {
        let row = output * layer.inputCount
        var sum = layer.biases[output]
        if mask.isEmpty {
          for input in 0..<layer.inputCount { sum += layer.weights[row + input] * previous[input] }
        } else {
          for input in 0..<layer.inputCount {
            sum += layer.weights[row + input] * (previous[input] * mask[input])
          }
        }
        preActivation[output] = sum
      }
      var activation: [Double] = []
      swap(&activation, &trace.activations[layerIndex])
      layer.activation.apply(preActivation, into: &activation)
      swap(&preActivation, &trace.preActivations[layerIndex])
      swap(&activation, &trace.activations[layerIndex])

      let isHidden = layerIndex < layers.count - 1
      if isHidden && dropoutRate > 0 {
        if trace.dropoutMasks[layerIndex].count != layer.outputCount {
          trace.dropoutMasks[layerIndex] = [Double](repeating: 0, count: layer.outputCount)
        }
        for output in 0..<layer.outputCount {
          trace.dropoutMasks[layerIndex][output] =
            generator.uniform() < keepProbability ? 1 / keepProbability : 0
        }
      } else if !trace.dropoutMasks[layerIndex].isEmpty {
        trace.dropoutMasks[layerIndex].removeAll(keepingCapacity: true)
      }
    }
  }

  /// Back-propagates one sample into `gradients` and returns its (stable) loss.
  ///
  /// `outputGradient` and `preActivationGradients` are overwritten; weight and bias gradients
  /// are overwritten, or added to when `accumulate` is true (to sum a batch).
  func backward(
    _ trace: ForwardTrace, target: ArraySlice<Double>, loss: LossFunction,
    into gradients: inout Gradients, accumulate: Bool
  ) -> Double {
    let last = layers.count - 1
    let outputLayer = layers[last]
    let prediction = trace.activations[last]
    loss.gradient(prediction: prediction, target: target, into: &gradients.outputGradient)
    let sampleLoss = self.loss(trace, target: target, loss: loss)

    var delta: [Double] = []
    swap(&delta, &gradients.preActivationGradients[last])
    if loss.isCombined(with: outputLayer.activation) {
      let scale = loss == .binaryCrossEntropy ? 1 / Double(outputLayer.outputCount) : 1
      let base = target.startIndex
      for index in delta.indices { delta[index] = (prediction[index] - target[base + index]) * scale }
    } else {
      for index in delta.indices { delta[index] = gradients.outputGradient[index] }
      outputLayer.activation.backward(
        preActivations: trace.preActivations[last], activations: prediction, gradient: &delta)
    }
    swap(&delta, &gradients.preActivationGradients[last])

    for layerIndex in stride(from: last, through: 0, by: -1) {
      let layer = layers[layerIndex]
      let layerDelta = gradients.preActivationGradients[layerIndex]
      let previous = layerIndex == 0 ? trace.input : trace.activations[layerIndex - 1]
      let mask = layerIndex == 0 ? [] : trace.dropoutMasks[layerIndex - 1]

      var weightGradient: [Double] = []
      swap(&weightGradient, &gradients.weightGradients[layerIndex])
      var biasGradient: [Double] = []
      swap(&biasGradient, &gradients.biasGradients[layerIndex])
      for output in 0..<layer.outputCount {
        let row = output * layer.inputCount
        let d = layerDelta[output]
        for input in 0..<layer.inputCount {
          let seen = mask.isEmpty ? previous[input] : previous[input] * mask[input]
          if accumulate { weightGradient[row + input] += d * seen } else { weightGradient[row + input] = d * seen }
        }
        if accumulate { biasGradient[output] += d } else { biasGradient[output] = d }
      }
      swap(&weightGradient, &gradients.weightGradients[layerIndex])
      swap(&biasGradient, &gradients.biasGradients[layerIndex])

      guard layerIndex > 0 else { break }
      var previousDelta: [Double] = []
      swap(&previousDelta, &gradients.preActivationGradients[layerIndex - 1])
      for input in 0..<layer.inputCount {
        var sum = 0.0
        for output in 0..<layer.outputCount {
          sum += layer.weights[output * layer.inputCount + input] * layerDelta[output]
        }
        previousDelta[input] = mask.isEmpty ? sum : sum * mask[input]
      }
      layers[layerIndex - 1].activation.backward(
        preActivations: trace.preActivations[layerIndex - 1], activations: previous,
        gradient: &previousDelta)
      swap(&previousDelta, &gradients.preActivationGradients[layerIndex - 1])
    }
    return sampleLoss
  }
}
