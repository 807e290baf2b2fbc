/// A simple (Elman) recurrent layer: one hidden state carried from step to step of a sequence.
///
/// The input is a sequence `[T, F]` (T time steps of F features). With `H` hidden units,
/// weights `W` (`H × (F + H)`, on `[x_t; h_{t−1}]`, inputs first) and biases `b` (`H`):
///
///     forward:  a_t = W [x_t; h_{t−1}] + b,  h_t = tanh(a_t),  h_{−1} = 0
///               output: h_{T−1} ([H]), or every h_t ([T, H]) when `returnsSequences`
///     backward: dh_t = ∂L/∂h_t (from the output) + da_{t+1} W_h,  da_t = dh_t ⊙ (1 − h_t²),
///               then dW, db and dx from every da_t at once (see `RecurrentAffine`)
///
/// Weights start at U(±1/√H) whatever the rule (PyTorch's rule for recurrent layers), drawn in
/// buffer order; biases start at the configuration's bias value (0 unless set), as every bias.
///
/// Trace: `h` (time-major `[T, H]`); while back-propagating, the norm over the batch of
/// `∂L/∂h_t` for each step (`TraceSlot.timeStepGradientNorms`, `[T]`).
struct Recurrent: LayerKind {
  /// `[T, F]`.
  let inputShape: TensorShape
  /// `H`.
  let hiddenCount: Int
  /// Whether the output is every hidden state (`[T, H]`) rather than the last (`[H]`).
  let returnsSequences: Bool
  private let affine: RecurrentAffine

  init(inputShape: TensorShape, hiddenCount: Int, returnsSequences: Bool) {
    precondition(inputShape.rank == 2, "a recurrent layer reads [time steps, features]")
    self.inputShape = inputShape
    self.hiddenCount = hiddenCount
    self.returnsSequences = returnsSequences
    affine = RecurrentAffine(steps: inputShape[0], features: inputShape[1], hidden: hiddenCount, rows: hiddenCount)
  }

  private var steps: Int { inputShape[0] }
  private var features: Int { inputShape[1] }

  var outputShape: TensorShape { returnsSequences ? [steps, hiddenCount] : [hiddenCount] }

  var namePrefix: String { "rnn" }

  var parameterBlocks: [ParameterBlock.Layout] {
    [
      ParameterBlock.Layout("w", [hiddenCount, features + hiddenCount], role: .weight),
      ParameterBlock.Layout("b", [hiddenCount], role: .bias),
    ]
  }

  private enum Slot {
    static let hidden = 0
    static let gradientNorms = 1
  }

  var traceSlots: [TraceSlot] {
    [
      TraceSlot("h", [steps, hiddenCount], layout: .timeMajor),
      TraceSlot(TraceSlot.timeStepGradientNorms, [steps], layout: .perBatch),
    ]
  }

  /// Forward: `Wᵀ` for the affine step. Backward: `da` for every step (`T·B·H`), `dh` for one
  /// step (`B·H`), then the affine step's scratch.
  func scratchCount(batch: Int) -> Int {
    let backward = steps * batch * hiddenCount + batch * hiddenCount + affine.backwardScratchCount
    return Swift.max(affine.forwardScratchCount, backward)
  }

  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {
    WeightInitialisation.fanIn.draw(
      into: parameters, count: affine.weightCount, fanIn: hiddenCount, fanOut: hiddenCount, using: &generator)
    (parameters + affine.weightCount).update(repeating: bias, count: hiddenCount)
  }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let batch = buffers.batch
    let stepCount = batch &* hiddenCount
    let h = buffers.slots[Slot.hidden]
    let transposed = buffers.scratch
    affine.beginForward(weights: buffers.parameters, transposed: transposed)
    for step in 0..<steps {
      let current = h + step &* stepCount
      // a_t = W [x_t; h_{t−1}] + b straight into the h slot (h_t replaces a_t); h_{−1} = 0.
      affine.preactivations(
        step: step, input: buffers.input, previousHidden: step > 0 ? UnsafePointer(current - stepCount) : nil,
        batch: batch, weights: buffers.parameters, transposed: transposed, into: current)
      // h_t = tanh(a_t).
      VectorMath.applyTanh(current, count: stepCount)
    }
    if returnsSequences {
      RecurrentAffine.copyToBatchFirst(h, steps: steps, batch: batch, width: hiddenCount, into: buffers.output)
    } else {
      buffers.output.update(from: h + (steps &- 1) &* stepCount, count: stepCount)
    }
  }

  func backward(_ buffers: LayerBuffers) {
    let batch = buffers.batch
    let stepCount = batch &* hiddenCount
    let h = UnsafePointer(buffers.slots[Slot.hidden])
    let norms = buffers.slots[Slot.gradientNorms]
    let w = UnsafePointer(buffers.parameters)
    let dA = buffers.scratch
    let dH = dA + steps &* stepCount
    let affineScratch = dH + stepCount
    var step = steps &- 1
    while step >= 0 {
      let gradientsIn = dA + step &* stepCount
      // forward: output = h_t (every step) or h_{T−1}, so dh_t starts from the output gradient…
      let fromOutput = returnsSequences || step == steps &- 1
      if returnsSequences {
        RecurrentAffine.copyStep(
          step, of: buffers.outputGradient, steps: steps, batch: batch, width: hiddenCount, into: dH)
      } else if step == steps &- 1 {
        dH.update(from: buffers.outputGradient, count: stepCount)
      }
      // … and forward: a_{t+1} = … + W_h h_t, so dh_t += da_{t+1} W_h.
      if step < steps &- 1 {
        affine.hiddenGradient(
          from: gradientsIn + stepCount, weights: w, batch: batch, into: dH, accumulate: fromOutput)
      }
      norms[step] = RecurrentAffine.norm(dH, count: stepCount)
      // forward: h_t = tanh(a_t), so da_t = dh_t ⊙ (1 − h_t²).
      let hiddenNow = h + step &* stepCount
      for index in 0..<stepCount {
        let value = hiddenNow[index]
        gradientsIn[index] = dH[index] * (1 - value * value)
      }
      step &-= 1
    }
    affine.finishBackward(
      gateGradients: dA, input: buffers.input, hiddenStates: h, batch: batch, weights: w,
      gradients: buffers.gradients, inputGradient: buffers.inputGradient, scratch: affineScratch)
  }

  /// `RNN(20×2→16)`, `RNN(20×2→20×16)` when it returns every step.
  var description: String { "RNN(\(inputShape)→\(outputShape))" }
}
