/// A penalty on large weights, added to the loss and to the weight gradients (biases are free).
public enum Regularization: Equatable, Hashable, Sendable, CustomStringConvertible {
  case none
  /// `λ Σ |w|`; gradient `λ sign(w)` (0 at w = 0).
  case l1(Double)
  /// `λ Σ w²`; gradient `2 λ w`.
  case l2(Double)

  /// The penalty for `network`'s weight blocks.
  public func penalty(of network: Network) -> Double {
    guard self != .none else { return 0 }
    var total = 0.0
    for block in network.blocks where block.role == .weight {
      for index in block.range { total += term(network.parameters[index]) }
    }
    return total
  }

  /// The penalty one weight adds.
  public func term(_ weight: Double) -> Double {
    switch self {
    case .none: return 0
    case .l1(let strength): return strength * Swift.abs(weight)
    case .l2(let strength): return strength * weight * weight
    }
  }

  /// Adds the penalty's derivative for `count` weights to their gradients.
  func addGradient(weights: UnsafePointer<Double>, gradients: UnsafeMutablePointer<Double>, count: Int) {
    switch self {
    case .none:
      return
    case .l1(let strength):
      for index in 0..<count {
        let weight = weights[index]
        gradients[index] += weight > 0 ? strength : (weight < 0 ? -strength : 0)
      }
    case .l2(let strength):
      for index in 0..<count { gradients[index] += 2 * strength * weights[index] }
    }
  }

  /// `none`, `L1(0.001)`, `L2(0.01)`.
  public var description: String {
    switch self {
    case .none: return "none"
    case .l1(let strength): return "L1(\(strength))"
    case .l2(let strength): return "L2(\(strength))"
    }
  }
}
