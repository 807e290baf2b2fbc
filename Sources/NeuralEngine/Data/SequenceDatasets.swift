/// What the built-in sequence datasets (`adding`, `recall`, `sine-wave`) share.
///
/// A sequence sample has the input shape `[time steps, features]` and is stored row-major: step
/// 0's features, then step 1's, and so on. Every input column gets a name, the feature's name
/// followed by its step (`value0`, `marker0`, `value1`, …), so `featureNames` still has one
/// name per input column.
enum SequenceLayout {
  /// `features` named for each of `length` steps: `value0`, `marker0`, `value1`, `marker1`, ….
  static func featureNames(_ features: [String], length: Int) -> [String] {
    (0..<length).flatMap { step in features.map { "\($0)\(step)" } }
  }

  /// How many of `count` samples form the test split: `fraction` of them, rounded, at least one
  /// and leaving at least one for training.
  static func testCount(of count: Int, fraction: Double) -> Int {
    Swift.min(count - 1, Swift.max(1, Int((Double(count) * fraction).rounded())))
  }

  /// `trainCount + testCount` sequences of `width` numbers with one target each, drawn in order
  /// by `draw`: the first `trainCount` form the training split, the rest the test split.
  static func splits(
    trainCount: Int, testCount: Int, width: Int, draw: () -> (input: [Double], target: Double)
  ) -> (trainInputs: Samples, trainTargets: Samples, testInputs: Samples, testTargets: Samples) {
    var trainInputs = Samples(width: width), trainTargets = Samples(width: 1)
    var testInputs = Samples(width: width), testTargets = Samples(width: 1)
    for index in 0..<(trainCount + testCount) {
      let (input, target) = draw()
      if index < trainCount {
        trainInputs.append(input)
        trainTargets.append([target])
      } else {
        testInputs.append(input)
        testTargets.append([target])
      }
    }
    return (trainInputs, trainTargets, testInputs, testTargets)
  }

  /// Checks a length before drawing; callers validate with `DatasetName.lengthProblem` first.
  static func requireValid(_ length: Int, for name: DatasetName) {
    if let problem = name.lengthProblem(length) { preconditionFailure(problem) }
  }
}
