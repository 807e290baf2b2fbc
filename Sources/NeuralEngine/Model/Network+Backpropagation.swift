/// One forward and backward pass outside a training session, with every number it produced:
/// what a lesson shows when it works back-propagation through by hand.
public struct Backpropagation: Sendable {
  /// Mean loss over the samples (no regularization).
  public let loss: Double
  /// `∂L/∂p` for every parameter, in buffer order (`Network.parameters`).
  public let parameterGradients: [Double]
  /// `∂L/∂x` for every input number, batch-first.
  public let inputGradients: [Double]
  /// `∂L/∂output` of each layer, batch-first (for the last layer before a combined softmax or
  /// sigmoid loss, the gradient with respect to its output, the logits).
  public let outputGradients: [[Double]]
  /// The forward pass.
  public let trace: Trace
}

extension Network {
  /// Runs `inputs` forward and back-propagates the mean `loss` against `targets` (in output
  /// form). `mode` decides dropout and batch statistics; `seed` draws dropout masks.
  public func backpropagate(
    _ inputs: Samples, targets: Samples, loss: LossFunction, mode: PassMode = .training, seed: UInt64 = 0
  ) -> Backpropagation {
    precondition(inputs.width == inputCount && targets.width == outputCount && inputs.count == targets.count)
    let batch = inputs.count
    var workspace = Workspace(network: self, capacity: Swift.max(1, batch))
    var parameters = self.parameters
    var state = self.state
    var gradients = [Double](repeating: 0, count: parameterCount)
    var inputGradients = [Double](repeating: 0, count: inputs.values.count)
    var generator = SplitMix64(seed: seed)
    let layers = self.layers
    let plan = workspace.plan
    let lossLayer = lossGradientLayer(for: loss)
    let combined = lossLayer != layers.count - 1
    let width = outputCount
    var lossSum = 0.0
    workspace.storage.withBase { storage in
      parameters.withBase { parameters in
        state.withBase { state in
          gradients.withBase { gradients in
            inputGradients.withBase { inputGradient in
              inputs.values.withReadOnlyBase { input in
                targets.values.withReadOnlyBase { targets in
                  let pointers = PassPointers(workspace: storage, parameters: parameters, gradients: gradients, state: state)
                  Network.forward(layers, batch: batch, input: input, plan: plan, pointers: pointers, mode: mode, using: &generator)
                  lossSum = loss.evaluate(
                    output: storage + plan.layers[layers.count - 1].output,
                    logits: combined ? UnsafePointer(storage + plan.layers[lossLayer].output) : nil, targets: targets,
                    batch: batch, width: width, gradient: storage + plan.layers[lossLayer].outputGradient,
                    meanOver: batch)
                  Network.backward(
                    layers, batch: batch, input: input, from: lossLayer, plan: plan, pointers: pointers,
                    inputGradient: inputGradient, mode: mode)
                }
              }
            }
          }
        }
      }
    }
    let outputGradients = layers.indices.map { index -> [Double] in
      let start = plan.layers[index].outputGradient
      return Array(workspace.storage[start..<(start + batch * layers[index].outputShape.count)])
    }
    let trace = Trace(
      batch: batch, outputShapes: layers.map(\.outputShape), slots: layers.map(\.traceSlots), plan: plan,
      storage: workspace.storage, inputs: inputs.values)
    return Backpropagation(
      loss: lossSum / Double(Swift.max(1, batch)), parameterGradients: gradients, inputGradients: inputGradients,
      outputGradients: outputGradients, trace: trace)
  }
}
