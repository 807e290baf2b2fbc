/// A live view that can sit on the playground or a lab page.
public enum Pane: String, CaseIterable, Sendable, Codable {
  case loss
  case weights
  case network
  case bowl
  case boundary

  var title: String {
    switch self {
    case .loss: "Loss"
    case .weights: "Weights"
    case .network: "Network"
    case .bowl: "Loss bowl"
    case .boundary: "Decision boundary"
    }
  }
}
