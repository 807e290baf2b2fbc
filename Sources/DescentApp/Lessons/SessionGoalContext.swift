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

  func parameterValue(_ parameter: ParameterReference) -> Double? {
    let layers = session.network.layers
    guard layers.indices.contains(parameter.layerIndex) else { return nil }
    let layer = layers[parameter.layerIndex]
    switch parameter.kind {
    case .weight(let output, let input):
      guard (0..<layer.outputCount).contains(output), (0..<layer.inputCount).contains(input) else { return nil }
      return layer.weight(output: output, input: input)
    case .bias(let output):
      guard (0..<layer.outputCount).contains(output) else { return nil }
      return layer.biases[output]
    }
  }
}
