extension Network {
  /// Mean data loss and (when `classifies`) accuracy of the network over `inputs` against
  /// `targets` (in output form), evaluated in `workspace`-sized chunks in evaluation mode.
  func measure(
    inputs: Samples, targets: Samples, loss: LossFunction, classifies: Bool, workspace: inout Workspace,
    columns: FeatureColumns = .none
  ) -> (loss: Double, accuracy: Double?) {
    let layers = self.layers
    let plan = workspace.plan
    let inputWidth = inputCount
    let width = outputCount
    let lossLayer = lossGradientLayer(for: loss)
    let combined = lossLayer != layers.count - 1
    let count = inputs.count
    var total = 0.0
    var correct = 0
    var unusedGenerator = SplitMix64(seed: 0)
    var unusedGradients: [Double] = []
    workspace.storage.withBase { storage in
      parameters.withReadOnlyBase { parameters in
        state.withReadOnlyBase { state in
          unusedGradients.withBase { gradients in
            columns.withReadOnlyBase { columnBase in
            inputs.values.withReadOnlyBase { inputs in
              targets.values.withReadOnlyBase { targets in
                // Evaluation reads parameters and state; nothing writes them.
                let pointers = PassPointers(
                  workspace: storage, parameters: UnsafeMutablePointer(mutating: parameters), gradients: gradients,
                  state: UnsafeMutablePointer(mutating: state))
                var start = 0
                while start < count {
                  let chunk = Swift.min(plan.capacity, count - start)
                  let chunkColumns = columns.isEmpty ? nil : InputColumns(base: columnBase + start, stride: count)
                  Network.forward(
                    layers, batch: chunk, input: inputs + start * inputWidth, columns: chunkColumns, plan: plan,
                    pointers: pointers, mode: .evaluation, using: &unusedGenerator)
                  let output = UnsafePointer(storage + plan.layers[layers.count - 1].output)
                  let chunkTargets = targets + start * width
                  total += loss.evaluate(
                    output: output, logits: combined ? UnsafePointer(storage + plan.layers[lossLayer].output) : nil,
                    targets: chunkTargets, batch: chunk, width: width, gradient: nil, meanOver: 1)
                  if classifies {
                    for row in 0..<chunk
                    where TrainingData.classIndex(output + row * width, width: width)
                      == TrainingData.classIndex(chunkTargets + row * width, width: width)
                    {
                      correct += 1
                    }
                  }
                  start += chunk
                }
              }
            }
            }
          }
        }
      }
    }
    let samples = Double(Swift.max(1, count))
    return (total / samples, classifies ? Double(correct) / samples : nil)
  }
}
