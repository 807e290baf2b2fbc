import NeuralEngine

import Yams

/// A training checkpoint: a condition on the live session, from a ```` ```goal ```` block.
///
/// Every condition given must hold at once. `within-steps: N` adds that they hold by step N;
/// past it the goal is `missed` until the learner resets.
public struct GoalSpec: Equatable, Sendable {
  /// `train-loss-below`.
  public var trainLossBelow: Double?
  /// `test-loss-below`.
  public var testLossBelow: Double?
  /// `accuracy-above`, a fraction 0…1 of test samples classified right.
  public var accuracyAbove: Double?
  /// `diverged: true` asks the learner to make training blow up; `false` forbids it.
  public var diverged: Bool?
  /// `weights: {w1[0,0]: 0.3, b: 1}`: each within `tolerance` of its value.
  public var weightTargets: [WeightTarget]
  /// How close each weight target must be (default 0.05).
  public var tolerance: Double
  /// `within-steps`.
  public var withinSteps: Int?
  /// Shown once `hint-after-steps` or `hint-after-seconds` has passed (at once if neither is
  /// given), and whenever the goal is missed.
  public var hint: String?
  public var hintAfterSteps: Int?
  public var hintAfterSeconds: Double?
  /// Shown on success.
  public var message: String?
  /// File line of the block's opening fence.
  public var line: Int

  /// One parameter the goal wants near a value.
  public struct WeightTarget: Equatable, Hashable, Sendable {
    public var parameter: ParameterID
    public var value: Double
    public init(parameter: ParameterID, value: Double) {
      self.parameter = parameter
      self.value = value
    }
  }

  public static let defaultTolerance = 0.05

  public init(
    trainLossBelow: Double? = nil, testLossBelow: Double? = nil, accuracyAbove: Double? = nil,
    diverged: Bool? = nil, weightTargets: [WeightTarget] = [],
    tolerance: Double = GoalSpec.defaultTolerance, withinSteps: Int? = nil, hint: String? = nil,
    hintAfterSteps: Int? = nil, hintAfterSeconds: Double? = nil, message: String? = nil,
    line: Int = 0
  ) {
    self.trainLossBelow = trainLossBelow
    self.testLossBelow = testLossBelow
    self.accuracyAbove = accuracyAbove
    self.diverged = diverged
    self.weightTargets = weightTargets
    self.tolerance = tolerance
    self.withinSteps = withinSteps
    self.hint = hint
    self.hintAfterSteps = hintAfterSteps
    self.hintAfterSeconds = hintAfterSeconds
    self.message = message
    self.line = line
  }

  /// Whether the goal states any condition at all.
  public var hasCondition: Bool {
    trainLossBelow != nil || testLossBelow != nil || accuracyAbove != nil || diverged != nil
      || !weightTargets.isEmpty
  }
}
