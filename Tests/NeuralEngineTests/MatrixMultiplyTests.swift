import Testing
@testable import NeuralEngine

/// The fast matrix products against the plain triple loop, for every tile and edge path.
@Suite struct MatrixMultiplyTests {
  static func random(_ count: Int, _ generator: inout SplitMix64) -> [Double] {
    (0..<count).map { _ in generator.uniform(-1, 1) }
  }

  @Test(arguments: [(1, 1, 1), (3, 1, 3), (1000, 1, 3), (5, 7, 3), (8, 16, 9), (9, 17, 33), (32, 64, 64), (13, 10, 72)])
  func fastProductsEqualTheReference(m: Int, n: Int, k: Int) {
    var generator = SplitMix64(seed: UInt64(m * 1000 + n * 10 + k))
    let a = Self.random(m * k, &generator)
    let b = Self.random(k * n, &generator)
    let initial = Self.random(m * n, &generator)
    for (transposedA, accumulate) in [(false, false), (true, true), (false, true)] {
      var fast = initial
      var reference = initial
      // A is m×k row-major, or stored transposed (k×m) and read through strides.
      let aStorage = transposedA ? (0..<(k * m)).map { a[($0 % m) * k + $0 / m] } : a
      let rowStride = transposedA ? 1 : k
      let columnStride = transposedA ? m : 1
      aStorage.withReadOnlyBase { pa in
        b.withReadOnlyBase { pb in
          fast.withBase { pc in
            MatrixMultiply.multiply(
              rows: m, columns: n, inner: k, a: pa, aRowStride: rowStride, aColumnStride: columnStride, b: pb, ldb: n,
              c: pc, ldc: n, accumulate: accumulate)
          }
          reference.withBase { pc in
            MatrixMultiply.Reference.multiply(
              rows: m, columns: n, inner: k, a: pa, aRowStride: rowStride, aColumnStride: columnStride, b: pb, ldb: n,
              c: pc, ldc: n, accumulate: accumulate)
          }
        }
      }
      for (x, y) in zip(fast, reference) { #expect(abs(x - y) < 1e-12) }
    }
  }

  @Test(arguments: [(2, 3, 40), (20, 5, 3), (32, 64, 64), (4, 9, 1152)])
  func transposedProductsEqualTheReference(m: Int, n: Int, k: Int) {
    var generator = SplitMix64(seed: UInt64(m + n + k))
    let a = Self.random(m * k, &generator)
    let bTransposed = Self.random(n * k, &generator)
    let b = (0..<(k * n)).map { bTransposed[($0 % n) * k + $0 / n] }
    var fast = [Double](repeating: 0, count: m * n)
    var reference = fast
    var scratch = [Double](repeating: 0, count: n * k)
    a.withReadOnlyBase { pa in
      bTransposed.withReadOnlyBase { pbt in
        fast.withBase { pc in
          scratch.withBase { ps in
            MatrixMultiply.multiplyTransposed(
              rows: m, columns: n, inner: k, a: pa, aRowStride: k, aColumnStride: 1, b: pbt, ldb: k, c: pc, ldc: n,
              accumulate: false, scratch: ps)
          }
        }
      }
      b.withReadOnlyBase { pb in
        reference.withBase { pc in
          MatrixMultiply.Reference.multiply(
            rows: m, columns: n, inner: k, a: pa, aRowStride: k, aColumnStride: 1, b: pb, ldb: n, c: pc, ldc: n,
            accumulate: false)
        }
      }
    }
    for (x, y) in zip(fast, reference) { #expect(abs(x - y) < 1e-11) }
  }

  /// Whole 8×8 blocks go through vector shuffles, the edges number by number: both must put
  /// every number exactly where the plain definition does, inside larger strided matrices.
  @Test(arguments: [(8, 8), (16, 24), (17, 13), (3, 9), (64, 64), (1, 64), (64, 2)])
  func transposeMovesEveryNumberToItsMirror(rows: Int, columns: Int) {
    let sourceStride = columns + 3
    let destinationStride = rows + 5
    let source = (0..<(rows * sourceStride)).map(Double.init)
    var destination = [Double](repeating: -1, count: columns * destinationStride)
    source.withReadOnlyBase { from in
      destination.withBase { to in
        MatrixMultiply.transpose(
          from, rows: rows, columns: columns, sourceStride: sourceStride, into: to,
          destinationStride: destinationStride)
      }
    }
    for column in 0..<columns {
      for row in 0..<destinationStride {
        let expected = row < rows ? source[row * sourceStride + column] : -1
        #expect(destination[column * destinationStride + row] == expected)
      }
    }
  }
}
