import NeuralEngine

/// The values a race's runs take for the one setting they differ in (`descent race --lr
/// 0.01,0.1`, a lab's `race:`), in order, one run per value.
public enum RaceVariation: Equatable, Sendable {
  case learningRates([Double])
  case optimizers([OptimizerKind])
  case batchModes([BatchMode])
  case activations([Activation])

  /// Fewest and most runs a race holds.
  public static let runCounts = 2...6

  public var setting: RaceSetting {
    switch self {
    case .learningRates: .learningRate
    case .optimizers: .optimizer
    case .batchModes: .batch
    case .activations: .activation
    }
  }

  public var count: Int {
    switch self {
    case .learningRates(let values): values.count
    case .optimizers(let values): values.count
    case .batchModes(let values): values.count
    case .activations(let values): values.count
    }
  }

  /// `base` once per value, with that value in place of its own: the same data, seed and
  /// everything else.
  public func configurations(from base: TrainingConfiguration) -> [TrainingConfiguration] {
    func each<Value>(_ values: [Value], _ set: (inout TrainingConfiguration, Value) -> Void) -> [TrainingConfiguration] {
      values.map { value in
        var configuration = base
        set(&configuration, value)
        return configuration
      }
    }
    switch self {
    case .learningRates(let values): return each(values) { $0.learningRate = $1 }
    case .optimizers(let values): return each(values) { $0.optimizer = $1 }
    case .batchModes(let values): return each(values) { $0.batchMode = $1 }
    case .activations(let values): return each(values) { $0.activation = $1 }
    }
  }
}
