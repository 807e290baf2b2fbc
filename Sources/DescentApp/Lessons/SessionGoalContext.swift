import LessonKit
import NeuralEngine

/// What a lesson goal sees of a live training session.
struct SessionGoalContext: GoalContext {
  let session: TrainingSession

  var trainLoss: Double { session.trainLoss }
  var testLoss: Double? { session.testLoss }
  var accuracy: Double? { session.testAccuracy ?? session.trainAccuracy }
  var stepCount: Int { session.stepCount }

  var diverged: Bool {
    if case .diverged = session.state { return true }
    return false
  }

  func parameterValue(_ parameter: ParameterID) -> Double? {
    session.network.position(of: parameter).map { session.network.parameters[$0] }
  }
}
