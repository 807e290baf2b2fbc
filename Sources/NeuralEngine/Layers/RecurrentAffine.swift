/// The affine step every recurrent layer takes at each time step, forward and backward: the part
/// `Recurrent` and `LSTM` share (what they do with `a_t` is theirs).
///
/// For `T` steps of `F` features, `H` hidden units and a weight matrix `W` of `G` rows (`H` for
/// a simple recurrent layer, `4H` for an LSTM) on the concatenation `[x_t; h_{t−1}]`, inputs
/// first, so `W = [W_x | W_h]` with row stride `F + H`, and biases `b` (`G`) right after `W`:
///
///     forward:  a_t = W_x x_t + W_h h_{t−1} + b              (h_{−1} = 0)
///     backward: dW_x += Σ_t da_tᵀ x_t,  dW_h += Σ_{t≥1} da_tᵀ h_{t−1},  db += Σ_t Σ_rows da_t,
///               dx_t = da_t W_x,  dh_{t−1} += da_t W_h
///
/// Everything is time-major: the batch of `B` samples at step `t` is rows `t·B ..< (t+1)·B` of
/// one `(T·B) × width` matrix, so a step's batch is one contiguous matrix and the products that
/// do not depend on the recurrence (the input projection, `dW`, `dx`) run once over all steps.
struct RecurrentAffine: Hashable, Sendable {
  /// `T`.
  let steps: Int
  /// `F`.
  let features: Int
  /// `H`.
  let hidden: Int
  /// `G`: rows of `W` (`H` or `4H`).
  let rows: Int

  /// `F + H`: the row stride of `W`.
  var columns: Int { features + hidden }
  /// Numbers in `W`.
  var weightCount: Int { rows * columns }

  /// Scratch `beginForward` uses: the time-major inputs (`T·B·F`), then `Wᵀ` (`(F + H) × G`).
  func forwardScratchCount(batch: Int) -> Int { steps * batch * features + weightCount }

  /// Scratch `finishBackward` uses: the time-major inputs and their gradients (`T·B·F` each).
  func backwardScratchCount(batch: Int) -> Int { 2 * steps * batch * features }

  // MARK: - Forward

  /// Starts a forward pass: `a_t = W_x x_t + b` for every step at once, into the time-major
  /// `(T·B) × G` matrix `preactivations`. Leaves `Wᵀ` in `scratch` for `addRecurrentTerm`.
  @inline(__always)
  func beginForward(
    weights w: UnsafePointer<Double>, input: UnsafePointer<Double>, batch: Int,
    preactivations a: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
  ) {
    let stepRows = steps &* batch
    let inputs = scratch
    let transposed = transposedWeights(scratch, batch: batch)
    Self.copyToTimeMajor(input, steps: steps, batch: batch, width: features, into: inputs)
    // Wᵀ ((F + H) × G), so both products below read contiguous rows of it.
    MatrixMultiply.transpose(
      w, rows: rows, columns: columns, sourceStride: columns, into: transposed, destinationStride: rows)
    // a_t = … + b: every row starts from the biases.
    let b = w + weightCount
    for row in 0..<stepRows { (a + row &* rows).update(from: b, count: rows) }
    // a_t = W_x x_t + …: one product over all T·B rows, (T·B × F)·(F × G).
    MatrixMultiply.multiply(
      rows: stepRows, columns: rows, inner: features,
      a: inputs, aRowStride: features, aColumnStride: 1,
      b: transposed, ldb: rows, c: a, ldc: rows, accumulate: true)
  }

  /// `a_t += W_h h_{t−1}` for one step: `(B × H)·(H × G)` into the step's `B × G` rows; `scratch`
  /// is the one `beginForward` was given.
  @inline(__always)
  func addRecurrentTerm(
    previousHidden h: UnsafePointer<Double>, batch: Int, into a: UnsafeMutablePointer<Double>,
    scratch: UnsafeMutablePointer<Double>
  ) {
    MatrixMultiply.multiply(
      rows: batch, columns: rows, inner: hidden,
      a: h, aRowStride: hidden, aColumnStride: 1,
      b: transposedWeights(scratch, batch: batch) + features &* rows, ldb: rows,
      c: a, ldc: rows, accumulate: true)
  }

  @inline(__always)
  private func transposedWeights(_ scratch: UnsafeMutablePointer<Double>, batch: Int) -> UnsafeMutablePointer<Double> {
    scratch + steps &* batch &* features
  }

  // MARK: - Backward

  /// `dh_{t−1} (+)= da_t W_h` for one step: `(B × G)·(G × H)`, `W_h` read in place.
  @inline(__always)
  func hiddenGradient(
    from da: UnsafePointer<Double>, weights w: UnsafePointer<Double>, batch: Int,
    into dh: UnsafeMutablePointer<Double>, accumulate: Bool
  ) {
    // forward: a_t = … + W_h h_{t−1}, so dh_{t−1} += da_t W_h.
    MatrixMultiply.multiply(
      rows: batch, columns: hidden, inner: rows,
      a: da, aRowStride: rows, aColumnStride: 1,
      b: w + features, ldb: columns, c: dh, ldc: hidden, accumulate: accumulate)
  }

  /// Ends a backward pass once `da` holds `∂L/∂a_t` for every step (time-major `(T·B) × G`):
  /// adds `dW` and `db` into `gradients` and writes `∂L/∂x` (batch-first) when asked for.
  /// `hiddenStates` is the time-major `(T·B) × H` matrix of `h_t` the forward pass recorded.
  @inline(__always)
  func finishBackward(
    gateGradients da: UnsafePointer<Double>, input: UnsafePointer<Double>,
    hiddenStates h: UnsafePointer<Double>, batch: Int, weights w: UnsafePointer<Double>,
    gradients dW: UnsafeMutablePointer<Double>, inputGradient: UnsafeMutablePointer<Double>?,
    scratch: UnsafeMutablePointer<Double>
  ) {
    let stepRows = steps &* batch
    let inputs = scratch
    Self.copyToTimeMajor(input, steps: steps, batch: batch, width: features, into: inputs)
    // forward: a_t = W_x x_t + …, so dW_x += Σ_t da_tᵀ x_t: one (G × T·B)·(T·B × F) product.
    MatrixMultiply.multiply(
      rows: rows, columns: features, inner: stepRows,
      a: da, aRowStride: 1, aColumnStride: rows,
      b: inputs, ldb: features, c: dW, ldc: columns, accumulate: true)
    // forward: a_t = … + W_h h_{t−1} (h_{−1} = 0), so dW_h += Σ_{t≥1} da_tᵀ h_{t−1}: steps 1…T−1
    // of da against steps 0…T−2 of h, one product.
    if steps > 1 {
      MatrixMultiply.multiply(
        rows: rows, columns: hidden, inner: stepRows &- batch,
        a: da + batch &* rows, aRowStride: 1, aColumnStride: rows,
        b: h, ldb: hidden, c: dW + features, ldc: columns, accumulate: true)
    }
    // forward: a_t = … + b, so db += the column sums of da over every step.
    let dB = dW + weightCount
    for row in 0..<stepRows {
      let gradientRow = da + row &* rows
      for column in 0..<rows { dB[column] += gradientRow[column] }
    }
    // forward: a_t = W_x x_t + …, so dx_t = da_t W_x: one (T·B × G)·(G × F) product.
    guard let dX = inputGradient else { return }
    let inputGradients = scratch + stepRows &* features
    MatrixMultiply.multiply(
      rows: stepRows, columns: features, inner: rows,
      a: da, aRowStride: rows, aColumnStride: 1,
      b: w, ldb: columns, c: inputGradients, ldc: features, accumulate: false)
    Self.copyToBatchFirst(inputGradients, steps: steps, batch: batch, width: features, into: dX)
  }

  // MARK: - Layouts

  /// Batch-first `[B, T, width]` to time-major `[T, B, width]`.
  @inline(__always)
  static func copyToTimeMajor(
    _ source: UnsafePointer<Double>, steps: Int, batch: Int, width: Int, into destination: UnsafeMutablePointer<Double>
  ) {
    for sample in 0..<batch {
      for step in 0..<steps {
        (destination + (step &* batch &+ sample) &* width)
          .update(from: source + (sample &* steps &+ step) &* width, count: width)
      }
    }
  }

  /// Time-major `[T, B, width]` to batch-first `[B, T, width]`.
  @inline(__always)
  static func copyToBatchFirst(
    _ source: UnsafePointer<Double>, steps: Int, batch: Int, width: Int, into destination: UnsafeMutablePointer<Double>
  ) {
    for sample in 0..<batch {
      for step in 0..<steps {
        (destination + (sample &* steps &+ step) &* width)
          .update(from: source + (step &* batch &+ sample) &* width, count: width)
      }
    }
  }

  /// Step `step` of a batch-first `[B, T, width]` sequence as one `B × width` matrix.
  @inline(__always)
  static func copyStep(
    _ step: Int, of source: UnsafePointer<Double>, steps: Int, batch: Int, width: Int,
    into destination: UnsafeMutablePointer<Double>
  ) {
    for sample in 0..<batch {
      (destination + sample &* width).update(from: source + (sample &* steps &+ step) &* width, count: width)
    }
  }

  /// `√(Σ v²)` over `count` numbers.
  @inline(__always)
  static func norm(_ values: UnsafePointer<Double>, count: Int) -> Double {
    var sum = 0.0
    for index in 0..<count { sum += values[index] * values[index] }
    return sum.squareRoot()
  }
}
