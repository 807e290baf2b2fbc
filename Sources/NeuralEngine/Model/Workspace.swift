/// Every buffer a pass over up to `capacity` samples needs, allocated once as one array (see
/// `WorkspacePlan`). Training steps reuse it, so a step allocates nothing.
struct Workspace {
  let plan: WorkspacePlan
  var storage: [Double]

  init(network: Network, capacity: Int) {
    plan = WorkspacePlan(network: network, capacity: capacity)
    storage = [Double](repeating: 0, count: Swift.max(1, plan.count))
  }

  /// Numbers a workspace for `network` needs per sample (without scratch): to bound capacity.
  static func valuesPerSample(of network: Network) -> Int {
    network.inputCount
      + network.layers.reduce(0) { total, layer in
        total + 2 * layer.outputShape.count
          + layer.traceSlots.reduce(0) { $0 + ($1.layout == .perBatch ? 0 : $1.shape.count) }
      }
  }

  /// The largest capacity whose workspace stays within `workspaceValueLimit`.
  static func capacityLimit(for network: Network) -> Int {
    Swift.max(1, workspaceValueLimit / Swift.max(1, valuesPerSample(of: network)))
  }

  /// Numbers one workspace may hold (64 MB).
  static let workspaceValueLimit = 8_000_000
}

/// Where each buffer of a workspace sits: the batch input, each layer's output and output
/// gradient, each layer's trace slots, and scratch shared by all layers.
struct WorkspacePlan {
  /// Where one layer's buffers start in `storage`.
  struct LayerPlan {
    var output: Int
    var outputGradient: Int
    var slots: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
    var slotCount: Int
    var parameters: Int
    var state: Int
  }

  /// Most samples one pass holds.
  let capacity: Int
  /// Where the batch input is copied when it is not read in place.
  let inputOffset: Int
  /// Where the same gathered inputs go feature by feature (stride `capacity`).
  let inputColumnsOffset: Int
  let layers: [LayerPlan]
  let scratchOffset: Int
  /// Numbers the whole workspace holds.
  let count: Int

  init(network: Network, capacity: Int) {
    let capacity = Swift.max(1, capacity)
    var next = 0
    func reserve(_ count: Int) -> Int {
      defer { next += count }
      return next
    }
    inputOffset = reserve(network.inputCount * capacity)
    inputColumnsOffset = reserve(network.readsInputsByFeature ? network.inputCount * capacity : 0)
    var plans: [LayerPlan] = []
    var scratch = 0
    for (index, layer) in network.layers.enumerated() {
      let count = layer.outputShape.count * capacity
      var plan = LayerPlan(
        output: reserve(count), outputGradient: reserve(count), slotCount: layer.traceSlots.count,
        parameters: network.parameterOffsets[index], state: network.stateOffsets[index])
      precondition(plan.slotCount <= SlotPointers.capacity, "a layer has at most 8 trace slots")
      withUnsafeMutableBytes(of: &plan.slots) { raw in
        let offsets = raw.bindMemory(to: Int.self)
        for (slotIndex, slot) in layer.traceSlots.enumerated() {
          offsets[slotIndex] = reserve(slot.count(capacity: capacity))
        }
      }
      plans.append(plan)
      scratch = Swift.max(scratch, layer.scratchCount(batch: capacity))
    }
    scratchOffset = reserve(scratch)
    self.capacity = capacity
    layers = plans
    count = next
  }
}

extension Array where Element == Double {
  /// Runs `body` with a pointer to the first element (a dummy for an empty array).
  @inline(__always)
  mutating func withBase<R>(_ body: (UnsafeMutablePointer<Double>) -> R) -> R {
    // An empty array shares one static buffer, which mutable access would replace (retaining
    // and releasing it) every time.
    guard !isEmpty else {
      var dummy = 0.0
      return Swift.withUnsafeMutablePointer(to: &dummy) { body($0) }
    }
    return withUnsafeMutableBufferPointer { buffer in body(buffer.baseAddress!) }
  }

  /// Runs `body` with a read-only pointer to the first element (a dummy for an empty array).
  @inline(__always)
  func withReadOnlyBase<R>(_ body: (UnsafePointer<Double>) -> R) -> R {
    withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress { return body(base) }
      var dummy = 0.0
      return Swift.withUnsafePointer(to: &dummy) { body($0) }
    }
  }
}
