/// `C[m×n] += A[m×k]·B[n×k]ᵀ` when both operands' rows are contiguous and long: every entry of
/// `C` is the dot product of a row of `A` with a row of `B`.
///
/// This is the shape of a weight gradient summed over a whole batch (a convolution's
/// `dK += dZ·colsᵀ`: 8 filters by 9 patch entries, over 32·36 positions), where
/// `MatrixMultiply.multiplyTransposed` would first transpose `B` (a scatter) or run one dot
/// product at a time (one chain of dependent additions per entry). Here a tile of 4 rows of `A`
/// by 3 rows of `B` keeps its 12 sums in vector registers while `k` streams past, eight lanes at
/// a time, so each loaded piece is used 3 or 4 times and the additions of different entries
/// overlap. Each entry is its lanes' partial sums added up, then the last `k mod 8` products,
/// then added to `C`.
enum RowDotProducts {
  /// Rows of `A` and of `B` one tile covers.
  private static let tileRows = 4
  private static let tileColumns = 3

  /// `C[i][j] += Σ_p A[i][p] · B[j][p]` for `i < m`, `j < n`, `p < k`.
  static func accumulate(
    rows m: Int, columns n: Int, inner k: Int, a: UnsafePointer<Double>, lda: Int,
    b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    guard m > 0, n > 0, k > 0 else { return }
    var row = 0
    while row < m {
      let rowCount = Swift.min(tileRows, m &- row)
      var column = 0
      while column < n {
        let columnCount = Swift.min(tileColumns, n &- column)
        tile(
          rows: rowCount, columns: columnCount, inner: k, a: a + row &* lda, lda: lda, b: b + column &* ldb,
          ldb: ldb, c: c + (row &* ldc &+ column), ldc: ldc)
        column &+= tileColumns
      }
      row &+= tileRows
    }
  }

  /// One tile of up to 4×3 entries. A short tile (the last rows or columns) repeats its last row
  /// of `A` or `B` in the unused places and stores only the entries it owns.
  @inline(__always)
  private static func tile(
    rows: Int, columns: Int, inner k: Int, a: UnsafePointer<Double>, lda: Int,
    b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    let a0 = a
    let a1 = a + Swift.min(1, rows &- 1) &* lda
    let a2 = a + Swift.min(2, rows &- 1) &* lda
    let a3 = a + Swift.min(3, rows &- 1) &* lda
    let b0 = b
    let b1 = b + Swift.min(1, columns &- 1) &* ldb
    let b2 = b + Swift.min(2, columns &- 1) &* ldb
    var s00 = SIMD8<Double>(), s01 = SIMD8<Double>(), s02 = SIMD8<Double>()
    var s10 = SIMD8<Double>(), s11 = SIMD8<Double>(), s12 = SIMD8<Double>()
    var s20 = SIMD8<Double>(), s21 = SIMD8<Double>(), s22 = SIMD8<Double>()
    var s30 = SIMD8<Double>(), s31 = SIMD8<Double>(), s32 = SIMD8<Double>()
    let vectorEnd = k & ~7
    var p = 0
    while p < vectorEnd {
      let x0 = SIMD8<Double>.load(b0 + p), x1 = SIMD8<Double>.load(b1 + p), x2 = SIMD8<Double>.load(b2 + p)
      let y0 = SIMD8<Double>.load(a0 + p)
      s00 = s00.adding(y0, times: x0)
      s01 = s01.adding(y0, times: x1)
      s02 = s02.adding(y0, times: x2)
      let y1 = SIMD8<Double>.load(a1 + p)
      s10 = s10.adding(y1, times: x0)
      s11 = s11.adding(y1, times: x1)
      s12 = s12.adding(y1, times: x2)
      let y2 = SIMD8<Double>.load(a2 + p)
      s20 = s20.adding(y2, times: x0)
      s21 = s21.adding(y2, times: x1)
      s22 = s22.adding(y2, times: x2)
      let y3 = SIMD8<Double>.load(a3 + p)
      s30 = s30.adding(y3, times: x0)
      s31 = s31.adding(y3, times: x1)
      s32 = s32.adding(y3, times: x2)
      p &+= 8
    }
    let sums = (
      (s00, s01, s02), (s10, s11, s12), (s20, s21, s22), (s30, s31, s32)
    )
    let rowPointers = (a0, a1, a2, a3)
    let columnPointers = (b0, b1, b2)
    for i in 0..<rows {
      let rowSums: (SIMD8<Double>, SIMD8<Double>, SIMD8<Double>)
      let aRow: UnsafePointer<Double>
      switch i {
      case 0: (rowSums, aRow) = (sums.0, rowPointers.0)
      case 1: (rowSums, aRow) = (sums.1, rowPointers.1)
      case 2: (rowSums, aRow) = (sums.2, rowPointers.2)
      default: (rowSums, aRow) = (sums.3, rowPointers.3)
      }
      for j in 0..<columns {
        let lanes: SIMD8<Double>
        let bRow: UnsafePointer<Double>
        switch j {
        case 0: (lanes, bRow) = (rowSums.0, columnPointers.0)
        case 1: (lanes, bRow) = (rowSums.1, columnPointers.1)
        default: (lanes, bRow) = (rowSums.2, columnPointers.2)
        }
        var total = lanes.sum()
        var q = vectorEnd
        while q < k {
          total += aRow[q] * bRow[q]
          q &+= 1
        }
        c[i &* ldc &+ j] += total
      }
    }
  }
}
