import LessonKit

extension LabView {
  /// The pane's title on screen.
  var title: String {
    switch self {
    case .loss: "Loss"
    case .weights: "Weights"
    case .network: "Network"
    case .bowl: "Loss bowl"
    case .boundary: "Decision boundary"
    case .accuracy: "Accuracy"
    case .digit: "Digit"
    case .filters: "Filters"
    case .featureMaps: "Feature maps"
    case .convolution: "Convolution"
    case .probabilities: "Probabilities"
    case .confusion: "Confusion (test)"
    case .mistakes: "Still wrong (test)"
    case .draw: "Draw a digit"
    }
  }
}
