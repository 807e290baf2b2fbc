/// A 2-D convolution: `F` filters of `K×K` slide over a `C×H×W` image with stride `S` and `P`
/// zeros of padding on every side; each filter gives one `OH×OW` feature map (see
/// `SlidingWindow` for `OH`, `OW`).
///
/// Cross-correlation, as every framework computes it: filter `f` at output position `(y, x)` is
///
///     z[f][y][x] = b[f] + Σ_c Σ_ky Σ_kx K[f][c][ky][kx] · in[c][y·S + ky − P][x·S + kx − P]
///
/// with inputs outside the image counting as 0. `referenceForward` is exactly these loops.
///
/// Training computes the same numbers as matrix products. Every patch
/// the window covers is unrolled into a column (im2col): `cols[q][(b, p)]` holds input
/// `(c, y·S + ky − P, x·S + kx − P)` of sample `b`, for patch entry `q = (c, ky, kx)` and output
/// position `p = (y, x)`. With the kernel read as an `F × CKK` matrix:
///
///     forward:  Z[f][(b, p)] = Σ_q K[f][q] · cols[q][(b, p)] + b[f]
///     backward: dK += dZ·colsᵀ,  db[f] += Σ_(b, p) dZ[f][(b, p)],  dcols = Kᵀ·dZ,
///               dX = col2im(dcols)   (each column entry added back where it was copied from)
///
/// The columns are kept in the trace slot `columns` (`[CKK, OH·OW]` per sample, time-major so
/// the batch's columns are one `CKK × B·OH·OW` matrix); the feature maps are the output.
struct Convolution: LayerKind {
  let window: SlidingWindow
  /// `F`, the number of filters (output channels).
  let filters: Int

  var inputShape: TensorShape { [window.channels, window.height, window.width] }
  var outputShape: TensorShape { [filters, window.outputHeight, window.outputWidth] }
  var namePrefix: String { "conv" }

  /// Numbers in one patch and in one filter: `C·K·K`.
  private var patchCount: Int { window.channels &* window.size &* window.size }

  var parameterBlocks: [ParameterBlock.Layout] {
    [
      ParameterBlock.Layout("kernel", [filters, window.channels, window.size, window.size], role: .weight),
      ParameterBlock.Layout("bias", [filters], role: .bias),
    ]
  }

  var traceSlots: [TraceSlot] { [TraceSlot("columns", [patchCount, window.positions], layout: .timeMajor)] }

  /// Backward only: `dZ` filter-major (`F × B·OH·OW`), then `dcols` (`CKK × B·OH·OW`).
  func scratchCount(batch: Int) -> Int { (filters + patchCount) * batch * window.positions }

  /// Kernels in buffer order `(f, c, ky, kx)` with `fanIn = C·K·K`, `fanOut = F·K·K` (the
  /// PyTorch/Glorot convention); biases all `bias`.
  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {
    let area = window.size * window.size
    rule.draw(
      into: parameters, count: filters * patchCount, fanIn: patchCount, fanOut: filters * area,
      using: &generator)
    (parameters + filters * patchCount).update(repeating: bias, count: filters)
  }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let batch = buffers.batch
    let positions = window.positions
    let columnCount = batch &* positions
    let columns = buffers.slots[0]
    let kernel = UnsafePointer(buffers.parameters)
    let biases = kernel + filters &* patchCount
    // One sample at a time, so its columns are still in the L1 cache for its product.
    for sample in 0..<batch {
      // forward: cols[q][(b, p)] = in[b][c][y·S + ky − P][x·S + kx − P] (0 on the padding).
      unrollPatches(of: buffers.input, sample: sample, batch: batch, into: columns)
      // forward: z[b][f][p] = Σ_q K[f][q]·cols[q][(b, p)] + b[f], the product of the sample's
      // columns written straight into its feature maps.
      FilterProducts.forward(
        filters: filters, patchCount: patchCount, positions: positions, kernel: kernel, biases: biases,
        columns: columns + sample &* positions, columnStride: columnCount,
        output: buffers.output + sample &* filters &* positions)
    }
  }

  func backward(_ buffers: LayerBuffers) {
    let batch = buffers.batch
    let positions = window.positions
    let columnCount = batch &* positions
    let columns = UnsafePointer(buffers.slots[0])
    let kernel = UnsafePointer(buffers.parameters)
    let kernelGradient = buffers.gradients
    let biasGradient = kernelGradient + filters &* patchCount
    let outputGradient = buffers.scratch
    let columnGradient = buffers.scratch + filters &* columnCount
    let gathered = positions < 8 || buffers.inputGradient != nil
    if gathered {
      // forward: z[b][f][p] = Z[f][(b, p)] + b[f], so dZ is gathered back filter-major (for
      // dcols below, or because a sample's maps are too short for vectors).
      var source = UnsafePointer(buffers.outputGradient)
      for sample in 0..<batch {
        var destination = outputGradient + sample &* positions
        for _ in 0..<filters {
          ShortRows.copy(source, to: destination, count: positions)
          source += positions
          destination += columnCount
        }
      }
    }
    if positions >= 8 {
      // forward: z[b][f][p] = Σ_q K[f][q]·cols[q][(b, p)] + b[f], so dK += dZ·colsᵀ and
      // db[f] += Σ_(b, p) dz[b][f][p], read from the batch-first dz: one piece per sample.
      RowDotProducts.accumulate(
        rows: filters, columns: patchCount, segments: batch, segmentLength: positions,
        a: buffers.outputGradient, lda: positions, aSegmentStride: filters &* positions,
        b: columns, ldb: columnCount, bSegmentStride: positions,
        c: kernelGradient, ldc: patchCount, rowSums: biasGradient)
    } else {
      for filter in 0..<filters {
        biasGradient[filter] += ShortRows.sum(outputGradient + filter &* columnCount, count: columnCount)
      }
      // forward: Z = K·cols, so dK += dZ·colsᵀ: both operands are long contiguous rows.
      RowDotProducts.accumulate(
        rows: filters, columns: patchCount, inner: columnCount, a: outputGradient, lda: columnCount,
        b: columns, ldb: columnCount, c: kernelGradient, ldc: patchCount)
    }
    guard let inputGradient = buffers.inputGradient else { return }
    // forward: Z = K·cols, so dcols = Kᵀ·dZ (Kᵀ read through strides).
    MatrixMultiply.multiply(
      rows: patchCount, columns: columnCount, inner: filters,
      a: kernel, aRowStride: 1, aColumnStride: patchCount,
      b: outputGradient, ldb: columnCount, c: columnGradient, ldc: columnCount, accumulate: false)
    // forward: cols = im2col(X), so dX = col2im(dcols).
    foldPatches(UnsafePointer(columnGradient), batch: batch, into: inputGradient)
  }

  // MARK: - im2col and col2im

  /// im2col for one sample: writes its piece `cols[q][(sample, p)]` of every row `q` (`CKK`
  /// rows, `batch·OH·OW` apart), each output row's numbers contiguously (and read contiguously
  /// at stride 1); 0 where the patch lies on the padding.
  private func unrollPatches(
    of input: UnsafePointer<Double>, sample: Int, batch: Int, into columns: UnsafeMutablePointer<Double>
  ) {
    let (height, width, stride, padding) = (window.height, window.width, window.stride, window.padding)
    let (outputHeight, outputWidth, positions) = (window.outputHeight, window.outputWidth, window.positions)
    let planeCount = height &* width
    let imageCount = window.inputCount
    let image = input + sample &* imageCount
    // Rows of up to 8 go as one vector of 8 that runs on into the next row (source and
    // destination); the next row's own copy then overwrites the extra numbers. The next
    // sample's image and piece keep those reads and writes inside the buffers (its pieces are
    // written after this one's), so the last sample copies exactly.
    let spills = padding == 0 && stride == 1 && outputWidth <= 8 && sample &+ 1 < batch && positions >= 8
      && imageCount >= 8
    var block = columns + sample &* positions
    let rowStride = batch &* positions
    for channel in 0..<window.channels {
      let plane = image + channel &* planeCount
      for ky in 0..<window.size {
        let insideRows = window.insideOutputs(offset: ky, side: height, outputs: outputHeight)
        for kx in 0..<window.size {
          defer { block += rowStride }
          if padding == 0 {
            // Every patch lies inside the image: whole rows, no zeros.
            var source = plane + (ky &* width &+ kx)
            var destination = block
            for _ in 0..<outputHeight {
              if spills {
                SIMD8<Double>.load(source).store(to: destination)
              } else if stride == 1 {
                ShortRows.copy(source, to: destination, count: outputWidth)
              } else {
                for x in 0..<outputWidth { destination[x] = source[x &* stride] }
              }
              source += stride &* width
              destination += outputWidth
            }
            continue
          }
          let inside = window.insideOutputs(offset: kx, side: width, outputs: outputWidth)
          // The input column under output column `inside.lowerBound`.
          let firstColumn = inside.lowerBound &* stride &+ kx &- padding
          for y in 0..<outputHeight {
            let destination = block + y &* outputWidth
            guard insideRows.contains(y), !inside.isEmpty else {
              destination.update(repeating: 0, count: outputWidth)
              continue
            }
            for x in 0..<inside.lowerBound { destination[x] = 0 }
            let source = plane + ((y &* stride &+ ky &- padding) &* width &+ firstColumn)
            let target = destination + inside.lowerBound
            if stride == 1 {
              ShortRows.copy(source, to: target, count: inside.count)
            } else {
              for x in 0..<inside.count { target[x] = source[x &* stride] }
            }
            for x in inside.upperBound..<outputWidth { destination[x] = 0 }
          }
        }
      }
    }
  }

  /// col2im: sets `gradient` (`batch` images) to the sum, over every column entry, of the entry
  /// added at the input position im2col copied it from; entries on the padding are dropped.
  private func foldPatches(
    _ columns: UnsafePointer<Double>, batch: Int, into gradient: UnsafeMutablePointer<Double>
  ) {
    let (height, width, stride, padding) = (window.height, window.width, window.stride, window.padding)
    let (outputHeight, outputWidth, positions) = (window.outputHeight, window.outputWidth, window.positions)
    let planeCount = height &* width
    let imageCount = window.inputCount
    gradient.update(repeating: 0, count: batch &* imageCount)
    var row = columns
    for channel in 0..<window.channels {
      for ky in 0..<window.size {
        let insideRows = window.insideOutputs(offset: ky, side: height, outputs: outputHeight)
        for kx in 0..<window.size {
          let inside = window.insideOutputs(offset: kx, side: width, outputs: outputWidth)
          let firstColumn = inside.lowerBound &* stride &+ kx &- padding
          if !inside.isEmpty {
            for sample in 0..<batch {
              let plane = gradient + (sample &* imageCount &+ channel &* planeCount)
              let block = row + sample &* positions
              for y in insideRows {
                let source = block + (y &* outputWidth &+ inside.lowerBound)
                let target = plane + ((y &* stride &+ ky &- padding) &* width &+ firstColumn)
                if stride == 1 {
                  for x in 0..<inside.count { target[x] += source[x] }
                } else {
                  for x in 0..<inside.count { target[x &* stride] += source[x] }
                }
              }
            }
          }
          row += batch &* positions
        }
      }
    }
  }

  // MARK: - Reference

  /// The convolution as the lessons write it, one output at a time:
  /// `z[f][y][x] = b[f] + Σ_c Σ_ky Σ_kx K[f][c][ky][kx] · in[c][y·S + ky − P][x·S + kx − P]`.
  ///
  /// `parameters` holds the kernel then the biases (the layer's blocks); `input` is `batch`
  /// images. The plain loops the fast path is tested against; training never calls this.
  func referenceForward(input: [Double], parameters: [Double], batch: Int) -> [Double] {
    let (channels, height, width, size) = (window.channels, window.height, window.width, window.size)
    let (stride, padding) = (window.stride, window.padding)
    let (outputHeight, outputWidth) = (window.outputHeight, window.outputWidth)
    let biasStart = filters * patchCount
    var output: [Double] = []
    output.reserveCapacity(batch * outputShape.count)
    for sample in 0..<batch {
      for filter in 0..<filters {
        for y in 0..<outputHeight {
          for x in 0..<outputWidth {
            var sum = parameters[biasStart + filter]
            for channel in 0..<channels {
              for ky in 0..<size {
                for kx in 0..<size {
                  let inputY = y * stride + ky - padding
                  let inputX = x * stride + kx - padding
                  guard (0..<height).contains(inputY), (0..<width).contains(inputX) else { continue }
                  let weight = parameters[((filter * channels + channel) * size + ky) * size + kx]
                  sum += weight * input[((sample * channels + channel) * height + inputY) * width + inputX]
                }
              }
            }
            output.append(sum)
          }
        }
      }
    }
    return output
  }

  /// `Conv(1×8×8→8×6×6, 3×3)`, with ` stride S` and ` pad P` when they are not 1 and 0.
  var description: String { "Conv(\(window.description(outputChannels: filters, defaultStride: 1)))" }
}
