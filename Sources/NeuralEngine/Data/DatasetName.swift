/// The built-in datasets, by the name the CLI and lessons use.
public enum DatasetName: String, CaseIterable, Sendable, Codable {
  case house, coffee, line, xor, circle, gaussians, spiral, sine

  /// Whether the dataset asks for classes (accuracy applies) rather than numbers.
  public var isClassification: Bool {
    switch self {
    case .house, .coffee, .line, .sine: false
    case .xor, .circle, .gaussians, .spiral: true
    }
  }
}
