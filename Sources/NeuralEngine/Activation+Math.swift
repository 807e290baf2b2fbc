import Foundation

// MARK: - The formulas, once

extension Activation {
  /// The slope leaky ReLU keeps for negative pre-activations.
  public static let leakySlope = 0.01

  /// A readable name for model descriptions, e.g. `leaky-relu`.
  public var displayName: String { rawValue }

  /// `a = f(z)` for one sample's pre-activations.
  public func callAsFunction(_ preActivations: [Double]) -> [Double] {
    var activations = preActivations
    applyInPlace(&activations, count: preActivations.count)
    return activations
  }

  /// Replaces the first `count` values `z` with `a = f(z)`, allocating nothing.
  public func applyInPlace(_ values: inout [Double], count: Int) {
    values.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      apply(to: base, count: Swift.min(count, buffer.count))
    }
  }

  /// Replaces `count` values `z` at `values` with `a = f(z)`: the one copy of the formulas,
  /// used by activation layers and by views that evaluate a network at many points.
  ///
  /// Softmax treats the `count` values as one vector and subtracts the largest `z` first so
  /// `exp` cannot overflow; sigmoid never evaluates `exp` of a positive number.
  func apply(to values: UnsafeMutablePointer<Double>, count: Int) {
    switch self {
    case .linear:
      return
    case .relu:
      for index in 0..<count where !(values[index] > 0) { values[index] = 0 }
    case .leakyRelu:
      for index in 0..<count where !(values[index] > 0) { values[index] *= Activation.leakySlope }
    case .sigmoid:
      VectorMath.applySigmoid(values, count: count)
    case .tanh:
      VectorMath.applyTanh(values, count: count)
    case .softmax:
      var largest = -Double.infinity
      for index in 0..<count { largest = Swift.max(largest, values[index]) }
      for index in 0..<count { values[index] -= largest }
      VectorMath.applyExp(values, count: count)
      var total = 0.0
      for index in 0..<count { total += values[index] }
      for index in 0..<count { values[index] /= total }
    }
  }

  /// The logistic function `1 / (1 + e^(−z))`, evaluated without overflow for any `z`.
  static func sigmoid(_ z: Double) -> Double { VectorMath.sigmoid(z) }
}
