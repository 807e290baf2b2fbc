/// Why a model description cannot be built: one line naming the layer and what is wrong, e.g.
/// `layer 2 'maxpool 3': the 8×8 input is not divisible by 3`.
public struct ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// 1-based position of the item in the description; nil for the description as a whole.
  public var layer: Int?
  /// The item's text as written.
  public var text: String?
  public var reason: String

  public init(layer: Int? = nil, text: String? = nil, reason: String) {
    self.layer = layer
    self.text = text
    self.reason = reason
  }

  public var description: String {
    guard let layer else { return reason }
    return "layer \(layer)" + (text.map { " '\($0)'" } ?? "") + ": \(reason)"
  }
}

/// The largest networks Descent builds, so that no description can allocate gigabytes.
public enum ModelLimits {
  /// Items in one description.
  public static let layers = 32
  /// Neurons in a dense, recurrent, LSTM or residual layer; filters in a convolution.
  public static let width = 1024
  /// Side of a convolution or pooling window.
  public static let kernel = 15
  /// Weights and biases in the whole network (8 MB of numbers).
  public static let parameters = 1_000_000
  /// Numbers one sample produces across all layers and their traces.
  public static let valuesPerSample = 4_000_000
}
