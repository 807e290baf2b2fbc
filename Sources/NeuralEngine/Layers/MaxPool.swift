/// Max pooling: each channel of a `C×H×W` image is covered by `K×K` windows `S` apart (`S = K`
/// unless given), and each window passes on only its largest number, giving `C×OH×OW` with
/// `OH = ⌊(H − K) / S⌋ + 1`, likewise `OW`.
///
///     forward:  a[c][y][x] = max_{ky, kx} in[c][y·S + ky][x·S + kx]
///     backward: d in[argmax] += da[c][y][x]   (the rest of the window gets nothing)
///
/// `argmax` is the window's FIRST maximum in row-major window order (the rule every framework
/// uses), recorded per output in the trace slot `argmax` as the flat index into the input sample
/// (`(c·H + row)·W + column`, stored as a Double). Overlapping windows (`S < K`) may pick the
/// same input, whose gradient then adds up.
struct MaxPool: LayerKind {
  let window: SlidingWindow

  var inputShape: TensorShape { [window.channels, window.height, window.width] }
  var outputShape: TensorShape { [window.channels, window.outputHeight, window.outputWidth] }

  var traceSlots: [TraceSlot] { [TraceSlot("argmax", outputShape)] }

  /// Whether the windows are the common 2×2 ones, 2 apart, tiling the image exactly: every
  /// input number then belongs to exactly one window.
  private var tilesByTwo: Bool {
    window.size == 2 && window.stride == 2 && window.height == 2 &* window.outputHeight
      && window.width == 2 &* window.outputWidth
  }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    if tilesByTwo {
      forwardTwoByTwo(buffers)
      return
    }
    let (width, size, stride) = (window.width, window.size, window.stride)
    let (outputHeight, outputWidth) = (window.outputHeight, window.outputWidth)
    let planeCount = window.height &* width
    var output = buffers.output
    var argmax = buffers.slots[0]
    var image = buffers.input
    for _ in 0..<buffers.batch {
      // Indices count inside the sample: the plane of channel `c` starts at `c·H·W`.
      var planeStart = 0
      for _ in 0..<window.channels {
        for y in 0..<outputHeight {
          var corner = y &* stride &* width
          for _ in 0..<outputWidth {
            // forward: a = max over the window, the first maximum winning ties.
            var best = image[corner]
            var bestIndex = corner
            var rowStart = corner
            for _ in 0..<size {
              for cell in rowStart..<(rowStart &+ size) {
                let value = image[cell]
                if value > best {
                  best = value
                  bestIndex = cell
                }
              }
              rowStart &+= width
            }
            output.pointee = best
            argmax.pointee = Double(planeStart &+ bestIndex)
            output += 1
            argmax += 1
            corner &+= stride
          }
        }
        image += planeCount
        planeStart &+= planeCount
      }
    }
  }

  /// The common 2×2 windows 2 apart, several windows of a row of windows at once (vector lanes,
  /// so the comparisons select instead of branching on the data). Each window's four numbers are
  /// compared in row-major order (`in[2y][2x]`, `in[2y][2x+1]`, `in[2y+1][2x]`,
  /// `in[2y+1][2x+1]`), a later one winning only when strictly larger.
  private func forwardTwoByTwo(_ buffers: LayerBuffers) {
    eachRowOfWindows(
      buffers, top: UnsafeMutablePointer(mutating: buffers.input), outputs: buffers.output,
      four: { row, x in row.poolFour(from: x) }, short: { row in row.poolShort(outputWidth: window.outputWidth) })
  }

  /// Runs every row of windows of the batch, in memory order, for windows that tile the image by
  /// two (so the rows of windows follow each other, two input rows each): `four` on runs of four
  /// windows from 0 up to the last run at `OW − 4` (a row whose width is not a multiple of four
  /// ends with a run overlapping the one before), `short` on a row without four windows. A row
  /// of 2 or 3 windows with a row after it takes four lanes too: their extra windows read on into
  /// the next row (inside the buffers, since the windows tile the image), and what they store
  /// lands where the next row, or this row's next store, writes again.
  @inline(__always)
  private func eachRowOfWindows(
    _ buffers: LayerBuffers, top: UnsafeMutablePointer<Double>, outputs: UnsafeMutablePointer<Double>,
    four: (WindowRow, Int) -> Void, short: (WindowRow) -> Void
  ) {
    let width = window.width
    let outputWidth = window.outputWidth
    let rowsPerSample = window.channels &* window.outputHeight
    var (top, output, argmax) = (top, outputs, buffers.slots[0])
    // Rows of windows left in the batch after the current one.
    var rowsAfter = buffers.batch &* rowsPerSample
    for _ in 0..<buffers.batch {
      // The flat index inside the sample of the current row of windows' first number (the
      // planes follow each other, two input rows per row of windows).
      var rowIndex = 0
      for _ in 0..<rowsPerSample {
        rowsAfter &-= 1
        let row = WindowRow(top: top, width: width, index: rowIndex, output: output, argmax: argmax)
        if outputWidth >= 4 || (outputWidth >= 2 && rowsAfter > 0) {
          let lastStart = Swift.max(outputWidth &- 4, 0)
          var x = 0
          while true {
            four(row, Swift.min(x, lastStart))
            if x >= lastStart { break }
            x &+= 4
          }
        } else {
          short(row)
        }
        output += outputWidth
        argmax += outputWidth
        top += 2 &* width
        rowIndex &+= 2 &* width
      }
    }
  }

  func backward(_ buffers: LayerBuffers) {
    guard let inputGradient = buffers.inputGradient else { return }
    if tilesByTwo {
      backwardTwoByTwo(buffers, into: inputGradient)
      return
    }
    let inputCount = window.inputCount
    let outputCount = outputShape.count
    var argmax = UnsafePointer(buffers.slots[0])
    var outputGradient = UnsafePointer(buffers.outputGradient)
    // forward: a = in[argmax], so d in[argmax] += da. Each sample's gradients are cleared just
    // before its sums, while they are in cache (a batch's worth can exceed the first-level cache).
    var image = inputGradient
    for _ in 0..<buffers.batch {
      image.update(repeating: 0, count: inputCount)
      for index in 0..<outputCount {
        image[Int(argmax[index])] += outputGradient[index]
      }
      image += inputCount
      argmax += outputCount
      outputGradient += outputCount
    }
  }

  /// Backward for windows that tile the image by two: each window writes all four of its input
  /// gradients (its output's gradient at its first maximum, 0 at the other three), so nothing is
  /// cleared first and nothing is added up; four windows at a time as forward.
  private func backwardTwoByTwo(_ buffers: LayerBuffers, into inputGradient: UnsafeMutablePointer<Double>) {
    eachRowOfWindows(
      buffers, top: inputGradient, outputs: buffers.outputGradient,
      four: { row, x in row.spreadFour(from: x) },
      short: { row in for x in 0..<window.outputWidth { row.spreadOne(x) } })
  }

  /// `MaxPool(8×6×6→8×3×3, 2×2)`, with ` stride S` when it is not the window size.
  var description: String { "MaxPool(\(window))" }
}

/// One row of 2×2 windows (stride 2) of a max pool: the two input rows it covers (their numbers
/// forward, their gradients backward), its outputs (maxima forward, their gradients backward)
/// and the indices of the maxima.
private struct WindowRow {
  /// The first of the two input rows; the second is `width` further.
  let top: UnsafeMutablePointer<Double>
  let width: Int
  /// The flat index (inside the sample) of `top[0]`.
  let index: Int
  let output: UnsafeMutablePointer<Double>
  let argmax: UnsafeMutablePointer<Double>

  /// Windows `x ..< x + 4`.
  @inline(__always)
  func poolFour(from x: Int) {
    let column = x &* 2
    let upper = SIMD8<Double>.load(top + column)
    let lower = SIMD8<Double>.load(top + (column &+ width))
    let (best, offset) = firstMaxima(upper.evenHalf, upper.oddHalf, lower.evenHalf, lower.oddHalf)
    best.store(to: output + x)
    // Small whole numbers, so the Double sums are exact.
    (SIMD4(0, 2, 4, 6) + SIMD4(repeating: Double(index &+ column)) + offset).store(to: argmax + x)
  }

  /// Windows `x ..< x + 2`.
  @inline(__always)
  func poolTwo(from x: Int) {
    let column = x &* 2
    let upper = SIMD4<Double>.load(top + column)
    let lower = SIMD4<Double>.load(top + (column &+ width))
    let (best, offset) = firstMaxima(upper.evenHalf, upper.oddHalf, lower.evenHalf, lower.oddHalf)
    best.store(to: output + x)
    (SIMD2(0, 2) + SIMD2(repeating: Double(index &+ column)) + offset).store(to: argmax + x)
  }

  /// A row of 1 window, or the batch's last row of 2 or 3: the few rows without four lanes,
  /// kept out of line so the vector rows' loop stays small enough to inline `poolFour` into.
  @inline(never)
  func poolShort(outputWidth: Int) {
    if outputWidth >= 2 {
      poolTwo(from: 0)
      poolTwo(from: outputWidth &- 2)
    } else {
      poolOne()
    }
  }

  /// The only window of the row.
  @inline(__always)
  func poolOne() {
    let upper = SIMD2<Double>.load(top)
    let lower = SIMD2<Double>.load(top + width)
    let (best, offset) = firstMaxima(
      SIMD2(repeating: upper.x), SIMD2(repeating: upper.y), SIMD2(repeating: lower.x), SIMD2(repeating: lower.y))
    output.pointee = best.x
    argmax.pointee = Double(index) + offset.x
  }

  /// Lane by lane, the first maximum of the window's numbers in row-major order and its offset
  /// in the image (`0`, `1`, `W`, `W + 1`): a later number wins only when strictly larger, and
  /// the comparisons select instead of branching on the data.
  @inline(__always)
  private func firstMaxima<V: SIMD>(_ first: V, _ second: V, _ third: V, _ fourth: V) -> (V, V)
  where V.Scalar == Double {
    // forward: a = max over the window, the first maximum winning ties.
    var best = first
    var offset = V(repeating: 0)
    @inline(__always) func keep(_ candidate: V, at place: Double) {
      let larger = candidate .> best
      best.replace(with: candidate, where: larger)
      offset.replace(with: place, where: larger)
    }
    keep(second, at: 1)
    keep(third, at: Double(width))
    keep(fourth, at: Double(width &+ 1))
    return (best, offset)
  }

  // MARK: Backward

  /// Windows `x ..< x + 4`: forward: a = in[argmax], so d in = da at the argmax and 0 at the
  /// window's other three numbers.
  @inline(__always)
  func spreadFour(from x: Int) {
    let da = SIMD4<Double>.load(output + x)
    // Small whole numbers, so the Double differences are exact.
    let corners = SIMD4(0, 2, 4, 6) + SIMD4(repeating: Double(index &+ 2 &* x))
    let offset = SIMD4<Double>.load(argmax + x) - corners
    let none = SIMD4<Double>()
    let upperLeft = none.replacing(with: da, where: offset .== 0)
    let upperRight = none.replacing(with: da, where: offset .== 1)
    let lowerLeft = none.replacing(with: da, where: offset .== Double(width))
    let lowerRight = none.replacing(with: da, where: offset .== Double(width &+ 1))
    interleave(upperLeft, upperRight).store(to: top + 2 &* x)
    interleave(lowerLeft, lowerRight).store(to: top + (width &+ 2 &* x))
  }

  /// Window `x` alone.
  @inline(__always)
  func spreadOne(_ x: Int) {
    let da = output[x]
    let offset = argmax[x] - Double(index &+ 2 &* x)
    let cell = top + 2 &* x
    cell[0] = offset == 0 ? da : 0
    cell[1] = offset == 1 ? da : 0
    cell[width] = offset == Double(width) ? da : 0
    cell[width &+ 1] = offset == Double(width &+ 1) ? da : 0
  }

  /// `(l₀, r₀, l₁, r₁, l₂, r₂, l₃, r₃)`: the left and right numbers of four windows in row order.
  @inline(__always)
  private func interleave(_ left: SIMD4<Double>, _ right: SIMD4<Double>) -> SIMD8<Double> {
    SIMD8(left[0], right[0], left[1], right[1], left[2], right[2], left[3], right[3])
  }
}
