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
    let count = buffers.batch * inputShape.count
    let z = buffers.input
    let a = buffers.output
    a.update(from: z, count: count)
    if function == .softmax {
      let width = inputShape.count
      for row in 0..<buffers.batch { function.apply(to: a + row * width, count: width) }
    } else {
      function.apply(to: a, count: count)
    }
  }

  func backward(_ buffers: LayerBuffers) {
    guard let dz = buffers.inputGradient else { return }
    let count = buffers.batch * inputShape.count
    let z = buffers.input
    let a = UnsafePointer(buffers.output)
    let da = buffers.outputGradient
    switch function {
    case .linear:
      dz.update(from: da, count: count)
    case .relu:
      // forward: a = max(0, z), so f'(z) = 1 for z > 0, else 0.
      for index in 0..<count { dz[index] = z[index] > 0 ? da[index] : 0 }
    case .leakyRelu:
      for index in 0..<count { dz[index] = z[index] > 0 ? da[index] : da[index] * Activation.leakySlope }
    case .sigmoid:
      // forward: a = σ(z), so f'(z) = a (1 − a).
      for index in 0..<count { dz[index] = da[index] * (a[index] * (1 - a[index])) }
    case .tanh:
      // forward: a = tanh z, so f'(z) = 1 − a².
      for index in 0..<count { dz[index] = da[index] * (1 - a[index] * a[index]) }
    case .softmax:
      let width = inputShape.count
      for row in 0..<buffers.batch {
        let offset = row * width
        var weighted = 0.0
        for index in 0..<width { weighted += a[offset + index] * da[offset + index] }
        for index in 0..<width { dz[offset + index] = a[offset + index] * (da[offset + index] - weighted) }
      }
    }
  }

  /// `tanh`.
  var description: String { function.rawValue }
}
