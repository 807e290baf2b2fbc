import Foundation

/// Where a training run stands.
public enum TrainingState: Equatable, Sendable {
  /// Still improving (or not yet judged).
  case running
  /// The loss stopped improving; stepping further is allowed.
  case converged
  /// A loss or parameter became NaN, infinite or too large; the run is stopped.
  case diverged(DivergenceReason)
}

/// Why a run was stopped, as a value (views phrase it; tests compare it).
public enum DivergenceReason: Equatable, Sendable, CustomStringConvertible {
  /// A loss became NaN or infinite at a step.
  case lossNotFinite(MonitoredLoss, value: Double, step: Int)
  /// A loss grew beyond the bound at a step.
  case lossExceeded(MonitoredLoss, value: Double, bound: Double, step: Int)
  /// The update of a step would have made a parameter NaN or infinite (it was not applied).
  case gradientNotFinite(step: Int)

  /// The step at which the run was stopped.
  public var step: Int {
    switch self {
    case .lossNotFinite(_, _, let step), .lossExceeded(_, _, _, let step), .gradientNotFinite(let step): step
    }
  }

  /// `loss became NaN at step 12`, `training loss 3.2e9 exceeded the bound 1e6 at step 40`.
  public var description: String {
    switch self {
    case .lossNotFinite(let what, let value, let step):
      return "\(what.rawValue) became \(value.isNaN ? "NaN" : "infinite") at step \(step)"
    case .lossExceeded(let what, let value, let bound, let step):
      return "\(what.rawValue) \(Self.format(value)) exceeded the bound \(Self.format(bound)) at step \(step)"
    case .gradientNotFinite(let step):
      return "the gradient became NaN or infinite at step \(step)"
    }
  }

  /// Short text for reasons: `3.2e9`, `1e6`, `0.5`.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    let text = String(format: "%.3g", value)
    guard let exponentStart = text.firstIndex(of: "e") else { return text }
    let mantissa = text[..<exponentStart]
    var exponent = text[text.index(after: exponentStart)...]
    let negative = exponent.hasPrefix("-")
    exponent = exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" }
    return "\(mantissa)e\(negative ? "-" : "")\(exponent.isEmpty ? "0" : String(exponent))"
  }
}

/// A loss the run monitor watches.
public enum MonitoredLoss: String, Sendable {
  case batch = "loss"
  case training = "training loss"
  case test = "test loss"
}
