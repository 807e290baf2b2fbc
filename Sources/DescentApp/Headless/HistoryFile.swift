import Foundation
import NeuralEngine

/// `--history run.csv`: one row per step (its batch loss and learning rate) and one per epoch
/// (both splits' loss and accuracy), written as training goes so any number of epochs fits. The
/// playground's `w` writes the same columns from its `RunLog`.
public struct HistoryFile {
  private let handle: FileHandle
  private var pending = ""

  public static let header = "kind,step,epoch,batch_loss,train_loss,test_loss,train_accuracy,test_accuracy,learning_rate"

  /// Creates (or empties) the file at `path` and writes the header.
  public init(path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw HistoryError(path: path)
    }
    self.handle = handle
    pending = Self.header + "\n"
  }

  /// Why the history file could not be written.
  public struct HistoryError: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "\(path): cannot be written" }
  }

  /// Adds the row for `event` (written in blocks).
  public mutating func record(_ event: HeadlessTraining.Event) {
    pending += Self.row(for: event) + "\n"
    if pending.utf8.count > 1 << 16 { flush() }
  }

  /// The CSV row of `event`, without its line end: `step` rows hold the batch loss and learning
  /// rate, `epoch` and `evaluation` rows both splits' loss and accuracy.
  static func row(for event: HeadlessTraining.Event) -> String {
    func text(_ value: Double?) -> String { value.map { String($0) } ?? "" }
    let fields: [String]
    switch event {
    case .step(let step, let epoch, let batchLoss, let learningRate):
      fields = ["step", String(step), String(epoch), String(batchLoss), "", "", "", "", String(learningRate)]
    case .epoch(let record, let step), .evaluation(let record, let step):
      let kind = if case .epoch = event { "epoch" } else { "evaluation" }
      fields = [
        kind, String(step), String(record.epoch), "", String(record.trainLoss), text(record.testLoss),
        text(record.trainAccuracy), text(record.testAccuracy), "",
      ]
    }
    return fields.joined(separator: ",")
  }

  /// Writes what is pending.
  public mutating func flush() {
    handle.write(Data(pending.utf8))
    pending = ""
  }

  /// Writes the rest and closes the file.
  public mutating func close() {
    flush()
    try? handle.close()
  }
}
