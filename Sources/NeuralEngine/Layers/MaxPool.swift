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

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let (width, size, stride) = (window.width, window.size, window.stride)
    let (outputHeight, outputWidth) = (window.outputHeight, window.outputWidth)
    let planeCount = window.height &* width
    var output = buffers.output
    var argmax = buffers.slots[0]
    for sample in 0..<buffers.batch {
      for channel in 0..<window.channels {
        // Indices count inside the sample: the plane starts at `channel·H·W`.
        let planeStart = channel &* planeCount
        let image = buffers.input + (sample &* window.inputCount &+ planeStart)
        for y in 0..<outputHeight {
          for x in 0..<outputWidth {
            // forward: a = max over the window, the first maximum winning ties.
            let corner = y &* stride &* width &+ x &* stride
            var best = image[corner]
            var bestIndex = corner
            for ky in 0..<size {
              let rowStart = corner &+ ky &* width
              for kx in 0..<size where image[rowStart &+ kx] > best {
                best = image[rowStart &+ kx]
                bestIndex = rowStart &+ kx
              }
            }
            output.pointee = best
            argmax.pointee = Double(planeStart &+ bestIndex)
            output += 1
            argmax += 1
          }
        }
      }
    }
  }

  func backward(_ buffers: LayerBuffers) {
    guard let inputGradient = buffers.inputGradient else { return }
    let inputCount = window.inputCount
    let outputCount = outputShape.count
    let argmax = UnsafePointer(buffers.slots[0])
    inputGradient.update(repeating: 0, count: buffers.batch &* inputCount)
    // forward: a = in[argmax], so d in[argmax] += da.
    for sample in 0..<buffers.batch {
      let image = inputGradient + sample &* inputCount
      let start = sample &* outputCount
      for index in start..<(start &+ outputCount) {
        image[Int(argmax[index])] += buffers.outputGradient[index]
      }
    }
  }

  /// `MaxPool(8×6×6→8×3×3, 2×2)`, with ` stride S` when it is not the window size.
  var description: String { "MaxPool(\(window))" }
}
