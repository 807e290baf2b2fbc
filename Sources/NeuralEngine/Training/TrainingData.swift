/// The two splits a session trains and evaluates on, with targets in the network's output form
/// (class indices one-hot where the output has several nodes).
struct TrainingData: Sendable {
  let trainInputs: Samples
  let trainTargets: Samples
  let testInputs: Samples
  let testTargets: Samples
  /// Classes of a classification task; nil for regression.
  let classCount: Int?
  /// Both splits' inputs feature by feature, kept when the first layer reads few features (see
  /// `Network.readsInputsByFeature`); else `.none`.
  let trainColumns: FeatureColumns
  let testColumns: FeatureColumns

  init(dataset: Dataset, outputCount: Int, keepsColumns: Bool = false) {
    trainColumns = keepsColumns ? FeatureColumns(dataset.trainInputs) : .none
    testColumns = keepsColumns ? FeatureColumns(dataset.testInputs) : .none
    trainInputs = dataset.trainInputs
    testInputs = dataset.testInputs
    if case .classification(let count) = dataset.task {
      classCount = count
      trainTargets = Self.encode(dataset.trainTargets, outputCount: outputCount)
      testTargets = Self.encode(dataset.testTargets, outputCount: outputCount)
    } else {
      classCount = nil
      trainTargets = dataset.trainTargets
      testTargets = dataset.testTargets
    }
  }

  /// Class indices as the network's targets: unchanged for one output, one-hot for several.
  static func encode(_ classes: Samples, outputCount: Int) -> Samples {
    guard outputCount > 1 else { return classes }
    var values = [Double](repeating: 0, count: classes.count * outputCount)
    for row in 0..<classes.count {
      let index = Int(exactly: classes.values[row]) ?? -1
      if (0..<outputCount).contains(index) { values[row * outputCount + index] = 1 }
    }
    return Samples(width: outputCount, values: values)
  }

  /// The class a prediction (or target) of `width` numbers at `values` stands for: the first
  /// largest entry, or for one output whether it is at least ½.
  static func classIndex(_ values: UnsafePointer<Double>, width: Int) -> Int {
    if width == 1 { return values[0] >= 0.5 ? 1 : 0 }
    var best = 0
    for index in 1..<width where values[index] > values[best] { best = index }
    return best
  }
}
