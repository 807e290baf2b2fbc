import LessonKit
import NeuralEngine

/// A number on the status line that a page can ask to keep in view when space is short.
///
/// The status line drops its less important fields until the rest fit; a lab page whose text is
/// about one of these (its goal is judged on it, or it lets the learner change it) keeps it
/// ahead of the others.
public enum StatusField: String, CaseIterable, Hashable, Sendable {
  /// Training and test accuracy (classification).
  case accuracy
  /// The loss on the test data.
  case testLoss
  /// Completed passes over the training data.
  case epoch
  /// Full batch, mini-batch or single sample.
  case batchMode
  /// The update rule (sgd, momentum, adam, …).
  case optimizer

  /// The fields a lab's page is about: accuracy for a classifier, what its goals are judged on,
  /// what its keys change (unless it unlocks every key), and an optimizer other than plain
  /// gradient descent (a lab that uses Adam says so).
  public static func emphasised(by lab: LabSpec, goals: [GoalSpec]) -> Set<StatusField> {
    var fields: Set<StatusField> = []
    if goals.contains(where: { $0.accuracyAbove != nil }) { fields.insert(.accuracy) }
    if goals.contains(where: { $0.testLossBelow != nil }) || lab.trainSamples != nil { fields.insert(.testLoss) }
    let unlocksEverything = lab.controls == Set(LabControl.allCases)
    if !unlocksEverything, lab.controls.contains(.batch) || (lab.batch.map { $0 != .fullBatch } ?? false) {
      fields.formUnion([.batchMode, .epoch])
    }
    if !unlocksEverything, lab.controls.contains(.optimizer) { fields.insert(.optimizer) }
    if let optimizer = lab.optimizer, optimizer != .sgd { fields.insert(.optimizer) }
    if lab.dataset.isClassification { fields.insert(.accuracy) }
    return fields
  }
}
