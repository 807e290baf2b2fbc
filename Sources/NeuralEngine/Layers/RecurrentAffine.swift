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
/// do not depend on the recurrence (`dW`) run once over all steps. The inputs are read where they
/// are, batch-first: step `t` of every sample is a `B × F` matrix of row stride `T·F`.
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

  /// Scratch a forward pass keeps for `preactivations`: `Wᵀ` (`(F + H) × G`).
  var forwardScratchCount: Int { weightCount }

  /// Scratch `finishBackward` uses: `dW_xᵀ` (`F × G`).
  var backwardScratchCount: Int { features * rows }

  // MARK: - Forward

  /// Starts a forward pass: writes `Wᵀ` (`(F + H) × G`) into `transposed`, so the products of
  /// `preactivations` read contiguous rows of it.
  @inline(__always)
  func beginForward(weights w: UnsafePointer<Double>, transposed: UnsafeMutablePointer<Double>) {
    MatrixMultiply.transpose(
      w, rows: rows, columns: columns, sourceStride: columns, into: transposed, destinationStride: rows)
  }

  /// `a_t = b + W_x x_t + W_h h_{t−1}` for one step, rows `first ..< first + count` of `W` (all
  /// `G` unless given), into the `B × count` matrix `a` (row stride `ldc`, `count` unless given):
  /// `x_t` read from the batch-first `input`, `h_{t−1}` the previous step's `B × H` hidden states
  /// (nil at the first step, where `h_{−1} = 0`), `transposed` what `beginForward` wrote.
  @inline(__always)
  func preactivations(
    step: Int, input: UnsafePointer<Double>, previousHidden h: UnsafePointer<Double>?, batch: Int,
    weights w: UnsafePointer<Double>, transposed: UnsafePointer<Double>, first: Int = 0, count: Int? = nil,
    into a: UnsafeMutablePointer<Double>, ldc: Int? = nil
  ) {
    let count = count ?? rows
    let ldc = ldc ?? count
    // a_t = b + W_x x_t: every row starts from the biases, then (B × F)·(F × count).
    MatrixMultiply.multiply(
      rows: batch, columns: count, inner: features,
      a: input + step &* features, aRowStride: steps &* features, aColumnStride: 1,
      b: transposed + first, ldb: rows, c: a, ldc: ldc, accumulate: false, initialRow: w + (weightCount &+ first))
    // a_t += W_h h_{t−1}: (B × H)·(H × count).
    guard let h else { return }
    MatrixMultiply.multiply(
      rows: batch, columns: count, inner: hidden,
      a: h, aRowStride: hidden, aColumnStride: 1,
      b: transposed + (features &* rows &+ first), ldb: rows, c: a, ldc: ldc, accumulate: true)
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
    let inputStride = steps &* features
    // forward: a_t = W_x x_t + …, so dW_x += Σ_t da_tᵀ x_t. Summed as its transpose (F × G),
    // dW_xᵀ += x_tᵀ da_t step by step, so the long rows of da stream past a few broadcasts of x
    // read in place (the same products in the same order as one (G × T·B)·(T·B × F) product).
    let transposedGradient = scratch
    MatrixMultiply.transpose(
      dW, rows: rows, columns: features, sourceStride: columns, into: transposedGradient, destinationStride: rows)
    for step in 0..<steps {
      MatrixMultiply.multiply(
        rows: features, columns: rows, inner: batch,
        a: input + step &* features, aRowStride: 1, aColumnStride: inputStride,
        b: da + step &* batch &* rows, ldb: rows, c: transposedGradient, ldc: rows, accumulate: true)
    }
    MatrixMultiply.transpose(
      transposedGradient, rows: features, columns: rows, sourceStride: rows, into: dW, destinationStride: columns)
    // forward: a_t = … + W_h h_{t−1} (h_{−1} = 0), so dW_h += Σ_{t≥1} da_tᵀ h_{t−1}: steps 1…T−1
    // of da against steps 0…T−2 of h, one product.
    if steps > 1 {
      MatrixMultiply.multiply(
        rows: rows, columns: hidden, inner: stepRows &- batch,
        a: da + batch &* rows, aRowStride: 1, aColumnStride: rows,
        b: h, ldb: hidden, c: dW + features, ldc: columns, accumulate: true)
    }
    // forward: a_t = … + b, so db += the column sums of da over every step (row after row).
    Self.addColumnSums(of: da, rows: stepRows, columns: rows, into: dW + weightCount)
    // forward: a_t = W_x x_t + …, so dx_t = da_t W_x: (B × G)·(G × F) per step, written
    // straight into the batch-first dx (row stride T·F).
    guard let dX = inputGradient else { return }
    for step in 0..<steps {
      MatrixMultiply.multiply(
        rows: batch, columns: features, inner: rows,
        a: da + step &* batch &* rows, aRowStride: rows, aColumnStride: 1,
        b: w, ldb: columns, c: dX + step &* features, ldc: inputStride, accumulate: false)
    }
  }

  /// `sums[j] += Σ_i matrix[i][j]`, the rows added in order: eight vectors of columns at a time
  /// (independent sums, so the additions overlap), then one, then single columns.
  @inline(__always)
  private static func addColumnSums(
    of matrix: UnsafePointer<Double>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Double>
  ) {
    typealias Lanes = SIMD8<Double>
    var column = 0
    while column &+ 64 <= columns {
      let out = sums + column
      var s0 = Lanes.load(out), s1 = Lanes.load(out + 8), s2 = Lanes.load(out + 16), s3 = Lanes.load(out + 24)
      var s4 = Lanes.load(out + 32), s5 = Lanes.load(out + 40), s6 = Lanes.load(out + 48), s7 = Lanes.load(out + 56)
      var row = matrix + column
      for _ in 0..<rows {
        s0 += Lanes.load(row)
        s1 += Lanes.load(row + 8)
        s2 += Lanes.load(row + 16)
        s3 += Lanes.load(row + 24)
        s4 += Lanes.load(row + 32)
        s5 += Lanes.load(row + 40)
        s6 += Lanes.load(row + 48)
        s7 += Lanes.load(row + 56)
        row += columns
      }
      s0.store(to: out)
      s1.store(to: out + 8)
      s2.store(to: out + 16)
      s3.store(to: out + 24)
      s4.store(to: out + 32)
      s5.store(to: out + 40)
      s6.store(to: out + 48)
      s7.store(to: out + 56)
      column &+= 64
    }
    while column &+ 8 <= columns {
      var total = Lanes.load(sums + column)
      var row = matrix + column
      for _ in 0..<rows {
        total += Lanes.load(row)
        row += columns
      }
      total.store(to: sums + column)
      column &+= 8
    }
    while column < columns {
      var total = sums[column]
      for row in 0..<rows { total += matrix[row &* columns &+ column] }
      sums[column] = total
      column &+= 1
    }
  }

  // MARK: - Layouts

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
    VectorMath.sumOfSquares(values, count: count).squareRoot()
  }

  /// `√(Σ v²)` over a `rows × columns` matrix of row stride `rowStride`.
  @inline(__always)
  static func norm(_ values: UnsafePointer<Double>, rows: Int, columns: Int, rowStride: Int) -> Double {
    if rowStride == columns { return norm(values, count: rows &* columns) }
    var sum = 0.0
    for row in 0..<rows { sum += VectorMath.sumOfSquares(values + row &* rowStride, count: columns) }
    return sum.squareRoot()
  }
}
