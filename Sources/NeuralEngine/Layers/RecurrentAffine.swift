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

  /// `preactivations` for every row of `W`, the `G / width` blocks of `width` columns (an LSTM's
  /// gates) each into its own `B × width` matrix `blocks[block] + offset` (row stride `width`).
  ///
  /// When `width` is a multiple of 8 and `G` of 32, one pass: tiles of four samples by 32 columns
  /// keep their sums in registers from the biases through every `x_t` and `h_{t−1}` term (the
  /// same terms in the same order as the two products), then store each eight columns into its
  /// block. Otherwise block by block through `MatrixMultiply`.
  @inline(__always)
  func preactivations(
    step: Int, input: UnsafePointer<Double>, previousHidden h: UnsafePointer<Double>?, batch: Int,
    weights w: UnsafePointer<Double>, transposed: UnsafePointer<Double>, blockWidth width: Int,
    into blocks: SlotPointers, offset: Int
  ) {
    guard width % 8 == 0, rows % 32 == 0 else {
      for block in 0..<(rows / width) {
        preactivations(
          step: step, input: input, previousHidden: h, batch: batch, weights: w, transposed: transposed,
          first: block &* width, count: width, into: blocks[block] + offset)
      }
      return
    }
    let x = input + step &* features
    let xStride = steps &* features
    let b = w + weightCount
    var column = 0
    while column < rows {
      // Where each eight of these 32 columns go, for sample 0.
      let d0 = blocks[column / width] + (offset &+ column % width)
      let d1 = blocks[(column &+ 8) / width] + (offset &+ (column &+ 8) % width)
      let d2 = blocks[(column &+ 16) / width] + (offset &+ (column &+ 16) % width)
      let d3 = blocks[(column &+ 24) / width] + (offset &+ (column &+ 24) % width)
      var sample = 0
      #if DESCENT_AVX512
        while sample &+ 4 <= batch {
          gateTile4(
            column: column, x: x + sample &* xStride, xStride: xStride,
            h: h.map { $0 + sample &* hidden }, bias: b, transposed: transposed,
            into: (d0, d1, d2, d3), position: sample &* width, width: width)
          sample &+= 4
        }
      #endif
      while sample < batch {
        gateTile1(
          column: column, x: x + sample &* xStride, h: h.map { $0 + sample &* hidden }, bias: b,
          transposed: transposed, into: (d0, d1, d2, d3), position: sample &* width)
        sample &+= 1
      }
      column &+= 32
    }
  }

  private typealias Destinations = (
    UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
    UnsafeMutablePointer<Double>
  )

  /// Four samples (`x` rows `xStride` apart, `h` rows `H` apart) by 32 columns from `column`.
  @inline(__always)
  private func gateTile4(
    column: Int, x: UnsafePointer<Double>, xStride: Int, h: UnsafePointer<Double>?, bias: UnsafePointer<Double>,
    transposed: UnsafePointer<Double>, into d: Destinations, position: Int, width: Int
  ) {
    typealias V = SIMD8<Double>
    let start = bias + column
    let b0 = V.unaligned(start), b1 = V.unaligned(start + 8), b2 = V.unaligned(start + 16), b3 = V.unaligned(start + 24)
    var s00 = b0, s01 = b1, s02 = b2, s03 = b3
    var s10 = b0, s11 = b1, s12 = b2, s13 = b3
    var s20 = b0, s21 = b1, s22 = b2, s23 = b3
    var s30 = b0, s31 = b1, s32 = b2, s33 = b3
    let x1 = x + xStride, x2 = x1 + xStride, x3 = x2 + xStride
    var weights = transposed + column
    for p in 0..<features {
      let w0 = V.unaligned(weights), w1 = V.unaligned(weights + 8), w2 = V.unaligned(weights + 16), w3 = V.unaligned(weights + 24)
      var a = V(repeating: x[p])
      s00 = s00.fused(a, w0); s01 = s01.fused(a, w1)
      s02 = s02.fused(a, w2); s03 = s03.fused(a, w3)
      a = V(repeating: x1[p])
      s10 = s10.fused(a, w0); s11 = s11.fused(a, w1)
      s12 = s12.fused(a, w2); s13 = s13.fused(a, w3)
      a = V(repeating: x2[p])
      s20 = s20.fused(a, w0); s21 = s21.fused(a, w1)
      s22 = s22.fused(a, w2); s23 = s23.fused(a, w3)
      a = V(repeating: x3[p])
      s30 = s30.fused(a, w0); s31 = s31.fused(a, w1)
      s32 = s32.fused(a, w2); s33 = s33.fused(a, w3)
      weights += rows
    }
    if let h {
      let h1 = h + hidden, h2 = h1 + hidden, h3 = h2 + hidden
      for p in 0..<hidden {
        let w0 = V.unaligned(weights), w1 = V.unaligned(weights + 8), w2 = V.unaligned(weights + 16), w3 = V.unaligned(weights + 24)
        var a = V(repeating: h[p])
        s00 = s00.fused(a, w0); s01 = s01.fused(a, w1)
        s02 = s02.fused(a, w2); s03 = s03.fused(a, w3)
        a = V(repeating: h1[p])
        s10 = s10.fused(a, w0); s11 = s11.fused(a, w1)
        s12 = s12.fused(a, w2); s13 = s13.fused(a, w3)
        a = V(repeating: h2[p])
        s20 = s20.fused(a, w0); s21 = s21.fused(a, w1)
        s22 = s22.fused(a, w2); s23 = s23.fused(a, w3)
        a = V(repeating: h3[p])
        s30 = s30.fused(a, w0); s31 = s31.fused(a, w1)
        s32 = s32.fused(a, w2); s33 = s33.fused(a, w3)
        weights += rows
      }
    }
    let r1 = position &+ width, r2 = r1 &+ width, r3 = r2 &+ width
    s00.storeUnaligned(d.0 + position); s01.storeUnaligned(d.1 + position)
    s02.storeUnaligned(d.2 + position); s03.storeUnaligned(d.3 + position)
    s10.storeUnaligned(d.0 + r1); s11.storeUnaligned(d.1 + r1); s12.storeUnaligned(d.2 + r1); s13.storeUnaligned(d.3 + r1)
    s20.storeUnaligned(d.0 + r2); s21.storeUnaligned(d.1 + r2); s22.storeUnaligned(d.2 + r2); s23.storeUnaligned(d.3 + r2)
    s30.storeUnaligned(d.0 + r3); s31.storeUnaligned(d.1 + r3); s32.storeUnaligned(d.2 + r3); s33.storeUnaligned(d.3 + r3)
  }

  /// One sample by 32 columns from `column`.
  @inline(__always)
  private func gateTile1(
    column: Int, x: UnsafePointer<Double>, h: UnsafePointer<Double>?, bias: UnsafePointer<Double>,
    transposed: UnsafePointer<Double>, into d: Destinations, position: Int
  ) {
    typealias V = SIMD8<Double>
    let start = bias + column
    var s0 = V.unaligned(start), s1 = V.unaligned(start + 8), s2 = V.unaligned(start + 16), s3 = V.unaligned(start + 24)
    var weights = transposed + column
    for p in 0..<features {
      let a = V(repeating: x[p])
      s0 = s0.fused(a, V.unaligned(weights)); s1 = s1.fused(a, V.unaligned(weights + 8))
      s2 = s2.fused(a, V.unaligned(weights + 16)); s3 = s3.fused(a, V.unaligned(weights + 24))
      weights += rows
    }
    if let h {
      for p in 0..<hidden {
        let a = V(repeating: h[p])
        s0 = s0.fused(a, V.unaligned(weights)); s1 = s1.fused(a, V.unaligned(weights + 8))
        s2 = s2.fused(a, V.unaligned(weights + 16)); s3 = s3.fused(a, V.unaligned(weights + 24))
        weights += rows
      }
    }
    s0.storeUnaligned(d.0 + position); s1.storeUnaligned(d.1 + position)
    s2.storeUnaligned(d.2 + position); s3.storeUnaligned(d.3 + position)
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
    VectorMath.addColumnSums(of: da, rows: stepRows, columns: rows, into: dW + weightCount)
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
