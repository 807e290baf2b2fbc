/// The one setting a race's runs differ in.
public enum RaceSetting: String, CaseIterable, Equatable, Sendable {
  case learningRate = "learning-rate"
  case optimizer
  case batch
  case activation

  /// How the legend and the status line name it.
  public var title: String {
    switch self {
    case .learningRate: "learning rate"
    case .optimizer: "optimizer"
    case .batch: "batch mode"
    case .activation: "activation"
    }
  }
}
