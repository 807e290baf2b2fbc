import Foundation

/// A feature computed from a point (x₁, x₂) of 2-D data, the inputs TF Playground lets a learner
/// switch on one by one: with x₁² and x₂² a single neuron can draw a circle, with x₁·x₂ the xor
/// quadrants.
///
/// The raw values are the lesson-file and command-line spellings; `name` is how the screen
/// labels the input (`x₁²`, `sin x₂`).
public enum InputFeature: String, CaseIterable, Equatable, Hashable, Sendable, Codable {
  case x1
  case x2
  case x1Squared = "x1-squared"
  case x2Squared = "x2-squared"
  case x1TimesX2 = "x1-times-x2"
  case sinX1 = "sin-x1"
  case sinX2 = "sin-x2"

  /// The features a network reads when none are engineered: the coordinates themselves.
  public static let plain: [InputFeature] = [.x1, .x2]

  /// The feature's value at the point (x₁, x₂).
  public func value(x1: Double, x2: Double) -> Double {
    switch self {
    case .x1: x1
    case .x2: x2
    case .x1Squared: x1 * x1
    case .x2Squared: x2 * x2
    case .x1TimesX2: x1 * x2
    case .sinX1: Foundation.sin(x1)
    case .sinX2: Foundation.sin(x2)
    }
  }

  /// `x₁`, `x₂`, `x₁²`, `x₂²`, `x₁x₂`, `sin x₁`, `sin x₂`.
  public var name: String {
    switch self {
    case .x1: "x₁"
    case .x2: "x₂"
    case .x1Squared: "x₁²"
    case .x2Squared: "x₂²"
    case .x1TimesX2: "x₁x₂"
    case .sinX1: "sin x₁"
    case .sinX2: "sin x₂"
    }
  }

  /// `features` without repeats, in the order of `allCases` (the order the inputs are drawn).
  public static func ordered(_ features: some Sequence<InputFeature>) -> [InputFeature] {
    let chosen = Set(features)
    return allCases.filter(chosen.contains)
  }

  /// The values of `features` at (x₁, x₂), in their order: one input row of the network.
  public static func row(_ features: [InputFeature], x1: Double, x2: Double) -> [Double] {
    features.map { $0.value(x1: x1, x2: x2) }
  }
}

extension Dataset {
  /// The same points described by `features` of their two coordinates: one input column per
  /// feature, named by `InputFeature.name`, in both splits; targets unchanged. The dataset must
  /// have exactly two inputs (`inputShape == [2]`).
  public func withInputFeatures(_ features: [InputFeature]) -> Dataset {
    precondition(inputShape == [2], "input features are computed from two inputs")
    precondition(!features.isEmpty, "a network needs at least one input feature")
    return Dataset(
      name: name, featureNames: features.map(\.name), targetNames: targetNames, task: task,
      trainInputs: Self.inputFeatureRows(trainInputs, features), trainTargets: trainTargets,
      testInputs: Self.inputFeatureRows(testInputs, features), testTargets: testTargets)
  }

  /// `features` of each two-value row of `samples`: one row of the network's inputs per point.
  public static func inputFeatureRows(_ samples: Samples, _ features: [InputFeature]) -> Samples {
    precondition(samples.width == 2, "input features are computed from two inputs")
    var values: [Double] = []
    values.reserveCapacity(samples.count * features.count)
    for index in 0..<samples.count {
      let point = samples[index]
      values += InputFeature.row(features, x1: point[point.startIndex], x2: point[point.startIndex + 1])
    }
    return Samples(width: features.count, values: values)
  }
}
