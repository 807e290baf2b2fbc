/// How many training samples feed one gradient step.
public enum BatchMode: Equatable, Hashable, Sendable {
  /// Every training sample, one step per epoch.
  case fullBatch
  /// Runs of `size` consecutive samples of the epoch's shuffled order.
  case miniBatch(size: Int)
  /// One sample per step.
  case stochastic

  /// Parses the CLI/lesson spelling: `full`, `1`, or a batch size `N`.
  public init?(argument: String) {
    switch argument {
    case "full": self = .fullBatch
    case "1", "stochastic", "sgd": self = .stochastic
    default:
      guard let size = Int(argument), size > 1 else { return nil }
      self = .miniBatch(size: size)
    }
  }
}
