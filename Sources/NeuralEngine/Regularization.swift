/// A penalty on large weights, added to the loss and to the weight gradients (biases are free).
public enum Regularization: Equatable, Hashable, Sendable, CustomStringConvertible {
  case none
  /// `λ Σ |w|`; gradient `λ sign(w)` (0 at w = 0).
  case l1(Double)
  /// `λ Σ w²`; gradient `2 λ w`.
  case l2(Double)

  /// The penalty for `network`'s weights.
  public func penalty(of network: Network) -> Double {
    switch self {
    case .none:
      return 0
    case .l1(let strength):
      var total = 0.0
      for layer in network.layers { for weight in layer.weights { total += Swift.abs(weight) } }
      return strength * total
    case .l2(let strength):
      var total = 0.0
      for layer in network.layers { for weight in layer.weights { total += weight * weight } }
      return strength * total
    }
  }

  /// Adds the penalty's derivative to every weight gradient.
  public func addGradient(of network: Network, to gradients: inout Gradients) {
    switch self {
    case .none:
      return
    case .l1(let strength):
      for (layerIndex, layer) in network.layers.enumerated() {
        for (index, weight) in layer.weights.enumerated() {
          let sign: Double = weight > 0 ? 1 : (weight < 0 ? -1 : 0)
          gradients.weightGradients[layerIndex][index] += strength * sign
        }
      }
    case .l2(let strength):
      for (layerIndex, layer) in network.layers.enumerated() {
        for (index, weight) in layer.weights.enumerated() {
          gradients.weightGradients[layerIndex][index] += 2 * strength * weight
        }
      }
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
