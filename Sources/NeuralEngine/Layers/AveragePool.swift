/// Average pooling: each channel of a `C×H×W` image is covered by `K×K` windows `S` apart
/// (`S = K` unless given), and each window passes on the mean of its numbers, giving `C×OH×OW`
/// with `OH = ⌊(H − K) / S⌋ + 1`, likewise `OW`.
///
///     forward:  a[c][y][x] = (1 / K²) Σ_{ky, kx} in[c][y·S + ky][x·S + kx]
///     backward: d in[c][y·S + ky][x·S + kx] += da[c][y][x] / K²   for every window cell
struct AveragePool: LayerKind {
  let window: SlidingWindow

  var inputShape: TensorShape { [window.channels, window.height, window.width] }
  var outputShape: TensorShape { [window.channels, window.outputHeight, window.outputWidth] }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let (width, size, stride) = (window.width, window.size, window.stride)
    let (outputHeight, outputWidth) = (window.outputHeight, window.outputWidth)
    let planeCount = window.height &* width
    let scale = 1 / Double(size &* size)
    var output = buffers.output
    // Channels of every sample, one plane after another.
    for plane in 0..<(buffers.batch &* window.channels) {
      let image = buffers.input + plane &* planeCount
      for y in 0..<outputHeight {
        for x in 0..<outputWidth {
          // forward: a = (1 / K²) Σ over the window.
          let corner = image + (y &* stride &* width &+ x &* stride)
          var sum = 0.0
          for ky in 0..<size {
            let row = corner + ky &* width
            for kx in 0..<size { sum += row[kx] }
          }
          output.pointee = sum * scale
          output += 1
        }
      }
    }
  }

  func backward(_ buffers: LayerBuffers) {
    guard let inputGradient = buffers.inputGradient else { return }
    let (width, size, stride) = (window.width, window.size, window.stride)
    let (outputHeight, outputWidth) = (window.outputHeight, window.outputWidth)
    let planeCount = window.height &* width
    let scale = 1 / Double(size &* size)
    var outputGradient = UnsafePointer(buffers.outputGradient)
    inputGradient.update(repeating: 0, count: buffers.batch &* window.inputCount)
    for plane in 0..<(buffers.batch &* window.channels) {
      let image = inputGradient + plane &* planeCount
      for y in 0..<outputHeight {
        for x in 0..<outputWidth {
          // forward: a = (1 / K²) Σ over the window, so each cell gets da / K².
          let share = outputGradient.pointee * scale
          let corner = image + (y &* stride &* width &+ x &* stride)
          for ky in 0..<size {
            let row = corner + ky &* width
            for kx in 0..<size { row[kx] += share }
          }
          outputGradient += 1
        }
      }
    }
  }

  /// `AvgPool(8×6×6→8×3×3, 2×2)`, with ` stride S` when it is not the window size.
  var description: String { "AvgPool(\(window))" }
}
