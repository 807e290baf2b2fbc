/// How starting weights are drawn (biases start at zero).
public enum WeightInitialisation: String, CaseIterable, Sendable, Codable {
  /// U(-0.5, 0.5), as TF Playground does.
  case uniform
  /// Glorot/Xavier uniform: U(±√(6 / (fanIn + fanOut))); suits tanh and sigmoid.
  case xavier
  /// He normal: N(0, 2 / fanIn); suits ReLU.
  case he
}
