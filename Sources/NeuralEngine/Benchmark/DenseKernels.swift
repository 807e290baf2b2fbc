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

  /// `c[m×n] += a[m×k] · b[k×n]`, all row-major; `m` a multiple of 4, `n` a multiple of 16.
  ///
  /// Register-blocked: a tile of four rows of `c` stays in registers while the whole `k`
  /// dimension streams past (one broadcast of `a` times one row piece of `b` per row). The tile
  /// is 4×16 where the build targets AVX-512 (32 vector registers), 4×8 otherwise.
  @inline(__always)
  static func multiplyAdd(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
    rows m: Int, inner k: Int, columns n: Int
  ) {
    let bRaw = UnsafeRawPointer(b)
    let cRaw = UnsafeMutableRawPointer(c)
    let stride = MemoryLayout<Double>.stride
    var row = 0
    while row < m {
      let a0 = a + row &* k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k
      var column = 0
      while column < n {
        let offset0 = (row &* n &+ column) &* stride
        let offset1 = offset0 &+ n &* stride
        let offset2 = offset1 &+ n &* stride
        let offset3 = offset2 &+ n &* stride
        var c0 = cRaw.loadUnaligned(fromByteOffset: offset0, as: Vector.self)
        var c1 = cRaw.loadUnaligned(fromByteOffset: offset1, as: Vector.self)
        var c2 = cRaw.loadUnaligned(fromByteOffset: offset2, as: Vector.self)
        var c3 = cRaw.loadUnaligned(fromByteOffset: offset3, as: Vector.self)
        var inner = 0
        while inner < k {
          let vector = bRaw.loadUnaligned(
            fromByteOffset: (inner &* n &+ column) &* stride, as: Vector.self)
          c0 = multiplyAdd(c0, Vector(repeating: a0[inner]), vector)
          c1 = multiplyAdd(c1, Vector(repeating: a1[inner]), vector)
          c2 = multiplyAdd(c2, Vector(repeating: a2[inner]), vector)
          c3 = multiplyAdd(c3, Vector(repeating: a3[inner]), vector)
          inner &+= 1
        }
        cRaw.storeBytes(of: c0, toByteOffset: offset0, as: Vector.self)
        cRaw.storeBytes(of: c1, toByteOffset: offset1, as: Vector.self)
        cRaw.storeBytes(of: c2, toByteOffset: offset2, as: Vector.self)
        cRaw.storeBytes(of: c3, toByteOffset: offset3, as: Vector.self)
        column &+= Vector.scalarCount
      }
      row &+= 4
    }
  }

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
