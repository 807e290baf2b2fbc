import Foundation

/// Vectorised `tanh`, `exp` and the logistic sigmoid, eight lanes at a time: what activation
/// layers and the LSTM's gates spend their time in.
///
/// The formulation builds on Cephes `exp.c`, evaluated branch-free so it runs in SIMD lanes:
///
/// - `e^x = 2ⁿ · (q + p)/(q − p)`: Cody–Waite reduction `x = n·ln 2 + r`, `|r| ≤ ln 2 / 2`, and a
///   (2,3) rational in `r²` (`p` odd in `r`, `q` even);
/// - `tanh` takes that of `2|x|` and one division per lane: `(e^{2|x|} − 1)/(e^{2|x|} + 1)`, with
///   the numerator written so it never cancels, below `|x|` = 0.55, and `1 − 2/(e^{2|x|} + 1)` from
///   there (details in `tanh`). One formula for every argument costs about two thirds of the
///   classic pair (Cephes `tanh.c`'s own rational for small arguments beside the exponential
///   one), whose lanes had to evaluate both;
/// - the magnitude is clamped to 20 (`tanh` rounds to exactly 1 beyond 19.06), so `±inf` gives
///   `±1`; the sign is copied back bit for bit, so `tanh(−0) = −0` and `tanh(−x) = −tanh(x)`;
/// - `sigmoid(x) = 1 / (1 + e^{−|x|})`, mirrored for negative `x` as `e^{−|x|} / (1 + e^{−|x|})`,
///   so no lane overflows.
///
/// Accuracy: `tanh` is within `maximumErrorInUnits` = 3 units in the last place (ulp) of the
/// exact value (against 80-bit `tanh` in `VectorMathTests`; against 120-bit mpmath at 70,000
/// points, 85 % are exact, 99 % within 1 ulp, the worst 3 ulp near 0.55); `exp` and `sigmoid`
/// within a few ulp of Foundation's. Polynomials use fused multiply-adds where the build targets
/// a CPU with them (`fused`), so a host build and a portable one may differ in the last bit;
/// each is deterministic.
///
/// Everything here is written on the concrete `SIMD8<Double>` with this file's own eight-lane
/// helpers (at the end), not the generic `Lanes` ones of the matrix kernels: debug builds compile
/// file by file, and a generic helper from another file is then called unspecialised, lane by lane.
enum VectorMath {
  private typealias V = SIMD8<Double>

  /// The documented error bound in units in the last place (ulp) of the exact result.
  static let maximumErrorInUnits = 3.0

  // MARK: - Cephes exp.c

  private static let expP0 = 1.26177193074810590878e-4
  private static let expP1 = 3.02994407707441961300e-2
  private static let expP2 = 9.99999999999999999910e-1
  private static let expQ0 = 3.00198505138664455042e-6
  private static let expQ1 = 2.52448340349684104192e-3
  private static let expQ2 = 2.27265548208155028766e-1
  private static let expQ3 = 2.00000000000000000009e0
  private static let ln2High = 6.93145751953125e-1
  private static let ln2Low = 1.42860682030941723212e-6
  private static let log2e = 1.4426950408889634073599
  /// 1.5 · 2⁵²: adding it rounds to an integer kept in the low mantissa bits.
  private static let roundingShift = 0x1.8p52

  /// `tanh` of eight lanes at once. (`@inline(always)`: a hint is not enough, and the function
  /// out of line runs at half speed.)
  @inline(always)
  static func tanh(_ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias Bits = SIMD8<UInt64>
    let signBit = Bits(repeating: 0x8000_0000_0000_0000)
    let bits = unsafeBitCast(x, to: Bits.self)
    let sign = bits & signBit
    let magnitude = unsafeBitCast(bits & ~signBit, to: SIMD8<Double>.self)
    // With e^{2|x|} = 2ⁿ · (q + p) / (q − p) (`exponentialParts`), one division serves both forms:
    // - |x| < 0.55: tanh(|x|) = (e^{2|x|} − 1) / (e^{2|x|} + 1)
    //             = ((2ⁿ − 1)·q + (2ⁿ + 1)·p) / ((2ⁿ + 1)·q + (2ⁿ − 1)·p),
    //   whose numerator is exactly 2p for n = 0 (p ≈ |x|) and one rounding of q + 3p for n = 1,
    //   so small arguments keep their relative accuracy;
    // - otherwise tanh(|x|) = 1 − 2(q − p) / (same denominator), where the quotient's error
    //   shrinks against the 1 (tanh ≥ 0.5 there).
    let twice = (magnitude + magnitude).replacing(with: 40, where: .!(magnitude .< 20))
    let (power, p, q) = exponentialParts(twice)
    let below = power - 1
    let above = power + 1
    let large = .!(magnitude .< 0.55)
    let numerator = (below * q).fused(above, p).replacing(with: 2 * (q - p), where: large)
    let ratio = numerator / (below * p).fused(above, q)
    let result = ratio.replacing(with: 1 - ratio, where: large)
    let signed = unsafeBitCast(result, to: Bits.self) | sign
    // NaN stays NaN.
    return unsafeBitCast(signed, to: SIMD8<Double>.self).replacing(with: x, where: x .!= x)
  }

  /// `tanh` of one number through the vector path (for tests and odd lanes).
  static func tanh(_ x: Double) -> Double {
    tanh(SIMD8<Double>(repeating: x))[0]
  }

  // MARK: - exp and sigmoid

  /// The pieces of `e^x = 2ⁿ · (q + p) / (q − p)` for `x` in [−708.39, 709.78]: Cody–Waite
  /// reduction `x = n·ln 2 + r`, `|r| ≤ ln 2 / 2`, Cephes' (2,3) rational in `r²`.
  @inline(always)
  private static func exponentialParts(_ x: SIMD8<Double>) -> (power: SIMD8<Double>, p: SIMD8<Double>, q: SIMD8<Double>) {
    typealias Bits = SIMD8<UInt64>
    let shifted = V(repeating: roundingShift).fused(x, V(repeating: log2e))
    let n = shifted - roundingShift
    let r = (x - n * ln2High) - n * ln2Low
    let rr = r * r
    let p = r * V(repeating: expP2).fused(V(repeating: expP1).fused(V(repeating: expP0), rr), rr)
    let q = V(repeating: expQ3).fused(V(repeating: expQ2).fused(V(repeating: expQ1).fused(V(repeating: expQ0), rr), rr), rr)
    let shiftBits = unsafeBitCast(SIMD8<Double>(repeating: roundingShift), to: Bits.self)
    let exponent = unsafeBitCast(shifted, to: Bits.self) &- shiftBits
    let power = unsafeBitCast((exponent &+ 1023) &<< 52, to: SIMD8<Double>.self)
    return (power, p, q)
  }

  /// `e^x` of eight lanes: exact 0 below −745.2, `+inf` above 709.8, NaN stays NaN.
  @inline(always)
  static func exp(_ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias Bits = SIMD8<UInt64>
    // Clamp (NaN lanes are restored at the end).
    let low = SIMD8<Double>(repeating: -708.39)
    let high = SIMD8<Double>(repeating: 709.78)
    let clamped = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
    let (power, p, q) = exponentialParts(clamped)
    // e^r = (q + p) / (q − p).
    let result = power * ((q + p) / (q - p))
    return result
      .replacing(with: 0, where: x .< -745.2)
      .replacing(with: .infinity, where: x .> 709.78)
      .replacing(with: x, where: x .!= x)
  }

  /// The logistic function `1 / (1 + e^{−x})` of eight lanes, without overflow for any `x`.
  ///
  /// With `e^{−|x|} = 2ⁿ(q + p)/(q − p)` (see `exponentialParts`), `1/(1 + e^{−|x|})` is
  /// `(q − p) / ((q − p) + 2ⁿ(q + p))` and `e^{−|x|}/(1 + e^{−|x|})` has `2ⁿ(q + p)` on top: one
  /// division per lane, the branch by the sign of `x` picking the numerator.
  @inline(always)
  static func sigmoid(_ x: SIMD8<Double>) -> SIMD8<Double> {
    let magnitude = unsafeBitCast(
      unsafeBitCast(x, to: SIMD8<UInt64>.self) & SIMD8(repeating: 0x7FFF_FFFF_FFFF_FFFF), to: SIMD8<Double>.self)
    // e^{−|x|} underflows to 0 beyond 745; clamping keeps 2ⁿ a normal number (σ is then 0 or 1
    // to the last bit anyway).
    let negative = (-magnitude).replacing(with: -708.39, where: magnitude .> 708.39)
    let (power, p, q) = exponentialParts(negative)
    let below = q - p
    let above = power * (q + p)
    let denominator = below + above
    let result = below.replacing(with: above, where: x .< 0) / denominator
    return result
      .replacing(with: 0, where: x .< -745.2)
      .replacing(with: x, where: x .!= x)
  }

  /// `e^x` of one number through the vector path.
  static func exp(_ x: Double) -> Double { exp(SIMD8<Double>(repeating: x))[0] }

  /// `sigmoid(x)` of one number through the vector path.
  static func sigmoid(_ x: Double) -> Double { sigmoid(SIMD8<Double>(repeating: x))[0] }

  // MARK: - Over a buffer

  /// Writes `tanh` of `count` numbers at `source` into `destination` (which may be `source`).
  @inline(__always)
  static func applyTanh(_ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>, count: Int) {
    apply(Tanh.self, source, into: destination, count: count)
  }

  /// Writes the logistic sigmoid of `count` numbers at `source` into `destination`.
  @inline(__always)
  static func applySigmoid(_ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>, count: Int) {
    apply(Sigmoid.self, source, into: destination, count: count)
  }

  /// Writes `e^x` of `count` numbers at `source` into `destination`.
  @inline(__always)
  static func applyExp(_ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>, count: Int) {
    apply(Exp.self, source, into: destination, count: count)
  }

  /// Replaces `count` numbers at `values` by `tanh`.
  @inline(__always)
  static func applyTanh(_ values: UnsafeMutablePointer<Double>, count: Int) {
    applyTanh(values, into: values, count: count)
  }

  /// Replaces `count` numbers at `values` by the logistic sigmoid.
  @inline(__always)
  static func applySigmoid(_ values: UnsafeMutablePointer<Double>, count: Int) {
    applySigmoid(values, into: values, count: count)
  }

  /// Replaces `count` numbers at `values` by `e^x`.
  @inline(__always)
  static func applyExp(_ values: UnsafeMutablePointer<Double>, count: Int) {
    applyExp(values, into: values, count: count)
  }

  // MARK: - Column sums (bias gradients)

  /// `sums[j] += Σ_i matrix[i][j]`, the rows added in order: eight vectors of columns at a time
  /// (independent sums, so the additions overlap), then one, then single columns.
  @inline(__always)
  static func addColumnSums(
    of matrix: UnsafePointer<Double>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Double>
  ) {
    var column = 0
    while column &+ 64 <= columns {
      let out = sums + column
      var s0 = V.unaligned(out), s1 = V.unaligned(out + 8), s2 = V.unaligned(out + 16), s3 = V.unaligned(out + 24)
      var s4 = V.unaligned(out + 32), s5 = V.unaligned(out + 40), s6 = V.unaligned(out + 48), s7 = V.unaligned(out + 56)
      var row = matrix + column
      for _ in 0..<rows {
        s0 += V.unaligned(row)
        s1 += V.unaligned(row + 8)
        s2 += V.unaligned(row + 16)
        s3 += V.unaligned(row + 24)
        s4 += V.unaligned(row + 32)
        s5 += V.unaligned(row + 40)
        s6 += V.unaligned(row + 48)
        s7 += V.unaligned(row + 56)
        row += columns
      }
      s0.storeUnaligned(out)
      s1.storeUnaligned(out + 8)
      s2.storeUnaligned(out + 16)
      s3.storeUnaligned(out + 24)
      s4.storeUnaligned(out + 32)
      s5.storeUnaligned(out + 40)
      s6.storeUnaligned(out + 48)
      s7.storeUnaligned(out + 56)
      column &+= 64
    }
    while column &+ 8 <= columns {
      var total = V.unaligned(sums + column)
      var row = matrix + column
      for _ in 0..<rows {
        total += V.unaligned(row)
        row += columns
      }
      total.storeUnaligned(sums + column)
      column &+= 8
    }
    while column < columns {
      var total = sums[column]
      for row in 0..<rows { total += matrix[row &* columns &+ column] }
      sums[column] = total
      column &+= 1
    }
  }

  // MARK: - Rectifiers (ReLU, leaky ReLU)

  /// Writes `x > 0 ? x : slope·x` of `count` numbers at `source` into `destination` (which may be
  /// `source`), with a slope of 0 giving exactly +0 (ReLU: never −0, NaN gives 0), as the scalar
  /// comparison does. Eight lanes at a time.
  @inline(__always)
  static func applyRectifier(
    _ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>, count: Int, slope: Double
  ) {
    let slopes = V(repeating: slope)
    let rectified = slope == 0
    var index = 0
    while index &+ 8 <= count {
      let x = V.unaligned(source + index)
      x.replacing(with: rectified ? V() : x * slopes, where: .!(x .> 0)).storeUnaligned(destination + index)
      index &+= 8
    }
    while index < count {
      let x = source[index]
      destination[index] = x > 0 ? x : rectified ? 0 : x * slope
      index &+= 1
    }
  }

  /// `dz = z > 0 ? da : slope·da` for `count` numbers (`dz` may be `da`), exactly 0 where the
  /// slope is 0. Eight lanes at a time.
  @inline(__always)
  static func rectifierGradient(
    _ da: UnsafePointer<Double>, preActivations z: UnsafePointer<Double>, into dz: UnsafeMutablePointer<Double>,
    count: Int, slope: Double
  ) {
    let slopes = V(repeating: slope)
    let rectified = slope == 0
    var index = 0
    while index &+ 8 <= count {
      let gradient = V.unaligned(da + index)
      gradient.replacing(with: rectified ? V() : gradient * slopes, where: .!(V.unaligned(z + index) .> 0))
        .storeUnaligned(dz + index)
      index &+= 8
    }
    while index < count {
      dz[index] = z[index] > 0 ? da[index] : rectified ? 0 : da[index] * slope
      index &+= 1
    }
  }

  /// A function of eight lanes, as a type so `apply` is specialised for it (a closure would
  /// not always be inlined into the loop).
  private protocol LaneFunction {
    static func callAsFunction(_ x: SIMD8<Double>) -> SIMD8<Double>
  }

  private enum Tanh: LaneFunction {
    @inline(__always) static func callAsFunction(_ x: SIMD8<Double>) -> SIMD8<Double> { VectorMath.tanh(x) }
  }

  private enum Sigmoid: LaneFunction {
    @inline(__always) static func callAsFunction(_ x: SIMD8<Double>) -> SIMD8<Double> { VectorMath.sigmoid(x) }
  }

  private enum Exp: LaneFunction {
    @inline(__always) static func callAsFunction(_ x: SIMD8<Double>) -> SIMD8<Double> { VectorMath.exp(x) }
  }

  /// Applies `function` eight lanes at a time, four vectors per turn so their long latencies
  /// overlap; the last partial group goes through a padded copy.
  @inline(__always)
  private static func apply<Function: LaneFunction>(
    _ function: Function.Type, _ source: UnsafePointer<Double>, into destination: UnsafeMutablePointer<Double>,
    count: Int
  ) {
    let input = UnsafeRawPointer(source)
    let output = UnsafeMutableRawPointer(destination)
    let width = MemoryLayout<SIMD8<Double>>.stride
    var offset = 0
    while offset &+ 32 <= count {
      let bytes = offset &* MemoryLayout<Double>.stride
      let first = input.loadUnaligned(fromByteOffset: bytes, as: SIMD8<Double>.self)
      let second = input.loadUnaligned(fromByteOffset: bytes &+ width, as: SIMD8<Double>.self)
      let third = input.loadUnaligned(fromByteOffset: bytes &+ 2 &* width, as: SIMD8<Double>.self)
      let fourth = input.loadUnaligned(fromByteOffset: bytes &+ 3 &* width, as: SIMD8<Double>.self)
      output.storeBytes(of: Function.callAsFunction(first), toByteOffset: bytes, as: SIMD8<Double>.self)
      output.storeBytes(of: Function.callAsFunction(second), toByteOffset: bytes &+ width, as: SIMD8<Double>.self)
      output.storeBytes(of: Function.callAsFunction(third), toByteOffset: bytes &+ 2 &* width, as: SIMD8<Double>.self)
      output.storeBytes(of: Function.callAsFunction(fourth), toByteOffset: bytes &+ 3 &* width, as: SIMD8<Double>.self)
      offset &+= 32
    }
    while offset &+ 8 <= count {
      let bytes = offset &* MemoryLayout<Double>.stride
      let vector = input.loadUnaligned(fromByteOffset: bytes, as: SIMD8<Double>.self)
      output.storeBytes(of: Function.callAsFunction(vector), toByteOffset: bytes, as: SIMD8<Double>.self)
      offset &+= 8
    }
    guard offset < count else { return }
    var tail = SIMD8<Double>()
    for lane in 0..<(count &- offset) { tail[lane] = source[offset &+ lane] }
    tail = Function.callAsFunction(tail)
    for lane in 0..<(count &- offset) { destination[offset &+ lane] = tail[lane] }
  }

  /// `Σ x²` over `count` numbers, four vectors in flight (a NaN or infinity anywhere makes it
  /// non-finite).
  @inline(__always)
  static func sumOfSquares(_ values: UnsafePointer<Double>, count: Int) -> Double {
    reduce(values, values, count: count)
  }

  /// `Σ x` over `count` numbers, four vectors in flight.
  @inline(__always)
  static func sum(_ values: UnsafePointer<Double>, count: Int) -> Double {
    reduce(values, nil, count: count)
  }

  /// `Σ x·y` over `count` pairs, four vectors in flight.
  @inline(__always)
  static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
    reduce(x, y, count: count)
  }

  /// `Σ x·y` (or `Σ x` without `y`) with four independent sums, so additions do not wait on
  /// each other.
  @inline(__always)
  private static func reduce(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>?, count: Int) -> Double {
    var s0 = V(), s1 = V(), s2 = V(), s3 = V()
    var index = 0
    if let y {
      while index &+ 32 <= count {
        s0 = s0.fused(V.unaligned(x + index), V.unaligned(y + index))
        s1 = s1.fused(V.unaligned(x + (index &+ 8)), V.unaligned(y + (index &+ 8)))
        s2 = s2.fused(V.unaligned(x + (index &+ 16)), V.unaligned(y + (index &+ 16)))
        s3 = s3.fused(V.unaligned(x + (index &+ 24)), V.unaligned(y + (index &+ 24)))
        index &+= 32
      }
      while index &+ 8 <= count {
        s0 = s0.fused(V.unaligned(x + index), V.unaligned(y + index))
        index &+= 8
      }
    } else {
      while index &+ 32 <= count {
        s0 += V.unaligned(x + index)
        s1 += V.unaligned(x + (index &+ 8))
        s2 += V.unaligned(x + (index &+ 16))
        s3 += V.unaligned(x + (index &+ 24))
        index &+= 32
      }
      while index &+ 8 <= count {
        s0 += V.unaligned(x + index)
        index &+= 8
      }
    }
    // Fewer than eight numbers (a bias block) skip the vectors' horizontal sum: they are zeros.
    var total = index == 0 ? 0 : ((s0 + s1) + (s2 + s3)).sum()
    while index < count {
      total += x[index] * (y?[index] ?? 1)
      index &+= 1
    }
    return total
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
