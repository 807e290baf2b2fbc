import NeuralEngine
import Testing

@testable import LessonKit

@Suite struct GoalEvaluationTests {
  let weight = ParameterID.weight(layer: 0, output: 0, input: 0)
  let bias = ParameterID.bias(layer: 0, output: 0)

  @Test func lossBelowIsMetOnlyBelow() {
    let goal = GoalSpec(trainLossBelow: 0.1)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0.2)) == .pending)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0.1)) == .pending)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0.05)) == .met)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: .nan)) == .pending)
  }

  @Test func testLossAndAccuracyNeedValues() {
    let goal = GoalSpec(testLossBelow: 0.5, accuracyAbove: 0.9)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0, testLoss: nil, accuracy: 0.95)) == .pending)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0, testLoss: 0.4, accuracy: nil)) == .pending)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0, testLoss: 0.4, accuracy: 0.9)) == .pending)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0, testLoss: 0.4, accuracy: 0.95)) == .met)
  }

  @Test func weightsWithinTolerance() {
    let goal = GoalSpec(
      weightTargets: [.init(parameter: weight, value: 2), .init(parameter: bias, value: -1)], tolerance: 0.1)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 1, parameters: [weight: 2.05, bias: -0.95])) == .met)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 1, parameters: [weight: 2.2, bias: -1])) == .pending)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 1, parameters: [weight: 2])) == .pending)
  }

  @Test func divergedGoals() {
    let blowUp = GoalSpec(diverged: true)
    #expect(blowUp.evaluate(GoalSnapshot(trainLoss: 3)) == .pending)
    #expect(blowUp.evaluate(GoalSnapshot(trainLoss: 3, diverged: true)) == .met)
    #expect(blowUp.evaluate(GoalSnapshot(trainLoss: .infinity)) == .met)
    let stayCalm = GoalSpec(trainLossBelow: 1, diverged: false)
    #expect(stayCalm.evaluate(GoalSnapshot(trainLoss: 0.5, diverged: true)) == .pending)
    #expect(stayCalm.evaluate(GoalSnapshot(trainLoss: 0.5)) == .met)
  }

  @Test func withinStepsMissesAfterTheLimit() {
    let goal = GoalSpec(trainLossBelow: 0.1, withinSteps: 100)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0.05, stepCount: 100)) == .met)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0.5, stepCount: 99)) == .pending)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0.5, stepCount: 100)) == .missed)
    #expect(goal.evaluate(GoalSnapshot(trainLoss: 0.05, stepCount: 101)) == .missed)
  }

  @Test func hintTiming() {
    let later = GoalSpec(trainLossBelow: 0.1, withinSteps: 500, hint: "h", hintAfterSteps: 200, hintAfterSeconds: 30)
    #expect(!later.showsHint(GoalSnapshot(trainLoss: 1, stepCount: 10), elapsedSeconds: 5))
    #expect(later.showsHint(GoalSnapshot(trainLoss: 1, stepCount: 200), elapsedSeconds: 5))
    #expect(later.showsHint(GoalSnapshot(trainLoss: 1, stepCount: 10), elapsedSeconds: 30))
    #expect(later.showsHint(GoalSnapshot(trainLoss: 1, stepCount: 600), elapsedSeconds: 0))
    #expect(GoalSpec(trainLossBelow: 1, hint: "now").showsHint(GoalSnapshot(trainLoss: 2), elapsedSeconds: 0))
    #expect(!GoalSpec(trainLossBelow: 1).showsHint(GoalSnapshot(trainLoss: 2), elapsedSeconds: 999))
  }

  @Test func parameterNamesResolve() throws {
    let houseFeatures = ["size", "bedrooms", "location"]
    let house = try LabSpec(dataset: .house).trainingConfiguration.buildNetwork()
    func resolve(_ name: String, _ network: Network, _ features: [String]) throws -> ParameterID {
      try ParameterName.resolve(name, in: network, featureNames: features).get()
    }
    #expect(try resolve("w.bedrooms", house, houseFeatures) == .weight(layer: 0, output: 0, input: 1))
    #expect(try resolve("b", house, houseFeatures) == bias)
    #expect(try resolve("w1[0, 2]", house, houseFeatures).description == "w1[0,2]")
    #expect(throws: ParameterName.NameError.self) { try resolve("w", house, houseFeatures) }
    let deep = try LabSpec(dataset: .spiral, hiddenLayers: [8, 4]).trainingConfiguration.buildNetwork()
    #expect(deep.parameterCount == 2 * 8 + 8 + 8 * 4 + 4 + 4 + 1)
    #expect(try resolve("w2[3,7]", deep, ["x1", "x2"]) == .weight(layer: 1, output: 3, input: 7))
    #expect(try resolve("b3[0]", deep, ["x1", "x2"]) == .bias(layer: 2, output: 0))
    for bad in ["w2[4,0]", "w0[0,0]", "b4[0]", "w1[0]", "b1[0,0]", "w1[-1,0]", "w1[0,0", "w", "w.x1", "x"] {
      #expect(throws: ParameterName.NameError.self) { try resolve(bad, deep, ["x1", "x2"]) }
    }
    let cnn = try LabSpec(dataset: .spiral, model: ModelDescription(parsing: "dense 3 tanh, dense 1 sigmoid"))
      .trainingConfiguration.buildNetwork()
    #expect(try resolve("w2[0,2]", cnn, ["x1", "x2"]) == .weight(layer: 1, output: 0, input: 2))
  }
}
