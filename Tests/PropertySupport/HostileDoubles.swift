/// Doubles that break number formatting written for "ordinary" values.
///
/// Every formatter must accept each of these, and any bit pattern (see `double(bitPattern:)` in the
/// property tests): subnormals, signed zeros, infinities, NaN, the largest finite magnitudes.
public enum HostileDoubles {
  /// The explicit edge list.
  public static let edges: [Double] = [
    0, -0.0, .infinity, -.infinity, .nan, -.nan, .signalingNaN,
    .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNormalMagnitude,
    .leastNormalMagnitude.nextDown, .leastNonzeroMagnitude * 2, .leastNormalMagnitude / 1_000,
    -.leastNormalMagnitude / 1e5, .leastNormalMagnitude / 3,
    .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e308, -1e308, 9.999e307, 1e300,
    .ulpOfOne, 1 - .ulpOfOne / 2, 0.5, 0.95, 0.995, 0.9995, 0.99995, 9.5, 9.95, 99.95, 999.5, 9999.5, 99999.5,
    1e15, 1e16, 9.2e18, 9.3e18, -9.3e18, 1e19, 1e20, 1e100, -1e-5, 1e-4, 0.001, 0.01, 1, -1,
    Double(Int.max), Double(Int.min), Double(Int64.max).nextUp,
  ]

  /// The edge list plus `count` pseudo-random bit patterns (SplitMix64 from `seed`): every
  /// exponent and both signs turn up.
  public static func edgesAndBitPatterns(count: Int, seed: UInt64 = 0x5EED) -> [Double] {
    var state = seed
    var values = edges
    for _ in 0..<count {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      values.append(Double(bitPattern: z ^ (z >> 31)))
    }
    return values
  }
}
