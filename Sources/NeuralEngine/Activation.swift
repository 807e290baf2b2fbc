/// The function a layer applies to its pre-activations `z` to get its activations `a = f(z)`.
public enum Activation: String, CaseIterable, Sendable, Codable {
  case linear
  case relu
  case leakyRelu = "leaky-relu"
  case sigmoid
  case tanh
  case softmax
}
