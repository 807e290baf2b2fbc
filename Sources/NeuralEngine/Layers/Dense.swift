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
///
/// A first layer with few inputs and outputs (the 1–3 features of most lesson data) reads its
/// inputs feature by feature when the session offers them (`LayerBuffers.inputColumns`): the
/// same sums, vectorised across eight samples at a time instead of across a handful of inputs.
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

  /// Room for `Wᵀ` (`I × O`), so the forward product reads contiguous rows, and for `dWᵀ` of a
  /// narrow layer; or for one output's gradients over the batch (the by-feature path).
  func scratchCount(batch: Int) -> Int { Swift.max(inputCount * outputCount, batch) }

  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {
    rule.draw(
      into: parameters, count: inputCount * outputCount, fanIn: inputCount, fanOut: outputCount,
      using: &generator)
    (parameters + inputCount * outputCount).update(repeating: bias, count: outputCount)
  }

  /// Inputs and outputs up to these counts take the by-feature path when columns are offered.
  static let narrowInputLimit = 16
  static let narrowOutputLimit = 4

  /// The inputs by feature, when this layer should use them.
  private func narrowColumns(_ buffers: LayerBuffers) -> UnsafePointer<Double>? {
    guard let columns = buffers.inputColumns, inputCount <= Self.narrowInputLimit,
      outputCount <= Self.narrowOutputLimit, buffers.batch >= 8
    else { return nil }
    return columns
  }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let w = buffers.parameters
    let b = w + inputCount * outputCount
    if let columns = narrowColumns(buffers) {
      forwardByFeature(buffers, columns: columns)
      return
    }
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
    if let columns = narrowColumns(buffers) {
      weightGradientsByFeature(buffers, columns: columns)
    } else {
      weightGradients(buffers)
    }
    // forward: Z = X·Wᵀ, so dX = dZ·W.
    if let dX = buffers.inputGradient {
      MatrixMultiply.multiply(
        rows: buffers.batch, columns: inputCount, inner: outputCount,
        a: dZ, aRowStride: outputCount, aColumnStride: 1,
        b: w, ldb: inputCount, c: dX, ldc: inputCount, accumulate: false)
    }
  }

  /// dW and db through matrix products.
  private func weightGradients(_ buffers: LayerBuffers) {
    let dZ = buffers.outputGradient
    let dW = buffers.gradients
    let dB = dW + inputCount * outputCount
    if inputCount < 8, outputCount >= 8 {
      // A row of dW (one output's few inputs) would fill a fraction of a vector: the same sums
      // as dWᵀ = Xᵀ·dZ, whose rows are whole vectors of outputs, then added into dW's places.
      let transposed = buffers.scratch
      MatrixMultiply.multiply(
        rows: inputCount, columns: outputCount, inner: buffers.batch,
        a: buffers.input, aRowStride: 1, aColumnStride: inputCount,
        b: dZ, ldb: outputCount, c: transposed, ldc: outputCount, accumulate: false)
      for output in 0..<outputCount {
        for input in 0..<inputCount { dW[output &* inputCount &+ input] += transposed[input &* outputCount &+ output] }
      }
    } else {
      // forward: Z = X·Wᵀ, so dW += dZᵀ·X (dZᵀ read through strides).
      MatrixMultiply.multiply(
        rows: outputCount, columns: inputCount, inner: buffers.batch,
        a: dZ, aRowStride: 1, aColumnStride: outputCount,
        b: buffers.input, ldb: inputCount, c: dW, ldc: inputCount, accumulate: true)
    }
    // forward: Z = … + b, so db += the column sums of dZ.
    VectorMath.addColumnSums(of: dZ, rows: buffers.batch, columns: outputCount, into: dB)
  }

  // MARK: - By feature, for narrow first layers

  /// forward: z[s][o] = b[o] + Σ_f W[o][f] · x_f[s], eight samples per vector, four vectors in
  /// flight.
  private func forwardByFeature(_ buffers: LayerBuffers, columns: UnsafePointer<Double>) {
    let w = buffers.parameters
    let b = w + inputCount * outputCount
    let out = buffers.output
    let stride = buffers.inputColumnStride
    let batch = buffers.batch
    typealias Lanes = SIMD8<Double>
    @inline(__always) func store(_ sum: Lanes, _ sample: Int, _ output: Int) {
      if outputCount == 1 {
        sum.store(to: out + sample)
      } else {
        for lane in 0..<8 { out[(sample &+ lane) &* outputCount &+ output] = sum[lane] }
      }
    }
    var sample = 0
    while sample &+ 32 <= batch {
      for output in 0..<outputCount {
        let bias = Lanes(repeating: b[output])
        var s0 = bias, s1 = bias, s2 = bias, s3 = bias
        let row = w + output &* inputCount
        for feature in 0..<inputCount {
          let weight = Lanes(repeating: row[feature])
          let column = columns + (feature &* stride &+ sample)
          s0 = s0.adding(weight, times: Lanes.load(column))
          s1 = s1.adding(weight, times: Lanes.load(column + 8))
          s2 = s2.adding(weight, times: Lanes.load(column + 16))
          s3 = s3.adding(weight, times: Lanes.load(column + 24))
        }
        store(s0, sample, output)
        store(s1, sample &+ 8, output)
        store(s2, sample &+ 16, output)
        store(s3, sample &+ 24, output)
      }
      sample &+= 32
    }
    while sample &+ 8 <= batch {
      for output in 0..<outputCount {
        var sum = Lanes(repeating: b[output])
        let row = w + output &* inputCount
        for feature in 0..<inputCount {
          sum = sum.adding(Lanes(repeating: row[feature]), times: Lanes.load(columns + (feature &* stride &+ sample)))
        }
        store(sum, sample, output)
      }
      sample &+= 8
    }
    while sample < batch {
      for output in 0..<outputCount {
        var sum = b[output]
        for feature in 0..<inputCount { sum += w[output &* inputCount &+ feature] * columns[feature &* stride &+ sample] }
        out[sample &* outputCount &+ output] = sum
      }
      sample &+= 1
    }
  }

  /// forward: Z = X·Wᵀ + b, so dW[o][f] += Σ_s dz[s][o] · x_f[s] and db[o] += Σ_s dz[s][o]: dot
  /// products along the batch (each output's gradients first gathered into a contiguous run).
  private func weightGradientsByFeature(_ buffers: LayerBuffers, columns: UnsafePointer<Double>) {
    let dZ = buffers.outputGradient
    let dW = buffers.gradients
    let dB = dW + inputCount * outputCount
    let stride = buffers.inputColumnStride
    let batch = buffers.batch
    for output in 0..<outputCount {
      let gradients: UnsafePointer<Double>
      if outputCount == 1 {
        gradients = UnsafePointer(dZ)
      } else {
        for sample in 0..<batch { buffers.scratch[sample] = dZ[sample &* outputCount &+ output] }
        gradients = UnsafePointer(buffers.scratch)
      }
      dB[output] += VectorMath.sum(gradients, count: batch)
      for feature in 0..<inputCount {
        dW[output &* inputCount &+ feature] += VectorMath.dot(gradients, columns + feature &* stride, count: batch)
      }
    }
  }

  /// `Dense(2→4)`.
  var description: String { "Dense(\(inputCount)→\(outputCount))" }
}
