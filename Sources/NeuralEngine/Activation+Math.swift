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
      apply(UnsafePointer(base), into: base, count: Swift.min(count, buffer.count))
    }
  }

  /// Writes `a = f(z)` for `count` values `z` at `source` into `values` (which may be `source`):
  /// the one copy of the formulas, used by activation layers and by views that evaluate a
  /// network at many points.
  ///
  /// Softmax treats the `count` values as one vector and subtracts the largest `z` first so
  /// `exp` cannot overflow; sigmoid never evaluates `exp` of a positive number.
  func apply(_ source: UnsafePointer<Double>, into values: UnsafeMutablePointer<Double>, count: Int) {
    switch self {
    case .linear:
      if UnsafePointer(values) != source { values.update(from: source, count: count) }
    case .relu:
      VectorMath.applyRectifier(source, into: values, count: count, slope: 0)
    case .leakyRelu:
      VectorMath.applyRectifier(source, into: values, count: count, slope: Activation.leakySlope)
    case .sigmoid:
      VectorMath.applySigmoid(source, into: values, count: count)
    case .tanh:
      VectorMath.applyTanh(source, into: values, count: count)
    case .softmax:
      apply(source, into: values, rows: 1, width: count)
    }
  }

  /// Writes `a = f(z)` for `rows` samples of `width` values each: softmax per sample (the
  /// exponentials of the whole batch in one vectorised pass), every other function on all of them.
  func apply(_ source: UnsafePointer<Double>, into values: UnsafeMutablePointer<Double>, rows: Int, width: Int) {
    guard self == .softmax else {
      apply(source, into: values, count: rows * width)
      return
    }
    for row in 0..<rows {
      let z = source + row * width
      let shifted = values + row * width
      var largest = -Double.infinity
      for index in 0..<width { largest = Swift.max(largest, z[index]) }
      for index in 0..<width { shifted[index] = z[index] - largest }
    }
    VectorMath.applyExp(values, count: rows * width)
    for row in 0..<rows {
      let a = values + row * width
      var total = 0.0
      for index in 0..<width { total += a[index] }
      for index in 0..<width { a[index] /= total }
    }
  }

  /// `dz = da ⊙ f′(z)` for `rows` samples of `width` numbers: the one copy of the derivatives,
  /// used by activation layers and by layers that apply an activation inside (residual blocks).
  ///
  /// `z` are the pre-activations and `a = f(z)` the activations of the same pass; each formula
  /// reads whichever is cheaper: the ReLU family reads `z`, sigmoid and tanh read `a`, softmax
  /// (whose Jacobian couples a sample's numbers) reads each sample's `a` as one vector:
  ///
  ///     linear:  f′ = 1
  ///     relu:    f′ = 1 for z > 0, else 0;   leaky-relu: 1 for z > 0, else 0.01
  ///     sigmoid: f′ = a (1 − a);             tanh: f′ = 1 − a²
  ///     softmax: dz_i = a_i (da_i − Σ_j a_j da_j)
  ///
  /// `dz` may be `da` itself (the formulas read each `da` before writing its `dz`).
  @inline(__always)
  func backpropagate(
    _ da: UnsafePointer<Double>, preActivations z: UnsafePointer<Double>, activations a: UnsafePointer<Double>,
    into dz: UnsafeMutablePointer<Double>, rows: Int, width: Int
  ) {
    let count = rows * width
    switch self {
    case .linear:
      if UnsafePointer(dz) != da { dz.update(from: da, count: count) }
    case .relu:
      VectorMath.rectifierGradient(da, preActivations: z, into: dz, count: count, slope: 0)
    case .leakyRelu:
      VectorMath.rectifierGradient(da, preActivations: z, into: dz, count: count, slope: Activation.leakySlope)
    case .sigmoid:
      for index in 0..<count { dz[index] = da[index] * (a[index] * (1 - a[index])) }
    case .tanh:
      for index in 0..<count { dz[index] = da[index] * (1 - a[index] * a[index]) }
    case .softmax:
      for row in 0..<rows {
        let offset = row * width
        var weighted = 0.0
        for index in 0..<width { weighted += a[offset + index] * da[offset + index] }
        for index in 0..<width { dz[offset + index] = a[offset + index] * (da[offset + index] - weighted) }
      }
    }
  }

  /// The logistic function `1 / (1 + e^(−z))`, evaluated without overflow for any `z`.
  static func sigmoid(_ z: Double) -> Double { VectorMath.sigmoid(z) }
}
