/// While training, silences each input with probability `rate` and scales the survivors by
/// `1 / (1 − rate)` (inverted dropout), so the next layer sees the same expected sum; while
/// evaluating it passes everything through.
///
///     forward:  a = x ⊙ m,  m_i = 1/(1 − rate) with probability 1 − rate, else 0
///     backward: dx = da ⊙ m
struct Dropout: LayerKind {
  let inputShape: TensorShape
  /// Probability of dropping each input, in `0 ..< 1`.
  var rate: Double

  var outputShape: TensorShape { inputShape }

  /// The mask drawn for the last training pass.
  var traceSlots: [TraceSlot] { [TraceSlot("mask", inputShape)] }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let count = buffers.batch * inputShape.count
    let mask = buffers.slots[0]
    guard buffers.mode == .training, rate > 0 else {
      mask.update(repeating: 1, count: count)
      buffers.output.update(from: buffers.input, count: count)
      return
    }
    let keep = 1 - rate
    let scale = 1 / keep
    for index in 0..<count {
      mask[index] = generator.uniform() < keep ? scale : 0
      buffers.output[index] = buffers.input[index] * mask[index]
    }
  }

  func backward(_ buffers: LayerBuffers) {
    guard let dx = buffers.inputGradient else { return }
    let mask = buffers.slots[0]
    for index in 0..<(buffers.batch * inputShape.count) {
      dx[index] = buffers.outputGradient[index] * mask[index]
    }
  }

  /// `Dropout(0.2)`.
  var description: String { "Dropout(\(rate))" }
}
