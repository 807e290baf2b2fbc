/// Reads any input shape as one vector per sample (channel-major for images: channel, then row,
/// then column). The numbers do not move; only the shape changes.
///
///     forward:  a = x (reshaped)
///     backward: dx = da
struct Flatten: LayerKind {
  let inputShape: TensorShape

  var outputShape: TensorShape { [inputShape.count] }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    buffers.output.update(from: buffers.input, count: buffers.batch * inputShape.count)
  }

  func backward(_ buffers: LayerBuffers) {
    buffers.inputGradient?.update(from: buffers.outputGradient, count: buffers.batch * inputShape.count)
  }

  /// `Flatten(8×3×3→72)`.
  var description: String { "Flatten(\(inputShape)→\(inputShape.count))" }
}
