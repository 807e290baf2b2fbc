import Foundation
import LessonKit
import NeuralEngine
import Testing

@testable import DescentApp

/// Every goal in the shipped lessons can be met by the engine with the lab's own settings.
///
/// Each goal's session is built from its lab (`LabSpec.trainingConfiguration`) and stepped one
/// step at a time, as a learner pressing space would, until the goal is met, the run stops
/// (converged or diverged: the playground pauses then), the goal is missed, or the budget runs
/// out. The budget is the goal's `within-steps`, else `defaultStepBudget`.
///
/// Where the page asks the learner to do something before training (pick a bigger learning rate,
/// say), `learnerActions` does exactly that, keyed by `lesson-id/page-index`.
@Suite struct LessonGoalsReachableTests {
  /// Steps allowed for a goal without `within-steps`: about a minute of a learner watching at
  /// the default speed.
  static let defaultStepBudget = 5_000

  /// What the page text tells the learner to do before training, applied to the fresh session.
  static let learnerActions: [String: @Sendable (inout TrainingSession) -> Void] = [
    // "Press l and type a larger rate … then r": the hint suggests typing 0.3.
    "learning-rate/1": { $0.learningRate = 0.3 },
    // "Keep pressing +": five presses up the playground's ladder from 0.3 (0.33 … 1.5).
    "learning-rate/2": { session in
      for _ in 0..<5 { session.learningRate = LearningRateLadder.above(session.learningRate) }
    },
    // "Press m for ReLU, then space": the lab's second network, trained from the start.
    "vanishing-gradients/2": { session in
      var configuration = session.configuration
      configuration.model = try! ModelDescription(
        parsing: "dense 8 relu, dense 8 relu, dense 8 relu, dense 8 relu, dense 8 relu, dense 8 relu, dense 1 sigmoid")
      session = try! TrainingSession(configuration: configuration)
    },
    // "Press o for Adam".
    "vanishing-gradients/4": { $0.optimizerKind = .adam },
  ]

  struct Outcome: CustomStringConvertible {
    var place: String
    var status: GoalStatus
    var steps: Int
    var detail: String
    var description: String { "\(place): \(status) after \(steps) steps (\(detail))" }
  }

  static func run(lesson: Lesson, page: LessonPage, lab: LabSpec, goal: GoalSpec) -> Outcome {
    let place = "\(lesson.fileName) page \(page.index + 1) (\(lesson.id)/\(page.index))"
    var session = try! TrainingSession(configuration: lab.trainingConfiguration)
    learnerActions["\(lesson.id)/\(page.index)"]?(&session)
    let budget = goal.withinSteps ?? defaultStepBudget
    var status = goal.evaluate(SessionGoalContext(session: session))
    while status == .pending, session.stepCount < budget, session.state == .running {
      session.step(count: 1)
      status = goal.evaluate(SessionGoalContext(session: session))
    }
    let weights = goal.weightTargets.map { target in
      "\(target.parameter)=\(SessionGoalContext(session: session).parameterValue(target.parameter) ?? .nan)"
    }
    let detail = "state \(session.state), train loss \(session.trainLoss), test loss \(session.testLoss ?? .nan), "
      + "accuracy \(SessionGoalContext(session: session).accuracy ?? .nan) \(weights.joined(separator: " "))"
    return Outcome(place: place, status: status, steps: session.stepCount, detail: detail)
  }

  static var goals: [(Lesson, LessonPage, LabSpec, GoalSpec)] {
    var result: [(Lesson, LessonPage, LabSpec, GoalSpec)] = []
    for lesson in DescentModel.embeddedCatalog().lessons {
      for page in lesson.pages {
        guard let lab = page.lab else { continue }
        for case .goal(let goal) in page.checkpoints { result.append((lesson, page, lab, goal)) }
      }
    }
    return result
  }

  @Test func shippedLessonsHaveGoals() {
    #expect(Self.goals.count >= 8)
  }

  /// The pages with a learner action really need it: the lab's own settings do not meet them.
  @Test func learnerActionsAreNeeded() {
    for (lesson, page, lab, goal) in Self.goals where Self.learnerActions["\(lesson.id)/\(page.index)"] != nil {
      var session = try! TrainingSession(configuration: lab.trainingConfiguration)
      let budget = goal.withinSteps ?? Self.defaultStepBudget
      while session.stepCount < budget, session.state == .running {
        session.step(count: 1)
        #expect(goal.evaluate(SessionGoalContext(session: session)) != .met, "\(lesson.id)/\(page.index)")
        if goal.evaluate(SessionGoalContext(session: session)) == .met { break }
      }
    }
  }

  @Test(arguments: 0..<30) func goalIsReachable(index: Int) {
    let goals = Self.goals
    guard index < goals.count else { return }
    let (lesson, page, lab, goal) = goals[index]
    let outcome = Self.run(lesson: lesson, page: page, lab: lab, goal: goal)
    #expect(outcome.status == .met, "\(outcome)")
    if ProcessInfo.processInfo.environment["GOAL_REPORT"] == "1" { print("GOAL \(outcome)") }
  }
}
