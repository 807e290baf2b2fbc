import Testing
@testable import NeuralEngine

/// The small kernels behind convolution and pooling (short row copies, blocked dot products) and
/// the vector path of 2×2 max pooling, against plain loops, on every size their edge paths take.
@Suite struct WindowKernelTests {
  static func random(_ count: Int, _ generator: inout SplitMix64) -> [Double] {
    (0..<count).map { _ in generator.uniform(-1, 1) }
  }

  // MARK: - Short rows

  @Test func shortRowsCopyAndSumEveryLength() {
    var generator = SplitMix64(seed: 11)
    for count in 0...41 {
      let source = Self.random(count, &generator)
      // One guard cell on each side must stay untouched.
      var copied = [Double](repeating: 7, count: count + 2)
      source.withReadOnlyBase { pointer in
        copied.withBase { ShortRows.copy(pointer, to: $0 + 1, count: count) }
      }
      #expect(copied == [7] + source + [7], "copy of \(count)")
      let sum = source.withReadOnlyBase { ShortRows.sum($0, count: count) }
      #expect(abs(sum - source.reduce(0, +)) < 1e-12, "sum of \(count)")
    }
  }

  // MARK: - Blocked dot products

  @Test(arguments: [(1, 1, 1), (1, 1, 9), (4, 3, 8), (8, 9, 1152), (5, 7, 13), (3, 2, 40), (9, 4, 17), (2, 5, 7)])
  func rowDotProductsAddTheReferenceProducts(m: Int, n: Int, k: Int) {
    var generator = SplitMix64(seed: UInt64(m * 10_000 + n * 100 + k))
    // Rows padded to a longer stride, so a kernel reading past `k` would show.
    let (lda, ldb, ldc) = (k + 3, k + 1, n + 2)
    let a = Self.random(m * lda, &generator)
    let b = Self.random(n * ldb, &generator)
    let initial = Self.random(m * ldc, &generator)
    var fast = initial
    a.withReadOnlyBase { pa in
      b.withReadOnlyBase { pb in
        fast.withBase { pc in
          RowDotProducts.accumulate(rows: m, columns: n, inner: k, a: pa, lda: lda, b: pb, ldb: ldb, c: pc, ldc: ldc)
        }
      }
    }
    for i in 0..<m {
      for j in 0..<ldc {
        guard j < n else {
          #expect(fast[i * ldc + j] == initial[i * ldc + j], "padding of row \(i) changed")
          continue
        }
        var sum = initial[i * ldc + j]
        for p in 0..<k { sum += a[i * lda + p] * b[j * ldb + p] }
        #expect(abs(fast[i * ldc + j] - sum) < 1e-12, "C[\(i)][\(j)] for \(m)×\(n)×\(k)")
      }
    }
  }

  /// Rows cut into pieces stored apart (a convolution's batch-first `dZ` against its columns),
  /// piece lengths around multiples of 8 so the masked last vector shows, with and without the
  /// row sums of `A`.
  @Test(arguments: [(1, 1), (4, 3), (8, 9), (5, 7), (3, 2)])
  func segmentedRowDotProductsAddTheReferenceProducts(m: Int, n: Int) {
    var generator = SplitMix64(seed: UInt64(m * 100 + n))
    for (segments, length) in [(1, 8), (3, 9), (2, 15), (4, 16), (3, 17), (5, 36)] {
      // A: a piece per segment and row, rows `length + 1` apart, segments `m·(length + 1)` apart;
      // B: rows `segments·length + 2` apart, a segment's piece `length` further on.
      let (lda, aSegmentStride) = (length + 1, m * (length + 1))
      let (ldb, bSegmentStride) = (segments * length + 2, length)
      let a = Self.random(segments * aSegmentStride, &generator)
      let b = Self.random(n * ldb, &generator)
      let initial = Self.random(m * n, &generator)
      let initialSums = Self.random(m, &generator)
      for withSums in [false, true] {
        var fast = initial
        var sums = initialSums
        a.withReadOnlyBase { pa in
          b.withReadOnlyBase { pb in
            fast.withBase { pc in
              sums.withBase { ps in
                RowDotProducts.accumulate(
                  rows: m, columns: n, segments: segments, segmentLength: length, a: pa, lda: lda,
                  aSegmentStride: aSegmentStride, b: pb, ldb: ldb, bSegmentStride: bSegmentStride, c: pc, ldc: n,
                  rowSums: withSums ? ps : nil)
              }
            }
          }
        }
        for i in 0..<m {
          var rowSum = initialSums[i]
          for s in 0..<segments {
            for p in 0..<length { rowSum += a[s * aSegmentStride + i * lda + p] }
          }
          #expect(abs(sums[i] - (withSums ? rowSum : initialSums[i])) < 1e-12, "row sum \(i)")
          for j in 0..<n {
            var sum = initial[i * n + j]
            for s in 0..<segments {
              for p in 0..<length {
                sum += a[s * aSegmentStride + i * lda + p] * b[j * ldb + s * bSegmentStride + p]
              }
            }
            #expect(abs(fast[i * n + j] - sum) < 1e-12, "C[\(i)][\(j)], \(segments) pieces of \(length)")
          }
        }
      }
    }
  }

  // MARK: - Filter products

  /// The product with each filter's bias is bit for bit `MatrixMultiply.multiply` followed by
  /// adding the bias, for filter counts around the tile of 4 and position counts around every
  /// vector width (the last tile of a row overlapping the one before).
  @Test(arguments: [1, 3, 4, 5, 8, 9])
  func filterProductsEqualTheMatrixProductPlusTheBias(filters: Int) {
    var generator = SplitMix64(seed: UInt64(filters))
    let patchCount = 9
    for positions in [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 36, 49] {
      let stride = positions + 5
      let kernel = Self.random(filters * patchCount, &generator)
      let biases = Self.random(filters, &generator)
      let columns = Self.random(patchCount * stride, &generator)
      var fast = [Double](repeating: .nan, count: filters * positions + 1)
      var product = [Double](repeating: 0, count: filters * positions)
      kernel.withReadOnlyBase { k in
        columns.withReadOnlyBase { c in
          biases.withReadOnlyBase { b in
            fast.withBase {
              FilterProducts.forward(
                filters: filters, patchCount: patchCount, positions: positions, kernel: k, biases: b, columns: c,
                columnStride: stride, output: $0)
            }
          }
          product.withBase {
            MatrixMultiply.multiply(
              rows: filters, columns: positions, inner: patchCount, a: k, aRowStride: patchCount, aColumnStride: 1,
              b: c, ldb: stride, c: $0, ldc: positions, accumulate: false)
          }
        }
      }
      let expected = product.indices.map { product[$0] + biases[$0 / positions] }
      #expect(fast.dropLast().map(\.bitPattern) == expected.map(\.bitPattern), "\(filters) filters, \(positions) positions")
      #expect(fast.last?.isNaN == true, "wrote past the output")
    }
  }

  // MARK: - im2col

  /// Every sample's columns are its patches, whether its rows were copied exactly (the last
  /// sample) or as vectors running on into the next row (the others).
  @Test(arguments: [([1, 8, 8], "conv 2 3x3"), ([2, 5, 7], "conv 3 2x2"), ([1, 12, 11], "conv 1 3x3")] as [(TensorShape, String)])
  func theColumnsOfEverySampleAreItsPatches(inputShape: TensorShape, description: String) throws {
    let network = try Network(description: ModelDescription(parsing: description), inputShape: inputShape)
    let (channels, height, width) = (inputShape[0], inputShape[1], inputShape[2])
    let size = description.hasSuffix("3x3") ? 3 : 2
    let (outputHeight, outputWidth) = (height - size + 1, width - size + 1)
    var generator = SplitMix64(seed: 3)
    let batch = 4
    let input = Self.random(batch * inputShape.count, &generator)
    let trace = network.trace(Samples(width: inputShape.count, values: input))
    for sample in 0..<batch {
      var expected: [Double] = []
      for channel in 0..<channels {
        for ky in 0..<size {
          for kx in 0..<size {
            for y in 0..<outputHeight {
              for x in 0..<outputWidth {
                expected.append(input[sample * inputShape.count + (channel * height + y + ky) * width + x + kx])
              }
            }
          }
        }
      }
      #expect(trace.value(ofLayer: 0, named: "columns", sample: sample)?.values == expected, "sample \(sample)")
    }
  }

  // MARK: - 2×2 max pooling

  /// A `maxpool 2` network on `channels × height × width` images and a batch of inputs drawn from
  /// four levels (and −0 beside 0), so windows often tie.
  static func twoByTwoPool(
    _ channels: Int, _ height: Int, _ width: Int, batch: Int, _ generator: inout SplitMix64
  ) throws -> (Network, [Double]) {
    let network = try Network(
      description: ModelDescription(parsing: "maxpool 2"), inputShape: [channels, height, width])
    let levels: [Double] = [-1, -0.0, 0, 0.5]
    let input = (0..<(batch * channels * height * width)).map { _ in levels[Int(generator.uniform(0, 4))] }
    return (network, input)
  }

  /// Every output width the vector path covers in its own way (one window, two-lane pairs,
  /// four-lane runs with an overlapping last run), on numbers with many ties.
  @Test(arguments: [1, 2, 3, 4, 5, 7, 8, 9])
  func twoByTwoMaxPoolingTakesTheFirstMaximumOfEveryWindow(outputWidth: Int) throws {
    let (channels, outputHeight, batch) = (2, 3, 3)
    let (height, width) = (2 * outputHeight, 2 * outputWidth)
    var generator = SplitMix64(seed: UInt64(outputWidth))
    let (network, input) = try Self.twoByTwoPool(channels, height, width, batch: batch, &generator)
    let count = channels * height * width
    let trace = network.trace(Samples(width: count, values: input))
    for sample in 0..<batch {
      var expectedOutput: [Double] = []
      var expectedIndices: [Double] = []
      for channel in 0..<channels {
        for y in 0..<outputHeight {
          for x in 0..<outputWidth {
            let cells = [(0, 0), (0, 1), (1, 0), (1, 1)].map { (channel * height + 2 * y + $0) * width + 2 * x + $1 }
            var best = cells[0]
            for cell in cells.dropFirst() where input[sample * count + cell] > input[sample * count + best] {
              best = cell
            }
            expectedOutput.append(input[sample * count + best])
            expectedIndices.append(Double(best))
          }
        }
      }
      let output = trace.output(sample: sample)
      // Bit for bit, so −0 and 0 are told apart.
      #expect(output.map(\.bitPattern) == expectedOutput.map(\.bitPattern), "sample \(sample), width \(outputWidth)")
      #expect(trace.value(ofLayer: 0, named: "argmax", sample: sample)?.values == expectedIndices)
    }
  }

  /// The backward pass of the same widths: each input number's gradient is its window's output
  /// gradient where it was the window's first maximum and 0 elsewhere, written window by window
  /// (lanes that run on into the next row included) with nothing left over from before.
  @Test(arguments: [1, 2, 3, 4, 5, 7, 8, 9])
  func twoByTwoMaxPoolingSendsEachGradientToItsFirstMaximum(outputWidth: Int) throws {
    let batch = 3
    var generator = SplitMix64(seed: UInt64(100 + outputWidth))
    let (network, input) = try Self.twoByTwoPool(2, 6, 2 * outputWidth, batch: batch, &generator)
    let count = network.inputCount
    let outputCount = network.outputCount
    let targets = (0..<(batch * outputCount)).map { _ in generator.uniform(-1, 1) }
    let pass = network.backpropagate(
      Samples(width: count, values: input), targets: Samples(width: outputCount, values: targets),
      loss: .meanSquaredError)
    let outputGradients = try #require(pass.outputGradients.last)
    #expect(outputGradients.contains { $0 != 0 })
    for sample in 0..<batch {
      let argmax = try #require(pass.trace.value(ofLayer: 0, named: "argmax", sample: sample)?.values)
      var expected = [Double](repeating: 0, count: count)
      for (output, index) in argmax.enumerated() { expected[Int(index)] = outputGradients[sample * outputCount + output] }
      #expect(Array(pass.inputGradients[(sample * count)..<((sample + 1) * count)]) == expected, "sample \(sample)")
    }
  }
}

