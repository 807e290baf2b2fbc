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
    case .unrolled: "Unrolled sequence"
    case .gates: "LSTM gates"
    case .gradientFlow: "Gradient flow"
    case .sequenceFit: "Sequence fit"
    }
  }
}
