/// A fully connected layer: every output is a weighted sum of every input plus a bias.
///
/// For a batch `X` (`B × I`, one sample per row), weights `W` (`O × I`, row `o` holds the
/// weights into neuron `o`) and biases `b` (`O`):
///
///     forward:  Z = X·Wᵀ + b
///     backward: dW += dZᵀ·X,  db += Σ_rows dZ,  dX = dZ·W
///
/// Any input shape is read as its flat count, so a dense layer follows a convolution or
/// pooling layer directly (channel-major, as `flatten` would give).
struct Dense: LayerKind {
  let inputCount: Int
  let outputCount: Int
  let inputShape: TensorShape

  init(inputShape: TensorShape, outputCount: Int) {
    self.inputShape = inputShape
    inputCount = inputShape.count
    self.outputCount = outputCount
  }

  var outputShape: TensorShape { [outputCount] }

  var parameterBlocks: [ParameterBlock.Layout] {
    [
      ParameterBlock.Layout("w", [outputCount, inputCount], role: .weight),
      ParameterBlock.Layout("b", [outputCount], role: .bias),
    ]
  }

  /// Room for `Wᵀ` (`I × O`), so the forward product reads contiguous rows.
  func scratchCount(batch: Int) -> Int { inputCount * outputCount }

  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {
    rule.draw(
      into: parameters, count: inputCount * outputCount, fanIn: inputCount, fanOut: outputCount,
      using: &generator)
    (parameters + inputCount * outputCount).update(repeating: bias, count: outputCount)
  }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let w = buffers.parameters
    let b = w + inputCount * outputCount
    // forward: Z = X·Wᵀ + b — each row's sums start from the biases.
    MatrixMultiply.multiplyTransposed(
      rows: buffers.batch, columns: outputCount, inner: inputCount,
      a: buffers.input, aRowStride: inputCount, aColumnStride: 1,
      b: w, ldb: inputCount, c: buffers.output, ldc: outputCount, accumulate: false, initialRow: b,
      scratch: buffers.scratch)
  }

  func backward(_ buffers: LayerBuffers) {
    let dZ = buffers.outputGradient
    let w = buffers.parameters
    let dW = buffers.gradients
    let dB = dW + inputCount * outputCount
    // forward: Z = X·Wᵀ, so dW += dZᵀ·X (dZᵀ read through strides).
    MatrixMultiply.multiply(
      rows: outputCount, columns: inputCount, inner: buffers.batch,
      a: dZ, aRowStride: 1, aColumnStride: outputCount,
      b: buffers.input, ldb: inputCount, c: dW, ldc: inputCount, accumulate: true)
    // forward: Z = … + b, so db += the column sums of dZ.
    for row in 0..<buffers.batch {
      let gradientRow = dZ + row * outputCount
      for output in 0..<outputCount { dB[output] += gradientRow[output] }
    }
    // forward: Z = X·Wᵀ, so dX = dZ·W.
    if let dX = buffers.inputGradient {
      MatrixMultiply.multiply(
        rows: buffers.batch, columns: inputCount, inner: outputCount,
        a: dZ, aRowStride: outputCount, aColumnStride: 1,
        b: w, ldb: inputCount, c: dX, ldc: inputCount, accumulate: false)
    }
  }

  /// `Dense(2→4)`.
  var description: String { "Dense(\(inputCount)→\(outputCount))" }
}
