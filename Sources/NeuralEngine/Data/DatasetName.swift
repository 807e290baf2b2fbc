/// The built-in datasets, by the name the CLI and lessons use.
public enum DatasetName: String, CaseIterable, Sendable, Codable {
  case house, coffee, line, xor, circle, gaussians, spiral, sine
}
