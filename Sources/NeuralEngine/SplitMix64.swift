import Foundation

/// The one seeded random number generator behind every random choice in Descent.
///
/// SplitMix64 exactly as `shared/bench/WORKLOADS.md` specifies it, so that the same seed gives the
/// same data, the same initial weights and the same shuffles, bit for bit, on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The 64-bit state; starts at the seed.
  public private(set) var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A double in [0, 1) from the top 53 bits of one draw: `U()` in WORKLOADS.md.
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// `U(a, b) = a + (b - a) * U()`, evaluated exactly so (no fused multiply-add).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    let width = high - low
    let scaled = width * uniform()
    return low + scaled
  }

  /// A standard normal draw (Box–Muller, cosine branch only; two uniform draws).
  public mutating func normal() -> Double {
    let u1 = uniform()
    let u2 = uniform()
    return (-2 * Foundation.log(1 - u1)).squareRoot() * Foundation.cos(6.283185307179586 * u2)
  }

  /// Fisher–Yates exactly as TF Playground's `dataset.shuffle`: walks down from the end.
  public mutating func shuffle<T>(_ items: inout [T]) {
    var remaining = items.count
    while remaining > 0 {
      let index = Int(uniform() * Double(remaining))
      remaining -= 1
      items.swapAt(remaining, index)
    }
  }
}
