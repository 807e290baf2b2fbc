import Foundation

// MARK: - Loss values and gradients over a batch

extension LossFunction {
  /// Predictions are clamped into `[probabilityFloor, 1 − probabilityFloor]` before a logarithm.
  public static let probabilityFloor = 1e-15

  /// Whether this loss after `outputActivation` has a combined, numerically stable form:
  /// softmax + categorical cross-entropy, or sigmoid + binary cross-entropy. Both have
  /// `∂L/∂z = ŷ − y` (divided by the output count for binary cross-entropy).
  public func isCombined(with outputActivation: Activation) -> Bool {
    (self == .categoricalCrossEntropy && outputActivation == .softmax)
      || (self == .binaryCrossEntropy && outputActivation == .sigmoid)
  }

  /// The summed loss of `batch` samples of `width` outputs, and (when `gradient` is given)
  /// `∂(mean loss)/∂output`, i.e. each sample's derivative times `1 / meanOver`.
  ///
  /// With `logits` (the final activation's input, when `isCombined`), the loss is computed
  /// from them in the stable form — log-sum-exp for softmax (the sum read back from the softmax
  /// output), `max(z, 0) − z y + log(1 + e^(−|z|))` for sigmoid — and the gradient is with
  /// respect to the logits: `(ŷ − y)` (over `width` for binary cross-entropy).
  func evaluate(
    output: UnsafePointer<Double>, logits: UnsafePointer<Double>?, targets: UnsafePointer<Double>,
    batch: Int, width: Int, gradient: UnsafeMutablePointer<Double>?, meanOver: Int
  ) -> Double {
    let count = batch * width
    let scale = 1 / Double(Swift.max(1, meanOver))
    let perOutput = 1 / Double(width)
    var total = 0.0
    switch self {
    case .meanSquaredError:
      return Self.squaredErrors(
        output: output, targets: targets, count: count, gradient: gradient, gradientScale: 2 * perOutput * scale)
        * perOutput
    case .square:
      return 0.5 * Self.squaredErrors(output: output, targets: targets, count: count, gradient: gradient, gradientScale: scale)
    case .binaryCrossEntropy:
      if let z = logits {
        for index in 0..<count {
          let y = targets[index]
          total += Swift.max(z[index], 0) - z[index] * y + Foundation.log1p(Foundation.exp(-Swift.abs(z[index])))
          gradient?[index] = (output[index] - y) * perOutput * scale
        }
      } else {
        for index in 0..<count {
          let p = Self.clamp(output[index])
          let y = targets[index]
          total -= y * Foundation.log(p) + (1 - y) * Foundation.log(1 - p)
          gradient?[index] = (p - y) / (p * (1 - p)) * perOutput * scale
        }
      }
      return total * perOutput
    case .categoricalCrossEntropy:
      for row in 0..<batch {
        let offset = row * width
        if let z = logits {
          // −log softmax(z)ᵢ = log Σⱼ e^(zⱼ − m) + (m − zᵢ) with m the largest logit. The softmax
          // output at that logit is e⁰ / Σ, so the log-sum is −log of it: no exponential again.
          var largest = -Double.infinity
          var top = 0
          for index in 0..<width where z[offset + index] > largest {
            largest = z[offset + index]
            top = index
          }
          let logSum = -Foundation.log(output[offset + top])
          for index in 0..<width {
            let y = targets[offset + index]
            if y != 0 { total += y * (logSum + (largest - z[offset + index])) }
            gradient?[offset + index] = (output[offset + index] - y) * scale
          }
        } else {
          for index in 0..<width {
            let y = targets[offset + index]
            let p = Self.clamp(output[offset + index])
            if y != 0 { total -= y * Foundation.log(p) }
            gradient?[offset + index] = y == 0 ? 0 : -y / p * scale
          }
        }
      }
      return total
    }
  }

  /// The loss of one sample from its prediction `ŷ` (no combined form).
  public func loss(prediction: [Double], target: [Double]) -> Double {
    precondition(prediction.count == target.count, "one target per output")
    return prediction.withReadOnlyBase { output in
      target.withReadOnlyBase { targets in
        evaluate(
          output: output, logits: nil, targets: targets, batch: 1, width: prediction.count, gradient: nil,
          meanOver: 1)
      }
    }
  }

  /// `∂L/∂ŷ` for one sample from its prediction (no combined form).
  public func gradient(prediction: [Double], target: [Double]) -> [Double] {
    precondition(prediction.count == target.count, "one target per output")
    var gradient = [Double](repeating: 0, count: prediction.count)
    prediction.withReadOnlyBase { output in
      target.withReadOnlyBase { targets in
        gradient.withBase { pointer in
          _ = evaluate(
            output: output, logits: nil, targets: targets, batch: 1, width: prediction.count,
            gradient: pointer, meanOver: 1)
        }
      }
    }
    return gradient
  }

  /// The summed loss of a one-output squared-error loss (`.square` or `.meanSquaredError`) from
  /// its summed squared errors: for `LinearModelPass`, which sums the squares itself.
  func ofSquaredErrors(_ sum: Double) -> Double { self == .square ? 0.5 * sum : sum }

  /// `Σ (ŷ − y)²` over `count` numbers, writing `gradientScale · (ŷ − y)` into `gradient` when
  /// given; eight lanes at a time, two sums in flight.
  @inline(__always)
  private static func squaredErrors(
    output: UnsafePointer<Double>, targets: UnsafePointer<Double>, count: Int,
    gradient: UnsafeMutablePointer<Double>?, gradientScale: Double
  ) -> Double {
    var first = SIMD8<Double>()
    var second = SIMD8<Double>()
    let scale = SIMD8<Double>(repeating: gradientScale)
    var index = 0
    while index &+ 16 <= count {
      let a = SIMD8.load(output + index) - SIMD8.load(targets + index)
      let b = SIMD8.load(output + (index &+ 8)) - SIMD8.load(targets + (index &+ 8))
      first = first.adding(a, times: a)
      second = second.adding(b, times: b)
      if let gradient {
        (a * scale).store(to: gradient + index)
        (b * scale).store(to: gradient + (index &+ 8))
      }
      index &+= 16
    }
    var total = (first + second).sum()
    while index < count {
      let difference = output[index] - targets[index]
      total += difference * difference
      gradient?[index] = difference * gradientScale
      index &+= 1
    }
    return total
  }

  private static func clamp(_ probability: Double) -> Double {
    Swift.min(Swift.max(probability, probabilityFloor), 1 - probabilityFloor)
  }
}
