import LessonKit
import NeuralEngine

/// The playground's part in the memory-and-depth lessons: switching between a lab's networks,
/// picking the unit the sequence views single out, and the panes a sequence task starts with.
extension Playground {
  /// The panes for a sequence dataset (`recall`, `adding`, `sine-wave`), or nil for the others:
  /// the series and its forecast for `sine-wave`, the loss for the rest, then the gradient
  /// through time, the unrolled sequence and, for an LSTM, its gates.
  static func sequencePanes(for configuration: TrainingConfiguration) -> [LabView]? {
    guard let name = DatasetName(rawValue: configuration.dataset.name), name.isSequence else { return nil }
    var panes: [LabView] = name == .sineWave ? [.sequenceFit, .loss] : [.loss]
    panes += [.gradientFlow, .unrolled]
    let hasLSTM = configuration.resolvedModel.layers.contains { spec in
      if case .lstm = spec { return true }
      return false
    }
    if hasLSTM { panes.append(.gates) }
    return panes
  }
}
