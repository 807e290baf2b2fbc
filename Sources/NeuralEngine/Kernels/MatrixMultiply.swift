/// Row-major matrix products on raw pointers: the engine's only fast matrix arithmetic.
///
/// Every layer that multiplies matrices (dense, convolution, recurrent, LSTM, residual) calls
/// these three entry points; `Reference.multiply` beside them is the plain triple loop they are
/// tested against.
///
/// A matrix operand is a base pointer and two strides: element `(i, p)` of `A` is at
/// `a[i * rowStride + p * columnStride]`, so the same kernel reads `A` or `Aᵀ`. `B` and `C` are
/// row-major with a row stride (`ldb`, `ldc`) so a kernel can work on a block of a larger matrix.
enum MatrixMultiply {
  /// `C[m×n] = A·B` (or `C += A·B` when `accumulate`, or `C = r + A·B` for every row when an
  /// `initialRow` r of `n` values is given, e.g. a layer's biases), `A(i, p)` strided, `B[k×n]`
  /// rows contiguous.
  ///
  /// Register-blocked: a tile of C (up to 8 rows by one vector of columns) stays in registers
  /// while the `k` dimension streams past, one row piece of `B` times a broadcast of each tile
  /// row's `A` value. Columns left over by the widest vector fall to 8-, 4-, 2-wide and scalar
  /// tiles, rows left over to one-row tiles, so any shape works.
  @inline(__always)
  static func multiply(
    rows m: Int, columns n: Int, inner k: Int,
    a: UnsafePointer<Double>, aRowStride: Int, aColumnStride: Int,
    b: UnsafePointer<Double>, ldb: Int,
    c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool, initialRow: UnsafePointer<Double>? = nil
  ) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      for i in 0..<m {
        if let initialRow {
          (c + i &* ldc).update(from: initialRow, count: n)
        } else if !accumulate {
          (c + i &* ldc).update(repeating: 0, count: n)
        }
      }
      return
    }
    let a = StridedMatrix(base: a, rowStride: aRowStride, columnStride: aColumnStride)
    let start = StartingValues(accumulate: accumulate, row: initialRow)
    var row = 0
    #if DESCENT_AVX512
      while row &+ 8 <= m {
        columns(rowTile: Tile8.self, row: row, n: n, k: k, a: a, b: b, ldb: ldb, c: c, ldc: ldc, start: start)
        row &+= 8
      }
    #endif
    while row &+ 4 <= m {
      columns(rowTile: Tile4.self, row: row, n: n, k: k, a: a, b: b, ldb: ldb, c: c, ldc: ldc, start: start)
      row &+= 4
    }
    while row < m {
      columns(rowTile: Tile1.self, row: row, n: n, k: k, a: a, b: b, ldb: ldb, c: c, ldc: ldc, start: start)
      row &+= 1
    }
  }

  /// `C[m×n] = A·Bᵀ` (or `+=`), `A(i, p)` strided, `B[n×k]` rows contiguous (so `Bᵀ` is `k×n`).
  ///
  /// When enough rows of `A` share it, `B` is transposed once into `scratch` (`k·n` values) and
  /// the register-blocked product runs; otherwise (few rows, long rows) each entry is a
  /// vectorised dot product, which needs `A`'s rows contiguous.
  @inline(__always)
  static func multiplyTransposed(
    rows m: Int, columns n: Int, inner k: Int,
    a: UnsafePointer<Double>, aRowStride: Int, aColumnStride: Int,
    b: UnsafePointer<Double>, ldb: Int,
    c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool, initialRow: UnsafePointer<Double>? = nil,
    scratch: UnsafeMutablePointer<Double>
  ) {
    guard m > 0, n > 0 else { return }
    if aColumnStride == 1, m < transposeRowThreshold, k >= 16 {
      // Few rows share B, and rows are long: dot products, C's entries start where asked.
      for i in 0..<m {
        let row = c + i &* ldc
        if let initialRow {
          row.update(from: initialRow, count: n)
        } else if !accumulate {
          row.update(repeating: 0, count: n)
        }
      }
      RowDotProducts.accumulate(rows: m, columns: n, inner: k, a: a, lda: aRowStride, b: b, ldb: ldb, c: c, ldc: ldc)
      return
    }
    transpose(b, rows: n, columns: k, sourceStride: ldb, into: scratch, destinationStride: n)
    multiply(
      rows: m, columns: n, inner: k, a: a, aRowStride: aRowStride, aColumnStride: aColumnStride,
      b: scratch, ldb: n, c: c, ldc: ldc, accumulate: accumulate, initialRow: initialRow)
  }

  /// Rows of `A` from which transposing `B` pays for itself.
  static let transposeRowThreshold = 8

  /// `destination[j][i] = source[i][j]` for a `rows × columns` block, in 8×8 blocks: whole
  /// blocks in vector registers (`transposeBlock`), the edges number by number.
  @inline(__always)
  static func transpose(
    _ source: UnsafePointer<Double>, rows: Int, columns: Int, sourceStride: Int,
    into destination: UnsafeMutablePointer<Double>, destinationStride: Int
  ) {
    var rowBlock = 0
    while rowBlock < rows {
      let rowEnd = Swift.min(rowBlock &+ 8, rows)
      var columnBlock = 0
      while columnBlock < columns {
        let columnEnd = Swift.min(columnBlock &+ 8, columns)
        if rowEnd &- rowBlock == 8, columnEnd &- columnBlock == 8 {
          transposeBlock(
            source + (rowBlock &* sourceStride &+ columnBlock), sourceStride: sourceStride,
            into: destination + (columnBlock &* destinationStride &+ rowBlock), destinationStride: destinationStride)
        } else if columnEnd &- columnBlock < rowEnd &- rowBlock {
          // Taller than wide (all of a first layer's `W` with two inputs): whole runs of a
          // destination row; number by number across them cost about eight cycles each.
          for column in columnBlock..<columnEnd {
            let destinationRow = destination + column &* destinationStride
            for row in rowBlock..<rowEnd { destinationRow[row] = source[row &* sourceStride &+ column] }
          }
        } else {
          for row in rowBlock..<rowEnd {
            let sourceRow = source + row &* sourceStride
            for column in columnBlock..<columnEnd {
              destination[column &* destinationStride &+ row] = sourceRow[column]
            }
          }
        }
        columnBlock &+= 8
      }
      rowBlock &+= 8
    }
  }

  /// Transposes one 8×8 block held as eight row vectors. Number `(r, c)` sits at index bits
  /// `r₂r₁r₀ | c₂c₁c₀`; one round, which makes row `i` the even numbers of rows `2i` and `2i + 1`
  /// and row `4 + i` their odd ones, moves it to `c₀r₂r₁ | r₀c₂c₁`: a rotation of the six bits by
  /// one. Three rounds rotate by three, which swaps row and column.
  @inline(__always)
  private static func transposeBlock(
    _ source: UnsafePointer<Double>, sourceStride: Int, into destination: UnsafeMutablePointer<Double>,
    destinationStride: Int
  ) {
    typealias V = SIMD8<Double>
    var r = (
      V.load(source), V.load(source + sourceStride), V.load(source + 2 &* sourceStride),
      V.load(source + 3 &* sourceStride), V.load(source + 4 &* sourceStride), V.load(source + 5 &* sourceStride),
      V.load(source + 6 &* sourceStride), V.load(source + 7 &* sourceStride)
    )
    for _ in 0..<3 {
      r = (
        V(lowHalf: r.0.evenHalf, highHalf: r.1.evenHalf), V(lowHalf: r.2.evenHalf, highHalf: r.3.evenHalf),
        V(lowHalf: r.4.evenHalf, highHalf: r.5.evenHalf), V(lowHalf: r.6.evenHalf, highHalf: r.7.evenHalf),
        V(lowHalf: r.0.oddHalf, highHalf: r.1.oddHalf), V(lowHalf: r.2.oddHalf, highHalf: r.3.oddHalf),
        V(lowHalf: r.4.oddHalf, highHalf: r.5.oddHalf), V(lowHalf: r.6.oddHalf, highHalf: r.7.oddHalf)
      )
    }
    r.0.store(to: destination)
    r.1.store(to: destination + destinationStride)
    r.2.store(to: destination + 2 &* destinationStride)
    r.3.store(to: destination + 3 &* destinationStride)
    r.4.store(to: destination + 4 &* destinationStride)
    r.5.store(to: destination + 5 &* destinationStride)
    r.6.store(to: destination + 6 &* destinationStride)
    r.7.store(to: destination + 7 &* destinationStride)
  }

  // MARK: - Tiles

  /// What a tile's sums start from: the current C, a shared row (biases), or zero.
  private struct StartingValues {
    let accumulate: Bool
    let row: UnsafePointer<Double>?

    @inline(__always)
    func load<L: Lanes>(_ lanes: L.Type, c: UnsafeMutablePointer<Double>, column: Int) -> L {
      if let row { return L.load(row + column) }
      return accumulate ? L.load(UnsafePointer(c)) : L.zero
    }
  }

  private struct StridedMatrix {
    let base: UnsafePointer<Double>
    let rowStride: Int
    let columnStride: Int
    @inline(__always) func row(_ i: Int) -> UnsafePointer<Double> { base + i &* rowStride }
  }

  /// Runs one block of rows across all columns, widest vectors first.
  @inline(__always)
  private static func columns<T: RowTile>(
    rowTile: T.Type, row: Int, n: Int, k: Int, a: StridedMatrix, b: UnsafePointer<Double>,
    ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int, start: StartingValues
  ) {
    var column = 0
    #if DESCENT_AVX512
      while column &+ 16 <= n {
        T.run(SIMD16<Double>.self, row: row, column: column, k: k, a: a, b: b, ldb: ldb, c: c, ldc: ldc, start: start)
        column &+= 16
      }
    #endif
    while column &+ 8 <= n {
      T.run(SIMD8<Double>.self, row: row, column: column, k: k, a: a, b: b, ldb: ldb, c: c, ldc: ldc, start: start)
      column &+= 8
    }
    if column &+ 4 <= n {
      T.run(SIMD4<Double>.self, row: row, column: column, k: k, a: a, b: b, ldb: ldb, c: c, ldc: ldc, start: start)
      column &+= 4
    }
    if column &+ 2 <= n {
      T.run(SIMD2<Double>.self, row: row, column: column, k: k, a: a, b: b, ldb: ldb, c: c, ldc: ldc, start: start)
      column &+= 2
    }
    if column < n {
      T.run(Double.self, row: row, column: column, k: k, a: a, b: b, ldb: ldb, c: c, ldc: ldc, start: start)
    }
  }

  private protocol RowTile {
    static func run<L: Lanes>(
      _ lanes: L.Type, row: Int, column: Int, k: Int, a: StridedMatrix, b: UnsafePointer<Double>,
      ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int, start: StartingValues)
  }

  /// One row of C by one vector of columns.
  private enum Tile1: RowTile {
    @inline(__always)
    static func run<L: Lanes>(
      _ lanes: L.Type, row: Int, column: Int, k: Int, a: StridedMatrix, b: UnsafePointer<Double>,
      ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int, start: StartingValues
    ) {
      let out = c + (row &* ldc &+ column)
      var sum0 = start.load(L.self, c: out, column: column)
      let a0 = a.row(row)
      var bRow = b + column
      var p = 0
      while p < k {
        let piece = L.load(bRow)
        sum0 = sum0.adding(L(broadcast: a0[p &* a.columnStride]), times: piece)
        bRow += ldb
        p &+= 1
      }
      sum0.store(to: out)
    }
  }

  /// Four rows of C by one vector of columns.
  private enum Tile4: RowTile {
    @inline(__always)
    static func run<L: Lanes>(
      _ lanes: L.Type, row: Int, column: Int, k: Int, a: StridedMatrix, b: UnsafePointer<Double>,
      ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int, start: StartingValues
    ) {
      let out = c + (row &* ldc &+ column)
      var sum0 = start.load(L.self, c: out, column: column)
      var sum1 = start.load(L.self, c: out + ldc, column: column)
      var sum2 = start.load(L.self, c: out + 2 &* ldc, column: column)
      var sum3 = start.load(L.self, c: out + 3 &* ldc, column: column)
      let a0 = a.row(row)
      let a1 = a.row(row &+ 1)
      let a2 = a.row(row &+ 2)
      let a3 = a.row(row &+ 3)
      let step = a.columnStride
      var bRow = b + column
      var offset = 0
      var p = 0
      while p < k {
        let piece = L.load(bRow)
        sum0 = sum0.adding(L(broadcast: a0[offset]), times: piece)
        sum1 = sum1.adding(L(broadcast: a1[offset]), times: piece)
        sum2 = sum2.adding(L(broadcast: a2[offset]), times: piece)
        sum3 = sum3.adding(L(broadcast: a3[offset]), times: piece)
        bRow += ldb
        offset &+= step
        p &+= 1
      }
      sum0.store(to: out)
      sum1.store(to: out + ldc)
      sum2.store(to: out + 2 &* ldc)
      sum3.store(to: out + 3 &* ldc)
    }
  }

  #if DESCENT_AVX512
    /// Eight rows of C by one vector of columns (16 of the 32 AVX-512 registers at 16 lanes).
    private enum Tile8: RowTile {
      @inline(__always)
      static func run<L: Lanes>(
        _ lanes: L.Type, row: Int, column: Int, k: Int, a: StridedMatrix, b: UnsafePointer<Double>,
        ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int, start: StartingValues
      ) {
        let out = c + (row &* ldc &+ column)
        @inline(__always) func initial(_ r: Int) -> L { start.load(L.self, c: out + r &* ldc, column: column) }
        var sum0 = initial(0), sum1 = initial(1), sum2 = initial(2), sum3 = initial(3)
        var sum4 = initial(4), sum5 = initial(5), sum6 = initial(6), sum7 = initial(7)
        let a0 = a.row(row), a1 = a.row(row &+ 1), a2 = a.row(row &+ 2), a3 = a.row(row &+ 3)
        let a4 = a.row(row &+ 4), a5 = a.row(row &+ 5), a6 = a.row(row &+ 6), a7 = a.row(row &+ 7)
        let step = a.columnStride
        var bRow = b + column
        var offset = 0
        var p = 0
        while p < k {
          let piece = L.load(bRow)
          sum0 = sum0.adding(L(broadcast: a0[offset]), times: piece)
          sum1 = sum1.adding(L(broadcast: a1[offset]), times: piece)
          sum2 = sum2.adding(L(broadcast: a2[offset]), times: piece)
          sum3 = sum3.adding(L(broadcast: a3[offset]), times: piece)
          sum4 = sum4.adding(L(broadcast: a4[offset]), times: piece)
          sum5 = sum5.adding(L(broadcast: a5[offset]), times: piece)
          sum6 = sum6.adding(L(broadcast: a6[offset]), times: piece)
          sum7 = sum7.adding(L(broadcast: a7[offset]), times: piece)
          bRow += ldb
          offset &+= step
          p &+= 1
        }
        sum0.store(to: out)
        sum1.store(to: out + ldc)
        sum2.store(to: out + 2 &* ldc)
        sum3.store(to: out + 3 &* ldc)
        sum4.store(to: out + 4 &* ldc)
        sum5.store(to: out + 5 &* ldc)
        sum6.store(to: out + 6 &* ldc)
        sum7.store(to: out + 7 &* ldc)
      }
    }
  #endif

}

// MARK: - Lanes

/// A register's worth of doubles the kernels compute with: a scalar or a SIMD vector.
protocol Lanes {
  static var zero: Self { get }
  init(broadcast value: Double)
  static func load(_ pointer: UnsafePointer<Double>) -> Self
  func store(to pointer: UnsafeMutablePointer<Double>)
  /// `self + x·y`, fused into one rounding where the build targets a CPU with FMA.
  func adding(_ x: Self, times y: Self) -> Self
}

extension Double: Lanes {
  @inline(__always) static var zero: Double { 0 }
  @inline(__always) init(broadcast value: Double) { self = value }
  @inline(__always) static func load(_ pointer: UnsafePointer<Double>) -> Double { pointer.pointee }
  @inline(__always) func store(to pointer: UnsafeMutablePointer<Double>) { pointer.pointee = self }
  @inline(__always) func adding(_ x: Double, times y: Double) -> Double {
    #if DESCENT_FMA
      addingProduct(x, y)
    #else
      self + x * y
    #endif
  }
}

extension Lanes where Self: SIMD, Self.Scalar == Double {
  @inline(__always) static var zero: Self { Self() }
  @inline(__always) init(broadcast value: Double) { self.init(repeating: value) }
  @inline(__always) static func load(_ pointer: UnsafePointer<Double>) -> Self {
    UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
  }
  @inline(__always) func store(to pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Self.self)
  }
  @inline(__always) func adding(_ x: Self, times y: Self) -> Self {
    #if DESCENT_FMA
      addingProduct(x, y)
    #else
      self + x * y
    #endif
  }
}

extension SIMD2: Lanes where Scalar == Double {}
extension SIMD4: Lanes where Scalar == Double {}
extension SIMD8: Lanes where Scalar == Double {}
extension SIMD16: Lanes where Scalar == Double {}

// MARK: - Reference

extension MatrixMultiply {
  /// The plain triple loop the fast kernels are tested against (and lessons may show).
  enum Reference {
    /// `C = A·B` (or `+=`), same operand conventions as `MatrixMultiply.multiply`.
    static func multiply(
      rows m: Int, columns n: Int, inner k: Int,
      a: UnsafePointer<Double>, aRowStride: Int, aColumnStride: Int,
      b: UnsafePointer<Double>, ldb: Int,
      c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool
    ) {
      for i in 0..<m {
        for j in 0..<n {
          var sum = accumulate ? c[i * ldc + j] : 0
          for p in 0..<k { sum += a[i * aRowStride + p * aColumnStride] * b[p * ldb + j] }
          c[i * ldc + j] = sum
        }
      }
    }
  }
}
