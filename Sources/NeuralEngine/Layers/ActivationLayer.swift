import Foundation

/// Applies an activation function to every number of its input: `a = f(z)`.
///
/// Softmax is the exception: it turns each sample's whole vector into probabilities.
///
///     forward:  a = f(z)
///     backward: dz = da ⊙ f'(z)     (softmax: dz_i = a_i (da_i − Σ_j a_j da_j))
struct ActivationLayer: LayerKind {
  let function: Activation
  let inputShape: TensorShape

  var outputShape: TensorShape { inputShape }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    function.apply(buffers.input, into: buffers.output, rows: buffers.batch, width: inputShape.count)
  }

  func backward(_ buffers: LayerBuffers) {
    guard let dz = buffers.inputGradient else { return }
    // forward: a = f(z), so dz = da ⊙ f′(z) (f′ from z or from a, see `Activation.backpropagate`).
    function.backpropagate(
      buffers.outputGradient, preActivations: buffers.input, activations: buffers.output, into: dz,
      rows: buffers.batch, width: inputShape.count)
  }

  /// `tanh`.
  var description: String { function.rawValue }
}
