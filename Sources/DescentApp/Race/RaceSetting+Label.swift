import LessonKit
import NeuralEngine

extension RaceSetting {
  /// The value of this setting in `configuration`, as a run of a race is named: `0.01`, `adam`,
  /// `mini-batch 8`, `relu`.
  func label(of configuration: TrainingConfiguration) -> String {
    switch self {
    case .learningRate: formatLearningRate(configuration.learningRate)
    case .optimizer: configuration.optimizer.rawValue
    case .batch: configuration.batchMode.label
    case .activation: configuration.activation.rawValue
    }
  }
}
