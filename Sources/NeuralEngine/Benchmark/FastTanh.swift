import Foundation

/// A vectorised hyperbolic tangent for the benchmark kernels, eight lanes at a time.
///
/// The formulation is the classic Cephes one, evaluated branch-free so it runs in SIMD lanes:
///
/// - `|x| < 0.625`: `tanh(x) = x + x · z·P(z) / Q(z)` with `z = x²` (Cephes `tanh.c` minimax
///   rational, relative error about 2e-17 before rounding);
/// - `|x| ≥ 0.625`: `tanh(|x|) = 1 − 2 / (e^{2|x|} + 1)`, where `e^{2|x|} = 2ⁿ · (Q + p)/(Q − p)`
///   comes from Cephes `exp.c` (Cody–Waite reduction `2|x| = n·ln 2 + r`, `|r| ≤ ln 2 / 2`, and a
///   (2,3) rational in `r²`), folded so that each lane needs a single division;
/// - the magnitude is clamped to 20 (`tanh` rounds to exactly 1 beyond 19.06), so `±inf` gives
///   `±1`; the sign is copied back bit for bit, so `tanh(−0) = −0` and `tanh(−x) = −tanh(x)`.
///
/// Accuracy: at most 1.4 units in the last place (ulp) against the exact value (checked offline
/// with 120-bit mpmath at 50,000 random points in [0, 19.1], worst near 0.85, where glibc's own
/// `tanh` is off by up to 1.97 ulp); at most `maximumErrorInUnits` = 2 ulp against glibc's
/// `tanh` (Foundation) over 400,000 points spread evenly over [−20, 20], plus exact agreement at
/// ±0, tiny and subnormal inputs (`BenchmarkFastTanhTests`). No fused multiply-add is used, so
/// every build gives the same bits.
enum FastTanh {
  /// The documented error bound in units in the last place (ulp) of the exact result.
  static let maximumErrorInUnits = 2.0

  // MARK: - Cephes tanh.c, |x| < 0.625

  private static let smallP0 = -9.64399179425052238628e-1
  private static let smallP1 = -9.92877231001918586564e1
  private static let smallP2 = -1.61468768441708447952e3
  private static let smallQ0 = 1.12811678491632931402e2
  private static let smallQ1 = 2.23548839060100448583e3
  private static let smallQ2 = 4.84406305325125486048e3

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

  /// `tanh` of eight lanes at once.
  @inline(__always)
  static func tanh(_ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias Bits = SIMD8<UInt64>
    let signBit = Bits(repeating: 0x8000_0000_0000_0000)
    let bits = unsafeBitCast(x, to: Bits.self)
    let sign = bits & signBit
    let magnitude = unsafeBitCast(bits & ~signBit, to: SIMD8<Double>.self)

    // Small arguments: z·P(z) and Q(z).
    let z = magnitude * magnitude
    let smallNumerator = ((smallP0 * z + smallP1) * z + smallP2) * z
    let smallDenominator = ((z + smallQ0) * z + smallQ1) * z + smallQ2

    // Large arguments: e^{2|x|} = 2ⁿ · (q + p) / (q − p).
    let twice = (magnitude + magnitude).replacing(with: 40, where: .!(magnitude .< 20))
    let shifted = twice * log2e + roundingShift
    let n = shifted - roundingShift
    let r = (twice - n * ln2High) - n * ln2Low
    let rr = r * r
    let p = r * ((expP0 * rr + expP1) * rr + expP2)
    let q = ((expQ0 * rr + expQ1) * rr + expQ2) * rr + expQ3
    let shiftBits = unsafeBitCast(SIMD8<Double>(repeating: roundingShift), to: Bits.self)
    let exponent = unsafeBitCast(shifted, to: Bits.self) &- shiftBits
    let power = unsafeBitCast((exponent &+ 1023) &<< 52, to: SIMD8<Double>.self)
    // 2 / (e^{2|x|} + 1) = 2(q − p) / (2ⁿ(q + p) + (q − p)).
    let largeNumerator = 2 * (q - p)
    let largeDenominator = power * (q + p) + (q - p)

    let small = magnitude .< 0.625
    let ratio =
      largeNumerator.replacing(with: smallNumerator, where: small)
      / largeDenominator.replacing(with: smallDenominator, where: small)
    let result = (1 - ratio).replacing(with: magnitude + magnitude * ratio, where: small)
    let signed = unsafeBitCast(result, to: Bits.self) | sign
    // NaN stays NaN.
    return unsafeBitCast(signed, to: SIMD8<Double>.self).replacing(with: x, where: x .!= x)
  }

  /// `tanh` of one number through the vector path (for tests and odd lanes).
  static func tanh(_ x: Double) -> Double {
    tanh(SIMD8<Double>(repeating: x))[0]
  }

  /// Replaces `count` numbers at `values` by their `tanh`; `count` must be a multiple of 8.
  @inline(__always)
  static func apply(to values: UnsafeMutablePointer<Double>, count: Int) {
    let raw = UnsafeMutableRawPointer(values)
    var offset = 0
    while offset < count {
      let bytes = offset &* MemoryLayout<Double>.stride
      let vector = raw.loadUnaligned(fromByteOffset: bytes, as: SIMD8<Double>.self)
      raw.storeBytes(of: tanh(vector), toByteOffset: bytes, as: SIMD8<Double>.self)
      offset &+= 8
    }
  }
}
