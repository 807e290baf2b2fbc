/// A square window sliding over an image sample (`[channels, height, width]`): the sizes a
/// convolution and the pooling layers share, checked once when the network is built.
///
/// With window side `K`, stride `S` and `P` zeros of padding on every side, an `H×W` image gives
///
///     OH = ⌊(H + 2P − K) / S⌋ + 1,  OW = ⌊(W + 2P − K) / S⌋ + 1
///
/// output positions; output `(y, x)` covers input rows `y·S − P ..< y·S − P + K` and columns
/// `x·S − P ..< x·S − P + K`.
struct SlidingWindow: Hashable, Sendable, CustomStringConvertible {
  let channels: Int
  let height: Int
  let width: Int
  /// The window's side `K`.
  let size: Int
  let stride: Int
  let padding: Int
  let outputHeight: Int
  let outputWidth: Int

  /// Checks that a `size×size` window (a `kernel` or a `window`, as `name` says) fits `shape`.
  init(input shape: TensorShape, size: Int, stride: Int, padding: Int = 0, name: String) throws(Network.Reason) {
    guard shape.rank == 3 else {
      throw Network.Reason(text: "needs an image input (channels×height×width); got \(shape)")
    }
    let (height, width) = (shape[1], shape[2])
    guard height + 2 * padding >= size, width + 2 * padding >= size else {
      let padded = padding > 0 ? " (\(height + 2 * padding)×\(width + 2 * padding) with padding)" : ""
      throw Network.Reason(text: "the \(height)×\(width) input\(padded) is smaller than the \(size)×\(size) \(name)")
    }
    channels = shape[0]
    self.height = height
    self.width = width
    self.size = size
    self.stride = stride
    self.padding = padding
    outputHeight = (height + 2 * padding - size) / stride + 1
    outputWidth = (width + 2 * padding - size) / stride + 1
  }

  /// A pooling window: no padding, and when the windows tile the image (`stride == size`) the
  /// image must be a whole number of them.
  init(pooling shape: TensorShape, size: Int, stride: Int) throws(Network.Reason) {
    try self.init(input: shape, size: size, stride: stride, name: "window")
    guard stride != size || (height % size == 0 && width % size == 0) else {
      throw Network.Reason(text: "the \(height)×\(width) input is not divisible by \(size)")
    }
  }

  /// Numbers in one input sample.
  var inputCount: Int { channels &* height &* width }
  /// Positions of the window in one channel (`OH·OW`).
  var positions: Int { outputHeight &* outputWidth }

  /// The output positions (along one axis of `side` inputs and `outputs` positions) at which the
  /// window cell `offset` (`ky` or `kx`) lands inside the image rather than on the padding:
  /// those `o` with `0 ≤ o·S + offset − P < side`.
  @inline(__always)
  func insideOutputs(offset: Int, side: Int, outputs: Int) -> Range<Int> {
    let lowest = offset >= padding ? 0 : (padding &- offset &+ stride &- 1) / stride
    let last = side &- 1 &+ padding &- offset
    let end = last < 0 ? 0 : Swift.min(outputs, last / stride &+ 1)
    let start = Swift.min(lowest, end)
    return start..<end
  }

  /// `8×6×6→8×3×3, 2×2 stride 1 pad 1` (stride and padding only when not the default).
  func description(outputChannels: Int, defaultStride: Int) -> String {
    var text = "\(channels)×\(height)×\(width)→\(outputChannels)×\(outputHeight)×\(outputWidth), \(size)×\(size)"
    if stride != defaultStride { text += " stride \(stride)" }
    if padding != 0 { text += " pad \(padding)" }
    return text
  }

  var description: String { description(outputChannels: channels, defaultStride: size) }
}
