/// Small dense-matrix kernels for the benchmark networks: row-major `Double` matrices behind
/// unsafe pointers, eight columns per SIMD vector, no allocation.
enum DenseKernels {
  typealias Lanes = SIMD8<Double>
  #if DESCENT_AVX512
    /// One row piece of a matrix tile: 16 doubles (two 512-bit registers).
    typealias Vector = SIMD16<Double>
  #else
    /// One row piece of a matrix tile: 8 doubles.
    typealias Vector = SIMD8<Double>
  #endif

  /// `c[m×n] = a[m×k] · b[k×n]` (or `+=` when `accumulate`), all row-major; `m` a multiple of
  /// `tileRows`, `n` a multiple of `Vector.scalarCount`.
  ///
  /// Register-blocked: a tile of `tileRows` rows of `c` by one `Vector` of columns stays in
  /// registers while the whole `k` dimension streams past (one broadcast of `a` times one row
  /// piece of `b` per row and step). The tile is 8×16 where the build targets AVX-512 (32
  /// vector registers), 4×8 otherwise (16 registers).
  @inline(__always)
  static func multiply(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
    rows m: Int, inner k: Int, columns n: Int, accumulate: Bool
  ) {
    let bRaw = UnsafeRawPointer(b)
    let cRaw = UnsafeMutableRawPointer(c)
    let stride = MemoryLayout<Double>.stride
    var row = 0
    while row < m {
      var column = 0
      while column < n {
        var sums = Tile()
        if accumulate {
          for tileRow in 0..<tileRows {
            sums[tileRow] = cRaw.loadUnaligned(
              fromByteOffset: ((row &+ tileRow) &* n &+ column) &* stride, as: Vector.self)
          }
        }
        var inner = 0
        while inner < k {
          let vector = bRaw.loadUnaligned(
            fromByteOffset: (inner &* n &+ column) &* stride, as: Vector.self)
          for tileRow in 0..<tileRows {
            sums[tileRow] = multiplyAdd(
              sums[tileRow], Vector(repeating: a[(row &+ tileRow) &* k &+ inner]), vector)
          }
          inner &+= 1
        }
        for tileRow in 0..<tileRows {
          cRaw.storeBytes(
            of: sums[tileRow], toByteOffset: ((row &+ tileRow) &* n &+ column) &* stride,
            as: Vector.self)
        }
        column &+= Vector.scalarCount
      }
      row &+= tileRows
    }
  }

  /// The accumulators of one tile, one `Vector` per row.
  private struct Tile {
    #if DESCENT_AVX512
      var rows = (Vector(), Vector(), Vector(), Vector(), Vector(), Vector(), Vector(), Vector())
    #else
      var rows = (Vector(), Vector(), Vector(), Vector())
    #endif

    @inline(__always)
    subscript(index: Int) -> Vector {
      get {
        withUnsafeBytes(of: rows) {
          $0.load(fromByteOffset: index &* MemoryLayout<Vector>.stride, as: Vector.self)
        }
      }
      set {
        withUnsafeMutableBytes(of: &rows) {
          $0.storeBytes(
            of: newValue, toByteOffset: index &* MemoryLayout<Vector>.stride, as: Vector.self)
        }
      }
    }
  }

  #if DESCENT_AVX512
    /// Rows of `c` per register tile.
    static let tileRows = 8
  #else
    static let tileRows = 4
  #endif

  /// `sum + x·y`, fused into one rounding where the build targets a CPU with FMA.
  @inline(__always)
  static func multiplyAdd<Vector: SIMD>(_ sum: Vector, _ x: Vector, _ y: Vector) -> Vector
  where Vector.Scalar: FloatingPoint {
    #if DESCENT_FMA
      sum.addingProduct(x, y)
    #else
      sum + x * y
    #endif
  }

  /// `destination[j][i] = source[i][j]` for a `rows × columns` row-major `source`.
  @inline(__always)
  static func transpose(
    _ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>,
    rows: Int, columns: Int
  ) {
    for row in 0..<rows {
      for column in 0..<columns {
        destination[column &* rows &+ row] = source[row &* columns &+ column]
      }
    }
  }

  /// Loads eight numbers starting at `pointer`.
  @inline(__always)
  static func load(_ pointer: UnsafePointer<Double>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
  }

  /// Stores eight numbers starting at `pointer`.
  @inline(__always)
  static func store(_ value: Lanes, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
  }
}
