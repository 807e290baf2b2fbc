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
  /// registers while the whole `k` dimension streams past: per step, one row piece of `b` times
  /// a broadcast of each tile row's `a` value. The tile is 8×16 with AVX-512 (16 of its 32
  /// vector registers), 4×8 otherwise (8 of 16).
  @inline(__always)
  static func multiply(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
    rows m: Int, inner k: Int, columns n: Int, accumulate: Bool
  ) {
    let bRaw = UnsafeRawPointer(b)
    let cRaw = UnsafeMutableRawPointer(c)
    let rowBytes = n &* MemoryLayout<Double>.stride
    var row = 0
    while row < m {
      let a0 = a + row &* k
      let a1 = a0 + k
      let a2 = a1 + k
      let a3 = a2 + k
      #if DESCENT_AVX512
        let a4 = a3 + k
        let a5 = a4 + k
        let a6 = a5 + k
        let a7 = a6 + k
      #endif
      var column = 0
      while column < n {
        let offset = row &* rowBytes &+ column &* MemoryLayout<Double>.stride
        @inline(__always) func initial(_ tileRow: Int) -> Vector {
          guard accumulate else { return Vector() }
          return cRaw.loadUnaligned(
            fromByteOffset: offset &+ tileRow &* rowBytes, as: Vector.self)
        }
        var c0 = initial(0)
        var c1 = initial(1)
        var c2 = initial(2)
        var c3 = initial(3)
        #if DESCENT_AVX512
          var c4 = initial(4)
          var c5 = initial(5)
          var c6 = initial(6)
          var c7 = initial(7)
        #endif
        var inner = 0
        var bOffset = column &* MemoryLayout<Double>.stride
        while inner < k {
          let piece = bRaw.loadUnaligned(fromByteOffset: bOffset, as: Vector.self)
          c0 = multiplyAdd(c0, Vector(repeating: a0[inner]), piece)
          c1 = multiplyAdd(c1, Vector(repeating: a1[inner]), piece)
          c2 = multiplyAdd(c2, Vector(repeating: a2[inner]), piece)
          c3 = multiplyAdd(c3, Vector(repeating: a3[inner]), piece)
          #if DESCENT_AVX512
            c4 = multiplyAdd(c4, Vector(repeating: a4[inner]), piece)
            c5 = multiplyAdd(c5, Vector(repeating: a5[inner]), piece)
            c6 = multiplyAdd(c6, Vector(repeating: a6[inner]), piece)
            c7 = multiplyAdd(c7, Vector(repeating: a7[inner]), piece)
          #endif
          inner &+= 1
          bOffset &+= rowBytes
        }
        @inline(__always) func store(_ sums: Vector, _ tileRow: Int) {
          cRaw.storeBytes(of: sums, toByteOffset: offset &+ tileRow &* rowBytes, as: Vector.self)
        }
        store(c0, 0)
        store(c1, 1)
        store(c2, 2)
        store(c3, 3)
        #if DESCENT_AVX512
          store(c4, 4)
          store(c5, 5)
          store(c6, 6)
          store(c7, 7)
        #endif
        column &+= Vector.scalarCount
      }
      row &+= tileRows
    }
  }

  #if DESCENT_AVX512
    /// Rows of `c` per register tile.
    static let tileRows = 8
  #else
    /// Rows of `c` per register tile.
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
