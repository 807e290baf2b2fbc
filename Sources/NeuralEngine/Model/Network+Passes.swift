/// A batch's inputs stored feature by feature: feature `f` of sample `s` at `base[f · stride + s]`.
struct InputColumns {
  var base: UnsafePointer<Double>
  var stride: Int
}

/// The pointers one pass works with: the network's buffers and a workspace, all held open for
/// the duration of the pass.
struct PassPointers {
  var workspace: UnsafeMutablePointer<Double>
  var parameters: UnsafeMutablePointer<Double>
  var gradients: UnsafeMutablePointer<Double>
  var state: UnsafeMutablePointer<Double>
}

extension Network {
  /// Runs `batch` samples (batch-first at `input`) through `layers` into the workspace.
  ///
  /// Static, taking the layers as a value, so a caller may hold the network's parameter and
  /// state buffers open (mutably) around it.
  @inline(__always)
  static func forward(
    _ layers: [Layer],
    batch: Int, input: UnsafePointer<Double>, columns: InputColumns? = nil, plan: WorkspacePlan,
    pointers: PassPointers, mode: PassMode, using generator: inout SplitMix64
  ) {
    var previous = input
    let scratch = pointers.workspace + plan.scratchOffset
    for index in layers.indices {
      let layerPlan = plan.layers[index]
      let output = pointers.workspace + layerPlan.output
      let buffers = Self.buffers(
        layerPlan, batch: batch, mode: mode, input: previous, inputGradient: nil,
        columns: index == 0 ? columns : nil, pointers: pointers, scratch: scratch)
      layers[index].forward(buffers, using: &generator)
      previous = UnsafePointer(output)
    }
  }

  /// Back-propagates from the output gradient of layer `last` (already written) down to the
  /// first layer, adding into the parameter gradients; writes `∂L/∂input` into `inputGradient`
  /// when one is given (nothing in training needs it; lessons and gradient checks do). `mode` is
  /// the forward pass's (batch norm differentiates through batch statistics only in training).
  @inline(__always)
  static func backward(
    _ layers: [Layer],
    batch: Int, input: UnsafePointer<Double>, columns: InputColumns? = nil, from last: Int, plan: WorkspacePlan,
    pointers: PassPointers,
    inputGradient firstInputGradient: UnsafeMutablePointer<Double>? = nil, mode: PassMode = .training
  ) {
    let scratch = pointers.workspace + plan.scratchOffset
    var index = last
    while index >= 0 {
      let layerPlan = plan.layers[index]
      let layerInput = index == 0 ? input : UnsafePointer(pointers.workspace + plan.layers[index - 1].output)
      let inputGradient = index == 0 ? firstInputGradient : pointers.workspace + plan.layers[index - 1].outputGradient
      let buffers = Self.buffers(
        layerPlan, batch: batch, mode: mode, input: layerInput, inputGradient: inputGradient,
        columns: index == 0 ? columns : nil, pointers: pointers, scratch: scratch)
      layers[index].backward(buffers)
      index -= 1
    }
  }

  /// One layer's view of the pass.
  @inline(__always)
  private static func buffers(
    _ plan: WorkspacePlan.LayerPlan, batch: Int, mode: PassMode, input: UnsafePointer<Double>,
    inputGradient: UnsafeMutablePointer<Double>?, columns: InputColumns?, pointers: PassPointers,
    scratch: UnsafeMutablePointer<Double>
  ) -> LayerBuffers {
    var buffers = LayerBuffers(
      batch: batch, mode: mode, input: input, output: pointers.workspace + plan.output,
      outputGradient: pointers.workspace + plan.outputGradient, inputGradient: inputGradient,
      parameters: pointers.parameters + plan.parameters, gradients: pointers.gradients + plan.parameters,
      state: pointers.state + plan.state, slots: slots(plan, pointers.workspace), scratch: scratch)
    if let columns {
      buffers.inputColumns = columns.base
      buffers.inputColumnStride = columns.stride
    }
    return buffers
  }

  @inline(__always)
  private static func slots(_ plan: WorkspacePlan.LayerPlan, _ base: UnsafeMutablePointer<Double>) -> SlotPointers {
    var slots = SlotPointers()
    let count = plan.slotCount
    if count > 0 { slots[0] = base + plan.slots.0 }
    if count > 1 { slots[1] = base + plan.slots.1 }
    if count > 2 { slots[2] = base + plan.slots.2 }
    if count > 3 { slots[3] = base + plan.slots.3 }
    if count > 4 { slots[4] = base + plan.slots.4 }
    if count > 5 { slots[5] = base + plan.slots.5 }
    if count > 6 { slots[6] = base + plan.slots.6 }
    if count > 7 { slots[7] = base + plan.slots.7 }
    return slots
  }

  /// The layer whose output gradient the loss writes: the one before a final softmax or sigmoid
  /// that `loss` combines with (their gradient is `ŷ − y` directly), otherwise the last layer.
  func lossGradientLayer(for loss: LossFunction) -> Int {
    let last = layers.count - 1
    if last > 0, let activation = layers[last].activation, loss.isCombined(with: activation) { return last - 1 }
    return last
  }
}
