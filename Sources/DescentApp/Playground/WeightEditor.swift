import NeuralEngine

/// `e`: a weight or bias chosen with the arrows, and the value being typed for it.
public struct WeightEditor: Equatable, Sendable {
  /// The parameter chosen.
  public var selected: ParameterID
  /// The text typed after Enter; nil while choosing.
  public var entry: String?

  /// The largest size a typed value may have: far beyond any trained weight, small enough that
  /// the loss stays a finite number.
  static let largestValue = 1e6

  /// The keys while choosing, for the notice row.
  static let choosingHelp = "choose: ↑↓ neuron, ←→ input or bias, Enter types a value, Esc done"
  /// The keys while typing.
  static let typingHelp = "type the new value (digits . - e), Enter sets it, Esc goes back"

  /// The value `text` stands for when it is a usable parameter value.
  static func value(of text: String) -> Double? {
    guard let value = Double(text), value.isFinite, abs(value) <= largestValue else { return nil }
    return value
  }
}
