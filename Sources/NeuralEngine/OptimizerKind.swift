/// Which rule turns gradients into parameter updates.
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
  case sgd
  case momentum
  case nesterov
  case adagrad
  case rmsprop
  case adam
}
