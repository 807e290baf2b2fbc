import Testing

@testable import NeuralEngine

/// Setting one parameter by hand between steps: the value lands, the optimizer's state stays
/// consistent, the splits are measured at the new value, and training goes on from it exactly.
@Suite struct ParameterEditTests {
  static func circle(_ optimizer: OptimizerKind, shuffles: Bool = true) -> TrainingConfiguration {
    TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), hiddenLayers: [4, 2], optimizer: optimizer, learningRate: 0.05,
      batchMode: .fullBatch, seed: 3, shufflesEachEpoch: shuffles)
  }

  @Test func theValueLandsAndTheSplitsAreMeasuredAtIt() throws {
    var session = try TrainingSession(configuration: Self.circle(.sgd))
    session.step(count: 20)
    let parameter = ParameterID.weight(layer: 1, output: 1, input: 3)
    let before = session.trainLoss
    try session.setParameter(parameter, to: 4.5)
    #expect(session.network[parameter] == 4.5)
    #expect(session.lastEvaluationStep == 20)
    #expect(session.trainLoss != before, "the loss is measured at the new value")
    #expect(session.lastUpdate(parameter) == 0, "an edit is not a step")
    #expect(session.parameterHistory(parameter).last == 4.5, "the sparkline shows the jump")
    #expect(session.stepCount == 20)
  }

  /// With plain SGD on a full batch in a fixed order, a run edited at step 20 and one started
  /// from the edited parameters take exactly the same steps afterwards.
  @Test func trainingGoesOnFromTheEditedValueBitForBit() throws {
    var edited = try TrainingSession(configuration: Self.circle(.sgd, shuffles: false))
    edited.step(count: 20)
    try edited.setParameter(.bias(layer: 0, output: 2), to: -0.75)
    var restarted = Self.circle(.sgd, shuffles: false)
    for block in edited.network.blocks {
      restarted.startingParameters[block.name] = Array(edited.network.parameters[block.range])
    }
    var fresh = try TrainingSession(configuration: restarted)
    edited.step(count: 30)
    fresh.step(count: 30)
    #expect(edited.network.parameters == fresh.network.parameters)
  }

  @Test(arguments: [OptimizerKind.momentum, .nesterov, .adam])
  func theVelocityIsForgottenForThatParameterOnly(optimizer: OptimizerKind) throws {
    var session = try TrainingSession(configuration: Self.circle(optimizer))
    session.step(count: 10)
    let parameter = ParameterID.weight(layer: 0, output: 1, input: 0)
    let position = try #require(session.network.position(of: parameter))
    let moments = session.optimizer.firstMoments
    let squares = session.optimizer.secondMoments
    #expect(moments[position] != 0)
    try session.setParameter(parameter, to: 0.25)
    #expect(session.optimizer.firstMoments[position] == 0)
    for index in moments.indices where index != position { #expect(session.optimizer.firstMoments[index] == moments[index]) }
    #expect(session.optimizer.secondMoments == squares, "Adam's squared gradients stay")
    #expect(session.optimizer.stepCount == 10)
  }

  @Test(arguments: [OptimizerKind.adagrad, .rmsprop])
  func squaredGradientStatisticsStay(optimizer: OptimizerKind) throws {
    var session = try TrainingSession(configuration: Self.circle(optimizer))
    session.step(count: 10)
    let before = session.optimizer
    try session.setParameter(.bias(layer: 2, output: 0), to: 1)
    #expect(session.optimizer == before)
  }

  @Test func badEditsAreRefusedAndChangeNothing() throws {
    var session = try TrainingSession(configuration: Self.circle(.sgd))
    session.step(count: 5)
    let parameters = session.network.parameters
    #expect(throws: TrainingSession.ParameterEditError.noSuchParameter(.weight(layer: 5, output: 0, input: 0))) {
      try session.setParameter(.weight(layer: 5, output: 0, input: 0), to: 1)
    }
    #expect(throws: TrainingSession.ParameterEditError.notFinite) { try session.setParameter(.bias(layer: 0, output: 0), to: .nan) }
    #expect(throws: TrainingSession.ParameterEditError.notFinite) { try session.setParameter(.bias(layer: 0, output: 0), to: -.infinity) }
    #expect(session.network.parameters == parameters)
  }

  /// A value that blows the loss past the divergence bound stops the run, as a step would; a
  /// diverged run refuses further edits.
  @Test func aHugeValueDivergesTheRunAndADivergedRunRefusesEdits() throws {
    var configuration = TrainingConfiguration(dataset: .builtIn(.line, seed: 1), learningRate: 0.1, batchMode: .fullBatch)
    configuration.seed = 1
    var session = try TrainingSession(configuration: configuration)
    session.step(count: 3)
    try session.setParameter(.weight(layer: 0, output: 0, input: 0), to: 9e5)
    guard case .diverged = session.state else {
      Issue.record("expected divergence, got \(session.state)")
      return
    }
    #expect(throws: TrainingSession.ParameterEditError.diverged) { try session.setParameter(.bias(layer: 0, output: 0), to: 0) }
  }

  @Test func everyStepIsReportedOnce() throws {
    var session = try TrainingSession(configuration: Self.circle(.sgd))
    var reports: [TrainingSession.StepReport] = []
    session.step(count: 25) { reports.append($0) }
    #expect(reports.map(\.step) == Array(1...25))
    #expect(reports.last?.batchLoss == session.history.batchLoss.lastValue)
    #expect(reports.allSatisfy { $0.epoch == $0.step }, "a full batch is an epoch per step")
  }
}
