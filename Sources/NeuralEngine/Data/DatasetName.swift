/// The built-in datasets, by the name the CLI and lessons use.
public enum DatasetName: String, CaseIterable, Sendable, Codable {
  case house, coffee, line, xor, circle, gaussians, spiral, sine
  /// The 1,797 8×8 handwritten digits (images, 10 classes).
  case digits
}
