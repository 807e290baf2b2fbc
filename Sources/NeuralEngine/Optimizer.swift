import Foundation

/// Turns gradients into parameter updates, keeping whatever state its rule needs.
///
/// For a parameter `p` with gradient `g` and learning rate `η`:
/// - `sgd`: `p ← p − η g`;
/// - `momentum`: `v ← μ v + g`, `p ← p − η v` (velocity `v` starts at 0, `μ = momentum`);
/// - `adam`: `t ← t + 1`, `m ← β₁ m + (1 − β₁) g`, `s ← β₂ s + (1 − β₂) g²`,
///   `p ← p − η m̂ / (√ŝ + ε)` with `m̂ = m / (1 − β₁ᵗ)`, `ŝ = s / (1 − β₂ᵗ)`.
///
/// The learning rate may change between any two steps. Changing `kind` clears the moment state.
public struct Optimizer: Equatable, Sendable {
  /// Which rule; setting a different one resets the moments and Adam's step count.
  public var kind: OptimizerKind {
    didSet { if kind != oldValue { reset() } }
  }
  public var learningRate: Double
  /// `μ` for the momentum rule.
  public var momentum: Double = 0.9
  public var beta1: Double = 0.9
  public var beta2: Double = 0.999
  public var epsilon: Double = 1e-8
  /// Adam's `t`: steps taken since the last reset.
  public private(set) var adamStepCount = 0
  /// Velocity (momentum) or first moment (Adam), per layer: weights then biases.
  public private(set) var firstMoments: [[Double]] = []
  /// Adam's second moment, per layer: weights then biases.
  public private(set) var secondMoments: [[Double]] = []

  public init(kind: OptimizerKind, learningRate: Double) {
    self.kind = kind
    self.learningRate = learningRate
  }

  /// Forgets the moments and Adam's step count.
  public mutating func reset() {
    adamStepCount = 0
    firstMoments = []
    secondMoments = []
  }

  /// Applies one step to `network` and returns what changed.
  @discardableResult
  public mutating func apply(_ gradients: Gradients, to network: inout Network) -> ParameterUpdates {
    var updates = ParameterUpdates(zeroFor: network)
    apply(gradients, to: &network, updates: &updates)
    return updates
  }

  /// Applies one step to `network`, writing the changes into `updates` (shaped for `network`).
  public mutating func apply(
    _ gradients: Gradients, to network: inout Network, updates: inout ParameterUpdates
  ) {
    if firstMoments.count != network.layers.count {
      firstMoments = network.layers.map { [Double](repeating: 0, count: $0.parameterCount) }
      secondMoments = firstMoments
    }
    if kind == .adam { adamStepCount += 1 }
    let firstCorrection = 1 - Foundation.pow(beta1, Double(adamStepCount))
    let secondCorrection = 1 - Foundation.pow(beta2, Double(adamStepCount))
    for layerIndex in network.layers.indices {
      let weightCount = network.layers[layerIndex].weights.count
      for index in 0..<weightCount {
        let change = update(
          gradient: gradients.weightGradients[layerIndex][index], layer: layerIndex, slot: index,
          firstCorrection: firstCorrection, secondCorrection: secondCorrection)
        network.layers[layerIndex].weights[index] += change
        updates.weightUpdates[layerIndex][index] = change
      }
      for index in 0..<network.layers[layerIndex].biases.count {
        let change = update(
          gradient: gradients.biasGradients[layerIndex][index], layer: layerIndex,
          slot: weightCount + index, firstCorrection: firstCorrection,
          secondCorrection: secondCorrection)
        network.layers[layerIndex].biases[index] += change
        updates.biasUpdates[layerIndex][index] = change
      }
    }
  }

  /// The change for one parameter with gradient `g`, updating its moments.
  private mutating func update(
    gradient g: Double, layer: Int, slot: Int, firstCorrection: Double, secondCorrection: Double
  ) -> Double {
    switch kind {
    case .sgd:
      return -learningRate * g
    case .momentum:
      let velocity = momentum * firstMoments[layer][slot] + g
      firstMoments[layer][slot] = velocity
      return -learningRate * velocity
    case .adam:
      let first = beta1 * firstMoments[layer][slot] + (1 - beta1) * g
      let second = beta2 * secondMoments[layer][slot] + (1 - beta2) * g * g
      firstMoments[layer][slot] = first
      secondMoments[layer][slot] = second
      let firstEstimate = first / firstCorrection
      let secondEstimate = second / secondCorrection
      return -learningRate * firstEstimate / (secondEstimate.squareRoot() + epsilon)
    }
  }
}
