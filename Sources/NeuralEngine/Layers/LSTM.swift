/// A long short-term memory layer: a cell state `c` that gates decide, step by step, to keep,
/// overwrite and show, so a signal can cross many steps without vanishing.
///
/// The input is a sequence `[T, F]`. With `H` hidden units, one weight matrix
/// `W = [W_i; W_f; W_g; W_o]` (`4H × (F + H)`, on `[x_t; h_{t−1}]`, inputs first; rows: input
/// gate, forget gate, candidate, output gate) and biases `b` (`4H`, same order):
///
///     forward:  a = W [x_t; h_{t−1}] + b
///               i = σ(a[0:H]),  f = σ(a[H:2H]),  g = tanh(a[2H:3H]),  o = σ(a[3H:4H])
///               c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t),  h_{−1} = c_{−1} = 0
///               output: h_{T−1} ([H]), or every h_t ([T, H]) when `returnsSequences`
///     backward: dh_t = ∂L/∂h_t (from the output) + da_{t+1} W_h
///               dc_t = dh_t ⊙ o ⊙ (1 − tanh² c_t) + dc_{t+1} ⊙ f_{t+1}
///               da_i = dc_t ⊙ g ⊙ i(1 − i),  da_f = dc_t ⊙ c_{t−1} ⊙ f(1 − f),
///               da_g = dc_t ⊙ i ⊙ (1 − g²),  da_o = dh_t ⊙ tanh(c_t) ⊙ o(1 − o),
///               then dW, db and dx from every da_t at once (see `RecurrentAffine`)
///
/// The blocks `input.w`, `forget.w`, `candidate.w`, `output.w` (each `H × (F + H)`) then
/// `input.b` … `output.b` (each `H`) sit back to back, so together they are `W` row by row and
/// then `b`. Weights start at U(±1/√H) whatever the rule (PyTorch's rule for recurrent layers),
/// drawn in buffer order (W row by row); biases start at the configuration's bias value (0 unless
/// set), except the forget gate's, which start at 1 so the cell remembers from the first step.
///
/// Trace (time-major `[T, H]`): the gates after their activation (`input gate`, `forget gate`,
/// `candidate`, `output gate`), `c`, `h`, and `tanh c` (kept for the backward pass); while
/// back-propagating, the norm over the batch of `∂L/∂h_t` for each step
/// (`TraceSlot.timeStepGradientNorms`, `[T]`).
struct LSTM: LayerKind {
  /// `[T, F]`.
  let inputShape: TensorShape
  /// `H`.
  let hiddenCount: Int
  /// Whether the output is every hidden state (`[T, H]`) rather than the last (`[H]`).
  let returnsSequences: Bool
  private let affine: RecurrentAffine

  init(inputShape: TensorShape, hiddenCount: Int, returnsSequences: Bool) {
    precondition(inputShape.rank == 2, "an LSTM layer reads [time steps, features]")
    self.inputShape = inputShape
    self.hiddenCount = hiddenCount
    self.returnsSequences = returnsSequences
    affine = RecurrentAffine(
      steps: inputShape[0], features: inputShape[1], hidden: hiddenCount, rows: 4 * hiddenCount)
  }

  private var steps: Int { inputShape[0] }
  private var features: Int { inputShape[1] }

  var outputShape: TensorShape { returnsSequences ? [steps, hiddenCount] : [hiddenCount] }

  var namePrefix: String { "lstm" }

  /// The gates in the order of `W`'s rows.
  private static let gates = ["input", "forget", "candidate", "output"]

  var parameterBlocks: [ParameterBlock.Layout] {
    Self.gates.map { ParameterBlock.Layout("\($0).w", [hiddenCount, features + hiddenCount], role: .weight) }
      + Self.gates.map { ParameterBlock.Layout("\($0).b", [hiddenCount], role: .bias) }
  }

  fileprivate enum Slot {
    static let inputGate = 0
    static let forgetGate = 1
    static let candidate = 2
    static let outputGate = 3
    static let cell = 4
    static let hidden = 5
    static let cellTanh = 6
    static let gradientNorms = 7
  }

  var traceSlots: [TraceSlot] {
    let shape: TensorShape = [steps, hiddenCount]
    return [
      TraceSlot("input gate", shape, layout: .timeMajor),
      TraceSlot("forget gate", shape, layout: .timeMajor),
      TraceSlot("candidate", shape, layout: .timeMajor),
      TraceSlot("output gate", shape, layout: .timeMajor),
      TraceSlot("c", shape, layout: .timeMajor),
      TraceSlot("h", shape, layout: .timeMajor),
      TraceSlot("tanh c", shape, layout: .timeMajor),
      TraceSlot(TraceSlot.timeStepGradientNorms, [steps], layout: .perBatch),
    ]
  }

  /// Forward: `Wᵀ` for the affine step. Backward: `da` for every step (`T·B·4H`), then `dh` and
  /// the carried `dc` for one step (`B·H` each), then the affine step's scratch.
  func scratchCount(batch: Int) -> Int {
    let backward = steps * batch * 4 * hiddenCount + 2 * batch * hiddenCount + affine.backwardScratchCount
    return Swift.max(affine.forwardScratchCount, backward)
  }

  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {
    WeightInitialisation.fanIn.draw(
      into: parameters, count: affine.weightCount, fanIn: hiddenCount, fanOut: 4 * hiddenCount, using: &generator)
    let b = parameters + affine.weightCount
    b.update(repeating: bias, count: 4 * hiddenCount)
    (b + hiddenCount).update(repeating: 1, count: hiddenCount)
  }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let batch = buffers.batch
    let units = hiddenCount
    let stepCount = batch &* units
    let slots = buffers.slots
    let transposed = buffers.scratch
    affine.beginForward(weights: buffers.parameters, transposed: transposed)
    for step in 0..<steps {
      let offset = step &* stepCount
      let i = slots[Slot.inputGate] + offset
      let f = slots[Slot.forgetGate] + offset
      let g = slots[Slot.candidate] + offset
      let o = slots[Slot.outputGate] + offset
      let c = slots[Slot.cell] + offset
      let h = slots[Slot.hidden] + offset
      let cellTanh = slots[Slot.cellTanh] + offset
      // a = W [x_t; h_{t−1}] + b, each gate's quarter straight into its slot (slots 0…3 are the
      // gates in the order of W's rows; h_{−1} = 0).
      affine.preactivations(
        step: step, input: buffers.input, previousHidden: step > 0 ? UnsafePointer(h - stepCount) : nil,
        batch: batch, weights: buffers.parameters, transposed: transposed, blockWidth: units,
        into: slots, offset: offset)
      // i = σ(a[0:H]), f = σ(a[H:2H]), g = tanh(a[2H:3H]), o = σ(a[3H:4H]).
      VectorMath.applySigmoid(i, count: stepCount)
      VectorMath.applySigmoid(f, count: stepCount)
      VectorMath.applyTanh(g, count: stepCount)
      VectorMath.applySigmoid(o, count: stepCount)
      // c_t = f ⊙ c_{t−1} + i ⊙ g (c_{−1} = 0).
      if step == 0 {
        Self.multiply(i, g, into: c, count: stepCount)
      } else {
        Self.multiplyAdd(f, c - stepCount, i, g, into: c, count: stepCount)
      }
      // h_t = o ⊙ tanh(c_t).
      VectorMath.applyTanh(c, into: cellTanh, count: stepCount)
      Self.multiply(o, cellTanh, into: h, count: stepCount)
    }
    let h = slots[Slot.hidden]
    if returnsSequences {
      RecurrentAffine.copyToBatchFirst(h, steps: steps, batch: batch, width: units, into: buffers.output)
    } else {
      buffers.output.update(from: h + (steps &- 1) &* stepCount, count: stepCount)
    }
  }

  /// `result = x ⊙ y` over `count` numbers.
  @inline(__always)
  private static func multiply(
    _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, into result: UnsafeMutablePointer<Double>, count: Int
  ) {
    var index = 0
    while index &+ 8 <= count {
      (SIMD8.unaligned(x + index) * SIMD8.unaligned(y + index)).storeUnaligned(result + index)
      index &+= 8
    }
    while index < count {
      result[index] = x[index] * y[index]
      index &+= 1
    }
  }

  /// `result = x ⊙ y + z ⊙ w` over `count` numbers.
  @inline(__always)
  private static func multiplyAdd(
    _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ z: UnsafePointer<Double>, _ w: UnsafePointer<Double>,
    into result: UnsafeMutablePointer<Double>, count: Int
  ) {
    var index = 0
    while index &+ 8 <= count {
      let sum =
        SIMD8.unaligned(x + index) * SIMD8.unaligned(y + index) + SIMD8.unaligned(z + index) * SIMD8.unaligned(w + index)
      sum.storeUnaligned(result + index)
      index &+= 8
    }
    while index < count {
      result[index] = x[index] * y[index] + z[index] * w[index]
      index &+= 1
    }
  }

  func backward(_ buffers: LayerBuffers) {
    let batch = buffers.batch
    let units = hiddenCount
    let stepCount = batch &* units
    let gateRows = 4 &* units
    let slots = buffers.slots
    let w = UnsafePointer(buffers.parameters)
    let norms = slots[Slot.gradientNorms]
    let dA = buffers.scratch
    let dH = dA + steps &* batch &* gateRows
    let dC = dH + stepCount
    let affineScratch = dC + stepCount
    // Nothing flows back from c_T.
    dC.update(repeating: 0, count: stepCount)
    var step = steps &- 1
    while step >= 0 {
      let stepDA = dA + step &* batch &* gateRows
      // forward: output = h_t (every step) or h_{T−1}, so dh_t starts from the output gradient…
      // (read in place when nothing is added to it)…
      var hiddenGradient = UnsafePointer(dH)
      var hiddenStride = units
      if returnsSequences {
        if step == steps &- 1 {
          (hiddenGradient, hiddenStride) = (UnsafePointer(buffers.outputGradient + step &* units), steps &* units)
        } else {
          RecurrentAffine.copyStep(
            step, of: buffers.outputGradient, steps: steps, batch: batch, width: units, into: dH)
        }
      } else if step == steps &- 1 {
        hiddenGradient = UnsafePointer(buffers.outputGradient)
      }
      // … and forward: a_{t+1} = … + W_h h_t, so dh_t += da_{t+1} W_h.
      if step < steps &- 1 {
        affine.hiddenGradient(
          from: stepDA + batch &* gateRows, weights: w, batch: batch, into: dH, accumulate: returnsSequences)
      }
      norms[step] = RecurrentAffine.norm(hiddenGradient, rows: batch, columns: units, rowStride: hiddenStride)
      // The gates' gradients sample by sample, carrying dc back a step.
      let cell = UnitwiseStep.Cell(slots: slots, offset: step &* stepCount, stepCount: stepCount, first: step == 0)
      let pass = UnitwiseStep(units: units, cell: cell)
      for sample in 0..<batch {
        pass.backward(
          hiddenGradient: hiddenGradient + sample &* hiddenStride, cellGradient: dC,
          gateGradients: stepDA + sample &* gateRows, position: sample &* units)
      }
      step &-= 1
    }
    affine.finishBackward(
      gateGradients: dA, input: buffers.input, hiddenStates: slots[Slot.hidden], batch: batch, weights: w,
      gradients: buffers.gradients, inputGradient: buffers.inputGradient, scratch: affineScratch)
  }

  /// `LSTM(20×2→16)`, `LSTM(20×2→20×16)` when it returns every step.
  var description: String { "LSTM(\(inputShape)→\(outputShape))" }
}

// MARK: - One step, unit by unit

/// The LSTM's element-wise backward work for one time step of one sample: the gates' gradients
/// and the carried `dc`, eight units at a time (the last few through zero-padded lanes), every
/// unit's four gates together, written straight into its row of `da`.
private struct UnitwiseStep {
  /// Where one step's trace values are: every slot at `offset` (`B × H` each).
  struct Cell {
    let inputGate, forgetGate, candidate, outputGate, cell, hidden, cellTanh: UnsafeMutablePointer<Double>
    /// `c_{t−1}` (nil at the first step, where it is 0).
    let previousCell: UnsafePointer<Double>?

    @inline(__always)
    init(slots: SlotPointers, offset: Int, stepCount: Int, first: Bool) {
      inputGate = slots[LSTM.Slot.inputGate] + offset
      forgetGate = slots[LSTM.Slot.forgetGate] + offset
      candidate = slots[LSTM.Slot.candidate] + offset
      outputGate = slots[LSTM.Slot.outputGate] + offset
      cell = slots[LSTM.Slot.cell] + offset
      hidden = slots[LSTM.Slot.hidden] + offset
      cellTanh = slots[LSTM.Slot.cellTanh] + offset
      previousCell = first ? nil : UnsafePointer(cell - stepCount)
    }
  }

  /// `H`.
  let units: Int
  let cell: Cell

  typealias Lanes = SIMD8<Double>

  /// Backward for one sample: `hiddenGradient` is its `∂L/∂h_t` (`H`), `cellGradient` the carried
  /// `dc` of every sample (`dc_{t+1} ⊙ f_{t+1}` in, `dc_t ⊙ f_t` out), `gateGradients` its row of
  /// `da` (`4H`).
  @inline(__always)
  func backward(
    hiddenGradient dh: UnsafePointer<Double>, cellGradient dC: UnsafeMutablePointer<Double>,
    gateGradients da: UnsafeMutablePointer<Double>, position: Int
  ) {
    var unit = 0
    while unit &+ 8 <= units {
      backward(unit: unit, count: 8, dh: dh, dC: dC, da: da, position: position)
      unit &+= 8
    }
    if unit < units {
      backwardRest(from: unit, dh: dh, dC: dC, da: da, position: position)
    }
  }

  /// `backward` for the last `H mod 8` units, through zero-padded lanes.
  @inline(never)
  private func backwardRest(
    from unit: Int, dh: UnsafePointer<Double>, dC: UnsafeMutablePointer<Double>,
    da: UnsafeMutablePointer<Double>, position: Int
  ) {
    backward(unit: unit, count: units &- unit, dh: dh, dC: dC, da: da, position: position)
  }

  @inline(__always)
  private func backward(
    unit: Int, count: Int, dh hiddenGradient: UnsafePointer<Double>, dC: UnsafeMutablePointer<Double>,
    da: UnsafeMutablePointer<Double>, position: Int
  ) {
    let index = position &+ unit
    let dh = Self.load(hiddenGradient + unit, count)
    let inputGate = Self.load(cell.inputGate + index, count)
    let forgetGate = Self.load(cell.forgetGate + index, count)
    let candidate = Self.load(cell.candidate + index, count)
    let outputGate = Self.load(cell.outputGate + index, count)
    let tanhC = Self.load(cell.cellTanh + index, count)
    let previous = cell.previousCell.map { Self.load($0 + index, count) } ?? Lanes()
    // forward: h_t = o ⊙ tanh(c_t) and c_{t+1} = f_{t+1} ⊙ c_t + …, so
    // dc_t = dh_t ⊙ o ⊙ (1 − tanh² c_t) + dc_{t+1} ⊙ f_{t+1} (carried in dC).
    let dc = dh * outputGate * (1 - tanhC * tanhC) + Self.load(dC + index, count)
    // forward: c_t = f ⊙ c_{t−1} + i ⊙ g with i = σ(a_i), f = σ(a_f), g = tanh(a_g).
    Self.store(dc * candidate * (inputGate * (1 - inputGate)), da + unit, count)
    Self.store(dc * previous * (forgetGate * (1 - forgetGate)), da + (units &+ unit), count)
    Self.store(dc * inputGate * (1 - candidate * candidate), da + (2 &* units &+ unit), count)
    // forward: h_t = o ⊙ tanh(c_t) with o = σ(a_o).
    Self.store(dh * tanhC * (outputGate * (1 - outputGate)), da + (3 &* units &+ unit), count)
    Self.store(dc * forgetGate, dC + index, count)
  }

  /// The first `count` (1…8) numbers at `pointer`, the other lanes 0.
  @inline(__always)
  private static func load(_ pointer: UnsafePointer<Double>, _ count: Int) -> Lanes {
    if count == 8 { return Lanes.unaligned(pointer) }
    var lanes = Lanes()
    for lane in 0..<count { lanes[lane] = pointer[lane] }
    return lanes
  }

  /// Stores the first `count` (1…8) lanes at `pointer`.
  @inline(__always)
  private static func store(_ lanes: Lanes, _ pointer: UnsafeMutablePointer<Double>, _ count: Int) {
    if count == 8 {
      lanes.storeUnaligned(pointer)
      return
    }
    for lane in 0..<count { pointer[lane] = lanes[lane] }
  }
}

// MARK: - Eight lanes, in this file

/// Loads, stores and fused multiply-adds of eight doubles, private to this file so that builds
/// compiled file by file (debug, tests) specialise and inline them too; the same operations as
/// `Lanes` (`adding(_:times:)` fuses exactly when the build targets FMA).
private extension SIMD8 where Scalar == Double {
  @inline(__always) static func unaligned(_ pointer: UnsafePointer<Double>) -> Self {
    UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
  }
  @inline(__always) func storeUnaligned(_ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Self.self)
  }
  @inline(__always) func fused(_ x: Self, _ y: Self) -> Self {
    #if DESCENT_FMA
      addingProduct(x, y)
    #else
      self + x * y
    #endif
  }
}
