import Foundation

/// The text `descent predict` prints, and that every exported script prints the same way: a
/// header, then one row per input. Regression rows hold each output; classification rows hold
/// the predicted class, then each output (a probability).
public enum PredictionTable {
  /// `price` or `class,p0,p1,…`.
  public static func header(for model: SavedModel) -> String {
    guard model.classCount != nil else { return model.outputNames.joined(separator: ",") }
    let outputs = model.classCount == 2 && model.outputNames.count == 1 ? 1 : model.outputNames.count
    return (["class"] + (0..<outputs).map { outputs == 1 ? "p1" : "p\($0)" }).joined(separator: ",")
  }

  /// One row for the outputs of one input.
  public static func row(_ outputs: ArraySlice<Double>, for model: SavedModel) -> String {
    let values = outputs.map(number)
    guard model.classCount != nil else { return values.joined(separator: ",") }
    let base = outputs.startIndex
    var predicted = 0
    if outputs.count == 1 {
      predicted = outputs[base] >= 0.5 ? 1 : 0
    } else {
      for index in 1..<outputs.count where outputs[base + index] > outputs[base + predicted] { predicted = index }
    }
    return ([String(predicted)] + values).joined(separator: ",")
  }

  /// A number with 17 significant digits (`%.17g`, as Python's `'%.17g' % x`).
  static func number(_ value: Double) -> String { String(format: "%.17g", value) }
}
