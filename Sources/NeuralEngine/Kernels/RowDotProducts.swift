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

  // MARK: - Segmented rows

  /// The same sums when every row of `A` and of `B` is cut into `segments` pieces of
  /// `segmentLength ≥ 8` numbers stored apart: piece `s` of row `i` of `A` starts at
  /// `a + s·aSegmentStride + i·lda`, of row `j` of `B` at `b + s·bSegmentStride + j·ldb`. With
  /// `rowSums`, also `rowSums[i] += Σ` of row `i` of `A`.
  ///
  /// A convolution's `dK += dZ·colsᵀ` read straight from the batch-first `dZ` (a piece per sample
  /// and filter) and the time-major columns, without gathering `dZ` first; `db` comes with it.
  /// A piece whose length is not a multiple of 8 ends with a vector overlapping the one before,
  /// its already counted lanes set to 0 in both operands.
  static func accumulate(
    rows m: Int, columns n: Int, segments: Int, segmentLength: Int,
    a: UnsafePointer<Double>, lda: Int, aSegmentStride: Int,
    b: UnsafePointer<Double>, ldb: Int, bSegmentStride: Int,
    c: UnsafeMutablePointer<Double>, ldc: Int, rowSums: UnsafeMutablePointer<Double>?
  ) {
    precondition(segmentLength >= 8, "segments shorter than one vector")
    guard m > 0, n > 0, segments > 0 else { return }
    let pieces = SegmentLayout(
      count: segments, length: segmentLength, aStride: aSegmentStride, bStride: bSegmentStride)
    var row = 0
    while row < m {
      let rowCount = Swift.min(tileRows, m &- row)
      var column = 0
      while column < n {
        let columnCount = Swift.min(tileColumns, n &- column)
        segmentedTile(
          rows: rowCount, columns: columnCount, pieces: pieces, a: a + row &* lda, lda: lda,
          b: b + column &* ldb, ldb: ldb, c: c + (row &* ldc &+ column), ldc: ldc,
          rowSums: column == 0 ? rowSums.map { $0 + row } : nil)
        column &+= tileColumns
      }
      row &+= tileRows
    }
  }

  /// Where the pieces of the rows are.
  private struct SegmentLayout {
    let count: Int
    let length: Int
    let aStride: Int
    let bStride: Int
  }

  /// One tile of up to 4×3 entries over segmented rows (short tiles as in `tile`), and the sums
  /// of its rows of `A` when `rowSums` is given.
  @inline(__always)
  private static func segmentedTile(
    rows: Int, columns: Int, pieces: SegmentLayout, a: UnsafePointer<Double>, lda: Int,
    b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int,
    rowSums: UnsafeMutablePointer<Double>?
  ) {
    let a1 = Swift.min(1, rows &- 1) &* lda
    let a2 = Swift.min(2, rows &- 1) &* lda
    let a3 = Swift.min(3, rows &- 1) &* lda
    let b1 = Swift.min(1, columns &- 1) &* ldb
    let b2 = Swift.min(2, columns &- 1) &* ldb
    var s00 = SIMD8<Double>(), s01 = SIMD8<Double>(), s02 = SIMD8<Double>()
    var s10 = SIMD8<Double>(), s11 = SIMD8<Double>(), s12 = SIMD8<Double>()
    var s20 = SIMD8<Double>(), s21 = SIMD8<Double>(), s22 = SIMD8<Double>()
    var s30 = SIMD8<Double>(), s31 = SIMD8<Double>(), s32 = SIMD8<Double>()
    var r0 = SIMD8<Double>(), r1 = SIMD8<Double>(), r2 = SIMD8<Double>(), r3 = SIMD8<Double>()
    let summing = rowSums != nil
    let length = pieces.length
    let vectorEnd = length & ~7
    // The last vector starts at `length − 8`; its first `8 − length mod 8` lanes were counted.
    let counted = SIMD8<Double>(0, 1, 2, 3, 4, 5, 6, 7) .< SIMD8(repeating: Double(vectorEnd &+ 8 &- length))
    @inline(__always) func add(_ aPiece: UnsafePointer<Double>, _ bPiece: UnsafePointer<Double>, masked: Bool) {
      @inline(__always) func load(_ pointer: UnsafePointer<Double>) -> SIMD8<Double> {
        let vector = SIMD8<Double>.load(pointer)
        return masked ? vector.replacing(with: 0, where: counted) : vector
      }
      let x0 = load(bPiece), x1 = load(bPiece + b1), x2 = load(bPiece + b2)
      let y0 = load(aPiece)
      s00 = s00.adding(y0, times: x0)
      s01 = s01.adding(y0, times: x1)
      s02 = s02.adding(y0, times: x2)
      let y1 = load(aPiece + a1)
      s10 = s10.adding(y1, times: x0)
      s11 = s11.adding(y1, times: x1)
      s12 = s12.adding(y1, times: x2)
      let y2 = load(aPiece + a2)
      s20 = s20.adding(y2, times: x0)
      s21 = s21.adding(y2, times: x1)
      s22 = s22.adding(y2, times: x2)
      let y3 = load(aPiece + a3)
      s30 = s30.adding(y3, times: x0)
      s31 = s31.adding(y3, times: x1)
      s32 = s32.adding(y3, times: x2)
      if summing {
        r0 += y0
        r1 += y1
        r2 += y2
        r3 += y3
      }
    }
    var aPiece = a
    var bPiece = b
    for _ in 0..<pieces.count {
      var p = 0
      while p < vectorEnd {
        add(aPiece + p, bPiece + p, masked: false)
        p &+= 8
      }
      if vectorEnd < length { add(aPiece + (length &- 8), bPiece + (length &- 8), masked: true) }
      aPiece += pieces.aStride
      bPiece += pieces.bStride
    }
    let sums = ((s00, s01, s02), (s10, s11, s12), (s20, s21, s22), (s30, s31, s32))
    for i in 0..<rows {
      let rowSums3: (SIMD8<Double>, SIMD8<Double>, SIMD8<Double>)
      switch i {
      case 0: rowSums3 = sums.0
      case 1: rowSums3 = sums.1
      case 2: rowSums3 = sums.2
      default: rowSums3 = sums.3
      }
      for j in 0..<columns {
        let lanes: SIMD8<Double>
        switch j {
        case 0: lanes = rowSums3.0
        case 1: lanes = rowSums3.1
        default: lanes = rowSums3.2
        }
        c[i &* ldc &+ j] += lanes.sum()
      }
    }
    if let rowSums {
      let totals = (r0, r1, r2, r3)
      for i in 0..<rows {
        switch i {
        case 0: rowSums[0] += totals.0.sum()
        case 1: rowSums[1] += totals.1.sum()
        case 2: rowSums[2] += totals.2.sum()
        default: rowSums[3] += totals.3.sum()
        }
      }
    }
  }
}
