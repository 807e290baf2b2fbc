import Foundation

// MARK: - Forward and backward formulas

extension Activation {
  /// The slope leaky ReLU keeps for negative pre-activations.
  public static let leakySlope = 0.01

  /// A readable name for model descriptions, e.g. `leaky-relu`.
  public var displayName: String { rawValue }

  /// `a = f(z)` for one layer's pre-activations.
  public func callAsFunction(_ preActivations: [Double]) -> [Double] {
    var activations = [Double](repeating: 0, count: preActivations.count)
    apply(preActivations, into: &activations)
    return activations
  }

  /// Writes `a = f(z)` into `activations`, which must have the same count as `preActivations`.
  ///
  /// Softmax subtracts the largest `z` first so `exp` cannot overflow; sigmoid picks the branch
  /// whose `exp` argument is not positive.
  func apply(_ preActivations: [Double], into activations: inout [Double]) {
    switch self {
    case .linear:
      for index in preActivations.indices { activations[index] = preActivations[index] }
    case .relu:
      for index in preActivations.indices { activations[index] = Swift.max(0, preActivations[index]) }
    case .leakyRelu:
      for index in preActivations.indices {
        let z = preActivations[index]
        activations[index] = z > 0 ? z : Activation.leakySlope * z
      }
    case .sigmoid:
      for index in preActivations.indices { activations[index] = Activation.sigmoid(preActivations[index]) }
    case .tanh:
      for index in preActivations.indices { activations[index] = Foundation.tanh(preActivations[index]) }
    case .softmax:
      let largest = preActivations.max() ?? 0
      var total = 0.0
      for index in preActivations.indices {
        let e = Foundation.exp(preActivations[index] - largest)
        activations[index] = e
        total += e
      }
      for index in preActivations.indices { activations[index] /= total }
    }
  }

  /// Turns `∂L/∂a` (in `gradient`) into `∂L/∂z` in place.
  ///
  /// `z` are the pre-activations and `a = f(z)` the activations of the same layer. Elementwise
  /// activations multiply by `f'(z)`; softmax multiplies by its Jacobian:
  /// `∂L/∂z_i = a_i (∂L/∂a_i − Σ_j a_j ∂L/∂a_j)`.
  func backward(preActivations z: [Double], activations a: [Double], gradient: inout [Double]) {
    switch self {
    case .linear:
      return
    case .relu:
      for index in gradient.indices where z[index] <= 0 { gradient[index] = 0 }
    case .leakyRelu:
      for index in gradient.indices where z[index] <= 0 { gradient[index] *= Activation.leakySlope }
    case .sigmoid:
      for index in gradient.indices { gradient[index] *= a[index] * (1 - a[index]) }
    case .tanh:
      for index in gradient.indices { gradient[index] *= 1 - a[index] * a[index] }
    case .softmax:
      var weightedSum = 0.0
      for index in gradient.indices { weightedSum += a[index] * gradient[index] }
      for index in gradient.indices { gradient[index] = a[index] * (gradient[index] - weightedSum) }
    }
  }

  /// The logistic function `1 / (1 + e^(−z))`, evaluated without overflow for any `z`.
  static func sigmoid(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + Foundation.exp(-z)) }
    let e = Foundation.exp(z)
    return e / (1 + e)
  }
}
