/// How wrong a prediction is, as one number per sample.
public enum LossFunction: String, CaseIterable, Sendable, Codable {
  case meanSquaredError = "mse"
  case binaryCrossEntropy = "bce"
  case categoricalCrossEntropy = "ce"
}
