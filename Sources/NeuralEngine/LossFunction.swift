/// How wrong a prediction is, as one number per sample.
public enum LossFunction: String, CaseIterable, Sendable, Codable {
  /// `(1/k) Σ (ŷ − y)²` over the `k` outputs.
  case meanSquaredError = "mse"
  /// `½ Σ (ŷ − y)²`: TF Playground's "square" loss, whose gradient is just `ŷ − y`.
  case square
  /// `−(1/k) Σ [y log ŷ + (1 − y) log(1 − ŷ)]`.
  case binaryCrossEntropy = "bce"
  /// `−Σ y log ŷ`.
  case categoricalCrossEntropy = "ce"
}
