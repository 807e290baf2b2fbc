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
  func apply(_ preActivations: [Double], into activations: inout [Double]) {
    for index in preActivations.indices { activations[index] = preActivations[index] }
    applyInPlace(&activations, count: preActivations.count)
  }

  /// Replaces the first `count` values `z` with `a = f(z)`, allocating nothing: the one copy of
  /// the formulas, shared by the engine and by views that evaluate a network at many points.
  ///
  /// Softmax subtracts the largest `z` first so `exp` cannot overflow; sigmoid picks the branch
  /// whose `exp` argument is not positive.
  public func applyInPlace(_ values: inout [Double], count: Int) {
    switch self {
    case .linear:
      return
    case .relu:
      for index in 0..<count { values[index] = Swift.max(0, values[index]) }
    case .leakyRelu:
      for index in 0..<count where values[index] <= 0 { values[index] *= Activation.leakySlope }
    case .sigmoid:
      for index in 0..<count { values[index] = Activation.sigmoid(values[index]) }
    case .tanh:
      for index in 0..<count { values[index] = Foundation.tanh(values[index]) }
    case .softmax:
      var largest = -Double.infinity
      for index in 0..<count { largest = Swift.max(largest, values[index]) }
      var total = 0.0
      for index in 0..<count {
        values[index] = Foundation.exp(values[index] - largest)
        total += values[index]
      }
      for index in 0..<count { values[index] /= total }
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
