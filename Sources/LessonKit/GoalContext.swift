import NeuralEngine

/// What a goal can see of a training session; the app adapts its session to this.
public protocol GoalContext {
  /// Loss on the training set at the current parameters (NaN or infinite once diverged).
  var trainLoss: Double { get }
  /// Loss on the test set, if the dataset has one.
  var testLoss: Double? { get }
  /// Fraction 0…1 of test samples classified right (training samples if there is no test
  /// set); nil for regression.
  var accuracy: Double? { get }
  /// Gradient steps taken since the lab was (re)set.
  var stepCount: Int { get }
  /// Whether training has diverged (loss became NaN or infinite, or the session says so).
  var diverged: Bool { get }
  /// The current value of a weight or bias, nil if the network has no such parameter.
  func parameterValue(_ parameter: ParameterID) -> Double?
}

/// A plain snapshot of a session, for tests and for apps that copy values out each tick.
public struct GoalSnapshot: GoalContext, Equatable, Sendable {
  public var trainLoss: Double
  public var testLoss: Double?
  public var accuracy: Double?
  public var stepCount: Int
  public var diverged: Bool
  public var parameters: [ParameterID: Double]

  public init(
    trainLoss: Double, testLoss: Double? = nil, accuracy: Double? = nil, stepCount: Int = 0,
    diverged: Bool = false, parameters: [ParameterID: Double] = [:]
  ) {
    self.trainLoss = trainLoss
    self.testLoss = testLoss
    self.accuracy = accuracy
    self.stepCount = stepCount
    self.diverged = diverged
    self.parameters = parameters
  }

  public func parameterValue(_ parameter: ParameterID) -> Double? { parameters[parameter] }
}

/// Where a goal stands at one moment.
public enum GoalStatus: Equatable, Hashable, Sendable {
  /// Not met yet; keep training.
  case pending
  /// Every condition holds (within the step limit, if any).
  case met
  /// The step limit passed without the conditions holding; reset and try again.
  case missed
}

extension GoalSpec {
  /// Evaluates the goal against the session's current state. Pure: same context, same answer.
  public func evaluate(_ context: some GoalContext) -> GoalStatus {
    if conditionsHold(context), withinSteps.map({ context.stepCount <= $0 }) ?? true {
      return .met
    }
    if let withinSteps, context.stepCount >= withinSteps {
      return .missed
    }
    return .pending
  }

  /// Whether every condition holds now, ignoring `within-steps`.
  public func conditionsHold(_ context: some GoalContext) -> Bool {
    let blownUp = context.diverged || !context.trainLoss.isFinite
    if let diverged, diverged != blownUp { return false }
    if let trainLossBelow {
      guard context.trainLoss.isFinite, context.trainLoss < trainLossBelow else { return false }
    }
    if let testLossBelow {
      guard let testLoss = context.testLoss, testLoss.isFinite, testLoss < testLossBelow else {
        return false
      }
    }
    if let accuracyAbove {
      guard let accuracy = context.accuracy, accuracy > accuracyAbove else { return false }
    }
    for target in weightTargets {
      guard let value = context.parameterValue(target.parameter), value.isFinite,
        abs(value - target.value) <= tolerance
      else { return false }
    }
    return true
  }

  /// Whether the hint should be on screen, given steps taken and seconds since the page opened.
  public func showsHint(_ context: some GoalContext, elapsedSeconds: Double) -> Bool {
    guard hint != nil else { return false }
    if evaluate(context) == .missed { return true }
    if hintAfterSteps == nil, hintAfterSeconds == nil { return true }
    if let hintAfterSteps, context.stepCount >= hintAfterSteps { return true }
    if let hintAfterSeconds, elapsedSeconds >= hintAfterSeconds { return true }
    return false
  }
}
