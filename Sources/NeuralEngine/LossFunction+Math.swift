import Foundation

// MARK: - Loss values and gradients

extension LossFunction {
  /// Predictions are clamped into `[probabilityFloor, 1 − probabilityFloor]` before a logarithm.
  public static let probabilityFloor = 1e-15

  /// The loss of one sample.
  ///
  /// With `k` outputs `ŷ` and targets `y`:
  /// - mean squared error: `(1/k) Σ (ŷ − y)²`;
  /// - binary cross-entropy: `−(1/k) Σ [y log ŷ + (1 − y) log(1 − ŷ)]`, `ŷ` clamped;
  /// - categorical cross-entropy: `−Σ y log ŷ`, `ŷ` clamped.
  public func loss(prediction: [Double], target: ArraySlice<Double>) -> Double {
    let base = target.startIndex
    let count = Double(prediction.count)
    var total = 0.0
    switch self {
    case .meanSquaredError:
      for index in prediction.indices {
        let difference = prediction[index] - target[base + index]
        total += difference * difference
      }
      return total / count
    case .binaryCrossEntropy:
      for index in prediction.indices {
        let p = LossFunction.clamp(prediction[index])
        let y = target[base + index]
        total -= y * Foundation.log(p) + (1 - y) * Foundation.log(1 - p)
      }
      return total / count
    case .categoricalCrossEntropy:
      for index in prediction.indices {
        let y = target[base + index]
        if y != 0 { total -= y * Foundation.log(LossFunction.clamp(prediction[index])) }
      }
      return total
    }
  }

  /// The loss of one sample; `target` as an array.
  public func loss(prediction: [Double], target: [Double]) -> Double {
    loss(prediction: prediction, target: target[...])
  }

  /// `∂L/∂ŷ` for one sample (see `loss(prediction:target:)` for the formulas).
  public func gradient(prediction: [Double], target: ArraySlice<Double>) -> [Double] {
    var gradient = [Double](repeating: 0, count: prediction.count)
    self.gradient(prediction: prediction, target: target, into: &gradient)
    return gradient
  }

  /// `∂L/∂ŷ` for one sample; `target` as an array.
  public func gradient(prediction: [Double], target: [Double]) -> [Double] {
    gradient(prediction: prediction, target: target[...])
  }

  /// Writes `∂L/∂ŷ` into `gradient` (same count as `prediction`).
  func gradient(prediction: [Double], target: ArraySlice<Double>, into gradient: inout [Double]) {
    let base = target.startIndex
    let count = Double(prediction.count)
    for index in prediction.indices {
      let y = target[base + index]
      switch self {
      case .meanSquaredError:
        gradient[index] = 2 * (prediction[index] - y) / count
      case .binaryCrossEntropy:
        let p = LossFunction.clamp(prediction[index])
        gradient[index] = (p - y) / (p * (1 - p)) / count
      case .categoricalCrossEntropy:
        gradient[index] = y == 0 ? 0 : -y / LossFunction.clamp(prediction[index])
      }
    }
  }

  /// Whether this loss after `outputActivation` has a combined, numerically stable form:
  /// softmax + categorical cross-entropy, or sigmoid + binary cross-entropy. Both have
  /// `∂L/∂z = (ŷ − y)` (divided by the output count for binary cross-entropy).
  public func isCombined(with outputActivation: Activation) -> Bool {
    (self == .categoricalCrossEntropy && outputActivation == .softmax)
      || (self == .binaryCrossEntropy && outputActivation == .sigmoid)
  }

  /// The loss computed from the output layer's pre-activations `z` where a stable form exists
  /// (log-sum-exp for softmax + cross-entropy, the logits form
  /// `max(z, 0) − z y + log(1 + e^(−|z|))` for sigmoid + binary cross-entropy); otherwise the
  /// plain loss of the activations `ŷ`.
  func loss(
    preActivations z: [Double], activations prediction: [Double], outputActivation: Activation,
    target: ArraySlice<Double>
  ) -> Double {
    guard isCombined(with: outputActivation) else {
      return loss(prediction: prediction, target: target)
    }
    let base = target.startIndex
    var total = 0.0
    if self == .categoricalCrossEntropy {
      let largest = z.max() ?? 0
      var sum = 0.0
      for value in z { sum += Foundation.exp(value - largest) }
      let logSumExp = largest + Foundation.log(sum)
      for index in z.indices {
        let y = target[base + index]
        if y != 0 { total += y * (logSumExp - z[index]) }
      }
      return total
    }
    for index in z.indices {
      let y = target[base + index]
      total += Swift.max(z[index], 0) - z[index] * y + Foundation.log1p(Foundation.exp(-Swift.abs(z[index])))
    }
    return total / Double(z.count)
  }

  private static func clamp(_ probability: Double) -> Double {
    Swift.min(Swift.max(probability, probabilityFloor), 1 - probabilityFloor)
  }
}
