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

  private enum Slot {
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

  /// `a` (forward) or `da` (backward) for every step (`T·B·4H`); then forward: the affine step's
  /// scratch; backward: `dh` and the carried `dc` for one step (`B·H` each), then the affine
  /// step's scratch.
  func scratchCount(batch: Int) -> Int {
    let gateRows = steps * batch * 4 * hiddenCount
    let backward = 2 * batch * hiddenCount + affine.backwardScratchCount(batch: batch)
    return gateRows + Swift.max(affine.forwardScratchCount(batch: batch), backward)
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
    let gateRows = 4 &* units
    let slots = buffers.slots
    let a = buffers.scratch
    let affineScratch = a + steps &* batch &* gateRows
    // a = W_x x_t + b for every step at once.
    affine.beginForward(
      weights: buffers.parameters, input: buffers.input, batch: batch, preactivations: a, scratch: affineScratch)
    for step in 0..<steps {
      let offset = step &* stepCount
      let stepA = a + step &* batch &* gateRows
      let i = slots[Slot.inputGate] + offset
      let f = slots[Slot.forgetGate] + offset
      let g = slots[Slot.candidate] + offset
      let o = slots[Slot.outputGate] + offset
      let c = slots[Slot.cell] + offset
      let h = slots[Slot.hidden] + offset
      let cellTanh = slots[Slot.cellTanh] + offset
      // a = … + W_h h_{t−1} (h_{−1} = 0: nothing to add at the first step).
      if step > 0 {
        affine.addRecurrentTerm(previousHidden: h - stepCount, batch: batch, into: stepA, scratch: affineScratch)
      }
      // Each gate's quarter of a into its own contiguous B × H block, then its activation:
      // i = σ(a[0:H]), f = σ(a[H:2H]), g = tanh(a[2H:3H]), o = σ(a[3H:4H]).
      for sample in 0..<batch {
        let row = stepA + sample &* gateRows
        let position = sample &* units
        (i + position).update(from: row, count: units)
        (f + position).update(from: row + units, count: units)
        (g + position).update(from: row + 2 &* units, count: units)
        (o + position).update(from: row + 3 &* units, count: units)
      }
      VectorMath.applySigmoid(i, count: stepCount)
      VectorMath.applySigmoid(f, count: stepCount)
      VectorMath.applyTanh(g, count: stepCount)
      VectorMath.applySigmoid(o, count: stepCount)
      // c_t = f ⊙ c_{t−1} + i ⊙ g (c_{−1} = 0).
      if step == 0 {
        for index in 0..<stepCount { c[index] = i[index] * g[index] }
      } else {
        let previous = c - stepCount
        for index in 0..<stepCount { c[index] = f[index] * previous[index] + i[index] * g[index] }
      }
      // h_t = o ⊙ tanh(c_t).
      cellTanh.update(from: c, count: stepCount)
      VectorMath.applyTanh(cellTanh, count: stepCount)
      for index in 0..<stepCount { h[index] = o[index] * cellTanh[index] }
    }
    let h = slots[Slot.hidden]
    if returnsSequences {
      RecurrentAffine.copyToBatchFirst(h, steps: steps, batch: batch, width: units, into: buffers.output)
    } else {
      buffers.output.update(from: h + (steps &- 1) &* stepCount, count: stepCount)
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
    var step = steps &- 1
    while step >= 0 {
      let stepDA = dA + step &* batch &* gateRows
      // forward: output = h_t (every step) or h_{T−1}, so dh_t starts from the output gradient…
      let fromOutput = returnsSequences || step == steps &- 1
      if returnsSequences {
        RecurrentAffine.copyStep(
          step, of: buffers.outputGradient, steps: steps, batch: batch, width: units, into: dH)
      } else if step == steps &- 1 {
        dH.update(from: buffers.outputGradient, count: stepCount)
      }
      // … and forward: a_{t+1} = … + W_h h_t, so dh_t += da_{t+1} W_h.
      if step < steps &- 1 {
        affine.hiddenGradient(
          from: stepDA + batch &* gateRows, weights: w, batch: batch, into: dH, accumulate: fromOutput)
      } else {
        // Nothing flows back from c_T.
        dC.update(repeating: 0, count: stepCount)
      }
      norms[step] = RecurrentAffine.norm(dH, count: stepCount)

      let offset = step &* stepCount
      let i = slots[Slot.inputGate] + offset
      let f = slots[Slot.forgetGate] + offset
      let g = slots[Slot.candidate] + offset
      let o = slots[Slot.outputGate] + offset
      let cellTanh = slots[Slot.cellTanh] + offset
      // c_{−1} = 0: the first step's forget gate had nothing to scale.
      let previousCell = step > 0 ? slots[Slot.cell] + (offset &- stepCount) : nil
      for sample in 0..<batch {
        let row = stepDA + sample &* gateRows
        let position = sample &* units
        for unit in 0..<units {
          let index = position &+ unit
          let dh = dH[index]
          let inputGate = i[index]
          let forgetGate = f[index]
          let candidate = g[index]
          let outputGate = o[index]
          let tanhC = cellTanh[index]
          // forward: h_t = o ⊙ tanh(c_t) and c_{t+1} = f_{t+1} ⊙ c_t + …, so
          // dc_t = dh_t ⊙ o ⊙ (1 − tanh² c_t) + dc_{t+1} ⊙ f_{t+1} (carried in dC).
          let dc = dh * outputGate * (1 - tanhC * tanhC) + dC[index]
          let previous = previousCell?[index] ?? 0
          // forward: c_t = f ⊙ c_{t−1} + i ⊙ g with i = σ(a_i), f = σ(a_f), g = tanh(a_g).
          row[unit] = dc * candidate * (inputGate * (1 - inputGate))
          row[units &+ unit] = dc * previous * (forgetGate * (1 - forgetGate))
          row[2 &* units &+ unit] = dc * inputGate * (1 - candidate * candidate)
          // forward: h_t = o ⊙ tanh(c_t) with o = σ(a_o).
          row[3 &* units &+ unit] = dh * tanhC * (outputGate * (1 - outputGate))
          dC[index] = dc * forgetGate
        }
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
