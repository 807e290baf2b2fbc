/// A convolution's forward product for one sample, written straight into its batch-first feature
/// maps: `out[f][p] = (Σ_q K[f][q] · cols[q][p]) + b[f]` for `F` filters, `Q` patch entries and
/// `P` positions.
///
/// The same sums as `MatrixMultiply.multiply` (each starts at 0 and adds its products in `q`
/// order, fused where the CPU has FMA) followed by the bias, so the numbers are identical to the
/// product-then-scatter they replace; only the filter-major product and its copy are gone. A
/// tile is 4 filters by two vectors of positions; the last tile of a row of positions ends
/// exactly at `P`, overlapping the one before (its sums are recomputed, the same numbers stored
/// again), and a short last block of filters repeats its last filter without storing it.
enum FilterProducts {
  /// Filters one tile covers.
  private static let tileFilters = 4

  /// `output` (`F × P`, rows contiguous) from `kernel` (`F × Q`, rows contiguous), `biases`
  /// (`F`) and `columns` (`Q` rows of at least `P`, `columnStride` apart).
  static func forward(
    filters: Int, patchCount: Int, positions: Int, kernel: UnsafePointer<Double>,
    biases: UnsafePointer<Double>, columns: UnsafePointer<Double>, columnStride: Int,
    output: UnsafeMutablePointer<Double>
  ) {
    guard filters > 0, positions > 0 else { return }
    let operands = Operands(
      filters: filters, patchCount: patchCount, positions: positions, kernel: kernel, biases: biases,
      columns: columns, columnStride: columnStride, output: output)
    if positions >= 16 {
      operands.run(SIMD8<Double>.self)
    } else if positions >= 8 {
      operands.run(SIMD4<Double>.self)
    } else if positions >= 4 {
      operands.run(SIMD2<Double>.self)
    } else {
      operands.run(Double.self)
    }
  }

  private struct Operands {
    let filters: Int
    let patchCount: Int
    let positions: Int
    let kernel: UnsafePointer<Double>
    let biases: UnsafePointer<Double>
    let columns: UnsafePointer<Double>
    let columnStride: Int
    let output: UnsafeMutablePointer<Double>

    /// Every tile, two vectors of `L` wide (`positions` is at least that, except a single
    /// position, which both vectors of a scalar tile then cover).
    @inline(__always)
    func run<L: BiasLanes>(_ lanes: L.Type) {
      let width = Swift.min(2 &* L.laneCount, positions)
      let second = width &- L.laneCount
      var filter = 0
      while filter < filters {
        let count = Swift.min(tileFilters, filters &- filter)
        var position = 0
        while position &+ width < positions {
          tile(L.self, filter: filter, count: count, position: position, second: second)
          position &+= width
        }
        tile(L.self, filter: filter, count: count, position: positions &- width, second: second)
        filter &+= tileFilters
      }
    }

    /// Filters `filter ..< filter + count` at positions `position ..< position + L.laneCount`
    /// and `position + second ..< position + second + L.laneCount`.
    @inline(__always)
    private func tile<L: BiasLanes>(_ lanes: L.Type, filter: Int, count: Int, position: Int, second: Int) {
      let last = count &- 1
      let k0 = kernel + filter &* patchCount
      let k1 = kernel + (filter &+ Swift.min(1, last)) &* patchCount
      let k2 = kernel + (filter &+ Swift.min(2, last)) &* patchCount
      let k3 = kernel + (filter &+ Swift.min(3, last)) &* patchCount
      var (s00, s01, s10, s11) = (L.zero, L.zero, L.zero, L.zero)
      var (s20, s21, s30, s31) = (L.zero, L.zero, L.zero, L.zero)
      var row = columns + position
      for q in 0..<patchCount {
        let x0 = L.load(row)
        let x1 = L.load(row + second)
        let w0 = L(broadcast: k0[q])
        s00 = s00.adding(w0, times: x0)
        s01 = s01.adding(w0, times: x1)
        let w1 = L(broadcast: k1[q])
        s10 = s10.adding(w1, times: x0)
        s11 = s11.adding(w1, times: x1)
        let w2 = L(broadcast: k2[q])
        s20 = s20.adding(w2, times: x0)
        s21 = s21.adding(w2, times: x1)
        let w3 = L(broadcast: k3[q])
        s30 = s30.adding(w3, times: x0)
        s31 = s31.adding(w3, times: x1)
        row += columnStride
      }
      // forward: z = (Σ_q K·cols) + b.
      let out = output + (filter &* positions &+ position)
      @inline(__always) func store(_ sum0: L, _ sum1: L, filter offset: Int) {
        let bias = L(broadcast: biases[filter &+ offset])
        let target = out + offset &* positions
        (sum0 + bias).store(to: target)
        (sum1 + bias).store(to: target + second)
      }
      store(s00, s01, filter: 0)
      if count > 1 { store(s10, s11, filter: 1) }
      if count > 2 { store(s20, s21, filter: 2) }
      if count > 3 { store(s30, s31, filter: 3) }
    }
  }
}

/// `Lanes` that can also be added and know their width.
private protocol BiasLanes: Lanes {
  static var laneCount: Int { get }
  static func + (lhs: Self, rhs: Self) -> Self
}

extension Double: BiasLanes {
  static var laneCount: Int { 1 }
}

extension SIMD2: BiasLanes where Scalar == Double {
  static var laneCount: Int { 2 }
}

extension SIMD4: BiasLanes where Scalar == Double {
  static var laneCount: Int { 4 }
}

extension SIMD8: BiasLanes where Scalar == Double {
  static var laneCount: Int { 8 }
}
