/// Short rows (a few to a few dozen doubles: one row of a small feature map, one filter's map of
/// one sample) copied in whole vectors, without a call to `memcpy` or a scalar tail.
///
/// A row of `count ≥ 2` values is covered by vectors of the widest size that fits, the last one
/// ending exactly at `count` and so overlapping the one before when `count` is not a multiple of
/// its width; the overlap stores the same values twice. `count` is usually the same for every
/// call of a loop, so the branches are predicted.
enum ShortRows {
  /// `destination[i] = source[i]` for `i < count` (the two must not overlap).
  @inline(__always)
  static func copy(_ source: UnsafePointer<Double>, to destination: UnsafeMutablePointer<Double>, count: Int) {
    if count >= 8 {
      var start = 0
      while start &+ 8 < count {
        SIMD8<Double>.load(source + start).store(to: destination + start)
        start &+= 8
      }
      SIMD8<Double>.load(source + (count &- 8)).store(to: destination + (count &- 8))
    } else if count >= 4 {
      let (low, high) = (SIMD4<Double>.load(source), SIMD4<Double>.load(source + (count &- 4)))
      low.store(to: destination)
      high.store(to: destination + (count &- 4))
    } else if count >= 2 {
      let (low, high) = (SIMD2<Double>.load(source), SIMD2<Double>.load(source + (count &- 2)))
      low.store(to: destination)
      high.store(to: destination + (count &- 2))
    } else if count == 1 {
      destination.pointee = source.pointee
    }
  }

  /// `Σ_i row[i]` for `i < count`, in four vectors of partial sums (then the last `count mod 8`).
  @inline(__always)
  static func sum(_ row: UnsafePointer<Double>, count: Int) -> Double {
    var (s0, s1, s2, s3) = (SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>())
    var start = 0
    while start &+ 32 <= count {
      s0 += SIMD8.load(row + start)
      s1 += SIMD8.load(row + (start &+ 8))
      s2 += SIMD8.load(row + (start &+ 16))
      s3 += SIMD8.load(row + (start &+ 24))
      start &+= 32
    }
    while start &+ 8 <= count {
      s0 += SIMD8.load(row + start)
      start &+= 8
    }
    var total = ((s0 + s1) + (s2 + s3)).sum()
    while start < count {
      total += row[start]
      start &+= 1
    }
    return total
  }
}
