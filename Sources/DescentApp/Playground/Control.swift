/// A control a lab can unlock; the playground unlocks them all.
public enum Control: String, CaseIterable, Sendable, Codable {
  case play
  case step
  case learningRate = "learning-rate"
  case batch
  case optimizer
  case activation
  case speed
  case reset
  case seed
}
