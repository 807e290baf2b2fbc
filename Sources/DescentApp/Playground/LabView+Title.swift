import LessonKit
import NeuralEngine

extension LabView {
  /// The pane's title on screen for a run on `task`: the boundary view of a regression draws
  /// the fitted curve, and says so.
  func title(for task: LearningTask) -> String {
    switch self {
    case .loss: "Loss"
    case .weights: "Weights"
    case .network: "Network"
    case .bowl: "Loss bowl"
    case .boundary: task == .regression ? "Fitted curve" : "Decision boundary"
    case .accuracy: "Accuracy"
    case .digit: "Digit"
    case .filters: "Filters"
    case .featureMaps: "Feature maps"
    case .convolution: "Convolution"
    case .probabilities: "Probabilities"
    case .confusion: "Confusion (test)"
    case .mistakes: "Still wrong (test)"
    case .draw: "Draw a digit"
    case .unrolled: "Unrolled sequence"
    case .gates: "LSTM gates"
    case .gradientFlow: "Gradient flow"
    case .sequenceFit: "Sequence fit"
    }
  }
}
