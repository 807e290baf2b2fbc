/// Everything one forward pass computed, layer by layer, so a lesson can show every number:
/// each layer's output and its named trace values (`z`, feature maps, `h`, `c`, gate values per
/// time step…), for each sample of the pass.
public struct Trace: Sendable {
  /// Samples in the pass.
  public let batch: Int
  /// The layers' output shapes (per sample), first layer first.
  public let outputShapes: [TensorShape]
  /// The layers' trace slots, first layer first.
  public let slots: [[TraceSlot]]
  let plan: WorkspacePlan
  let storage: [Double]
  /// The inputs of the pass, batch-first.
  public let inputs: [Double]

  /// The network's prediction for sample `sample`.
  public func output(sample: Int = 0) -> [Double] {
    layerOutput(outputShapes.count - 1, sample: sample).values
  }

  /// What layer `layer` produced for sample `sample`.
  public func layerOutput(_ layer: Int, sample: Int = 0) -> Tensor {
    let shape = outputShapes[layer]
    let start = plan.layers[layer].output + sample * shape.count
    return Tensor(shape: shape, values: Array(storage[start..<(start + shape.count)]))
  }

  /// The trace value `name` of layer `layer` for sample `sample` (per-batch values ignore the
  /// sample), or nil when the layer records no such value.
  public func value(ofLayer layer: Int, named name: String, sample: Int = 0) -> Tensor? {
    guard let index = slots[layer].firstIndex(where: { $0.name == name }) else { return nil }
    let slot = slots[layer][index]
    let start = withUnsafeBytes(of: plan.layers[layer].slots) { $0.bindMemory(to: Int.self)[index] }
    let shape = slot.shape
    switch slot.layout {
    case .perBatch:
      return Tensor(shape: shape, values: Array(storage[start..<(start + shape.count)]))
    case .batchFirst:
      let offset = start + sample * shape.count
      return Tensor(shape: shape, values: Array(storage[offset..<(offset + shape.count)]))
    case .timeMajor:
      let steps = shape[0]
      let width = shape.count / steps
      var values: [Double] = []
      values.reserveCapacity(shape.count)
      for step in 0..<steps {
        let offset = start + (step * batch + sample) * width
        values.append(contentsOf: storage[offset..<(offset + width)])
      }
      return Tensor(shape: shape, values: values)
    }
  }
}

extension Network {
  /// Runs `inputs` (one row per sample) through the network in evaluation mode and keeps every
  /// intermediate value.
  public func trace(_ inputs: Samples) -> Trace {
    precondition(inputs.width == inputCount, "each input row needs \(inputCount) numbers")
    let batch = Swift.max(1, inputs.count)
    var workspace = Workspace(network: self, capacity: batch)
    run(inputs.values, batch: inputs.count, in: &workspace)
    return Trace(
      batch: inputs.count, outputShapes: layers.map(\.outputShape), slots: layers.map(\.traceSlots),
      plan: workspace.plan, storage: workspace.storage, inputs: inputs.values)
  }

  /// Runs one sample through the network and keeps every intermediate value.
  public func trace(_ input: [Double]) -> Trace {
    trace(Samples(width: inputCount, values: input))
  }

  /// The network's prediction `ŷ` for one sample.
  public func predict(_ input: [Double]) -> [Double] {
    predictions(Samples(width: inputCount, values: input)).values
  }

  /// The predictions for every row of `inputs`, evaluated in chunks (evaluation mode).
  public func predictions(_ inputs: Samples) -> Samples {
    precondition(inputs.width == inputCount, "each input row needs \(inputCount) numbers")
    let chunk = Swift.max(1, Swift.min(inputs.count, 256, Workspace.capacityLimit(for: self)))
    var workspace = Workspace(network: self, capacity: chunk)
    var outputs: [Double] = []
    outputs.reserveCapacity(inputs.count * outputCount)
    let lastOutput = workspace.plan.layers[layers.count - 1].output
    var start = 0
    while start < inputs.count {
      let count = Swift.min(chunk, inputs.count - start)
      let slice = Array(inputs.values[(start * inputCount)..<((start + count) * inputCount)])
      run(slice, batch: count, in: &workspace)
      outputs.append(contentsOf: workspace.storage[lastOutput..<(lastOutput + count * outputCount)])
      start += count
    }
    return Samples(width: outputCount, values: outputs)
  }

  /// One evaluation-mode forward pass of `batch` samples into `workspace`.
  private func run(_ inputs: [Double], batch: Int, in workspace: inout Workspace) {
    var unusedGradients: [Double] = []
    var generator = SplitMix64(seed: 0)
    let plan = workspace.plan
    workspace.storage.withBase { storage in
      parameters.withReadOnlyBase { parameters in
        state.withReadOnlyBase { state in
          unusedGradients.withBase { gradients in
            inputs.withReadOnlyBase { input in
              // Evaluation reads parameters and state; nothing writes them.
              Self.forward(
                layers, batch: batch, input: input, plan: plan,
                pointers: PassPointers(
                  workspace: storage, parameters: UnsafeMutablePointer(mutating: parameters),
                  gradients: gradients, state: UnsafeMutablePointer(mutating: state)),
                mode: .evaluation, using: &generator)
            }
          }
        }
      }
    }
  }
}
