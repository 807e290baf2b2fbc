/// A residual block: the input plus a dense branch, so the block starts near the identity and
/// the gradient has a path straight through it.
///
/// For a batch `X` (`B × N`, one sample per row), weights `W` (`N × N`, row `o` holds the weights
/// into branch neuron `o`), biases `b` (`N`) and an activation `f`:
///
///     forward:  Z = X·Wᵀ + b,  F = f(Z),  Y = X + F
///     backward: dZ = dY ⊙ f′(Z),  dW += dZᵀ·X,  db += Σ_rows dZ,  dX = dY + dZ·W
///
/// The width of the input must be `N` (any input shape is read as its flat count, as dense
/// layers do). The trace keeps `z` (the branch's pre-activations) and `f` (the branch's
/// contribution `f(z)`, what the block adds to its input).
struct Residual: LayerKind {
  /// `N`: the width of the input, of the branch and of the output.
  let width: Int
  let function: Activation
  let inputShape: TensorShape

  init(inputShape: TensorShape, function: Activation) {
    self.inputShape = inputShape
    width = inputShape.count
    self.function = function
  }

  var outputShape: TensorShape { [width] }

  var namePrefix: String { "res" }

  var parameterBlocks: [ParameterBlock.Layout] {
    [
      ParameterBlock.Layout("w", [width, width], role: .weight),
      ParameterBlock.Layout("b", [width], role: .bias),
    ]
  }

  var traceSlots: [TraceSlot] { [TraceSlot("z", [width]), TraceSlot("f", [width])] }

  /// Forward: room for `Wᵀ` (`N × N`); backward: room for `dZ` (`B × N`).
  func scratchCount(batch: Int) -> Int { Swift.max(width * width, batch * width) }

  /// Like a dense layer: `W` drawn with fan-in = fan-out = `N`, then `b` = `bias`.
  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {
    rule.draw(into: parameters, count: width * width, fanIn: width, fanOut: width, using: &generator)
    (parameters + width * width).update(repeating: bias, count: width)
  }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let w = buffers.parameters
    let b = w + width * width
    let z = buffers.slots[0]
    let f = buffers.slots[1]
    let count = buffers.batch * width
    // forward: Z = X·Wᵀ + b — each row starts from the biases, then the product adds on.
    for row in 0..<buffers.batch { (z + row * width).update(from: b, count: width) }
    MatrixMultiply.multiplyTransposed(
      rows: buffers.batch, columns: width, inner: width,
      a: buffers.input, aRowStride: width, aColumnStride: 1,
      b: w, ldb: width, c: z, ldc: width, accumulate: true, scratch: buffers.scratch)
    // forward: F = f(Z) (softmax: one vector per sample).
    function.apply(z, into: f, rows: buffers.batch, width: width)
    // forward: Y = X + F.
    let x = buffers.input
    let y = buffers.output
    for index in 0..<count { y[index] = x[index] + f[index] }
  }

  func backward(_ buffers: LayerBuffers) {
    let dY = buffers.outputGradient
    let w = buffers.parameters
    let dW = buffers.gradients
    let dB = dW + width * width
    // forward: F = f(Z) and Y = X + F, so dZ = dY ⊙ f′(Z) (dY itself when f is linear).
    let dZ: UnsafePointer<Double>
    if function == .linear {
      dZ = UnsafePointer(dY)
    } else {
      function.backpropagate(
        dY, preActivations: buffers.slots[0], activations: buffers.slots[1], into: buffers.scratch,
        rows: buffers.batch, width: width)
      dZ = UnsafePointer(buffers.scratch)
    }
    // forward: Z = X·Wᵀ, so dW += dZᵀ·X (dZᵀ read through strides).
    MatrixMultiply.multiply(
      rows: width, columns: width, inner: buffers.batch,
      a: dZ, aRowStride: 1, aColumnStride: width,
      b: buffers.input, ldb: width, c: dW, ldc: width, accumulate: true)
    // forward: Z = … + b, so db += the column sums of dZ.
    VectorMath.addColumnSums(of: dZ, rows: buffers.batch, columns: width, into: dB)
    // forward: Y = X + f(X·Wᵀ + b), so dX = dY (the skip connection) + dZ·W (the branch).
    if let dX = buffers.inputGradient {
      dX.update(from: dY, count: buffers.batch * width)
      MatrixMultiply.multiply(
        rows: buffers.batch, columns: width, inner: width,
        a: dZ, aRowStride: width, aColumnStride: 1,
        b: w, ldb: width, c: dX, ldc: width, accumulate: true)
    }
  }

  /// `Residual(4, relu)`.
  var description: String { "Residual(\(width), \(function.rawValue))" }
}
