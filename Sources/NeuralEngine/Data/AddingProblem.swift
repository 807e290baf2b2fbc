/// The adding problem (Hochreiter and Schmidhuber, 1997), drawn exactly as WORKLOADS W5 does.
///
/// Each step of a sequence of `T` steps (T even) carries a random value and a marker; two steps
/// are marked, one in each half, and the target is the sum of their values, so a network must
/// hold the first marked value in memory until the end. One generator, seeded with the dataset
/// seed, draws every sequence in turn, in this order:
///
///     v_t = U()                       for t = 0 … T−1
///     p   = floor(T/2 · U())          a step in the first half
///     q   = T/2 + floor(T/2 · U())    a step in the second half
///
/// Step t's input is `(v_t, m_t)` with `m_t = 1` when t is p or q, else 0; the target is
/// `y = v_p + v_q`. For T = 20 these are W5's `floor(10·U())` and `10 + floor(10·U())`.
///
/// The training sequences are drawn first and the test sequences after them from the same
/// generator, so with seed 6006, T = 20 and 1,000 training sequences the training split is
/// W5's data in W5's order. A model that always answers 1 (the mean target) scores an MSE of
/// about 1/6.
public enum AddingProblem {
  /// W5's sequence length.
  public static let defaultLength = 20
  /// W5's 1,000 training sequences.
  public static let defaultTrainCount = 1000
  /// Sequences drawn after the training ones for the test split.
  public static let defaultTestCount = 200
  /// The test split's share of a `sampleCount` given to `Dataset.builtIn`: one sixth, so the
  /// default 1,200 sequences split 1,000 + 200.
  public static let testFraction = 1.0 / 6.0

  /// `trainCount` training then `testCount` test sequences of `length` steps (even, ≥ 2),
  /// drawn from `SplitMix64(seed: seed)`.
  public static func dataset(
    seed: UInt64, length: Int = defaultLength, trainCount: Int = defaultTrainCount,
    testCount: Int = defaultTestCount
  ) -> Dataset {
    SequenceLayout.requireValid(length, for: .adding)
    precondition(trainCount >= 1 && testCount >= 1, "both splits need a sequence")
    var generator = SplitMix64(seed: seed)
    let drawn = SequenceLayout.splits(trainCount: trainCount, testCount: testCount, width: 2 * length) {
      drawSequence(length: length, using: &generator)
    }
    return Dataset(
      name: DatasetName.adding.rawValue,
      featureNames: SequenceLayout.featureNames(["value", "marker"], length: length),
      inputShape: [length, 2], targetNames: ["sum"], task: .regression, trainInputs: drawn.trainInputs,
      trainTargets: drawn.trainTargets, testInputs: drawn.testInputs, testTargets: drawn.testTargets)
  }

  /// One sequence as its input row `(v_0, m_0, v_1, m_1, …)` and its target `v_p + v_q`.
  private static func drawSequence(length: Int, using generator: inout SplitMix64) -> (input: [Double], target: Double) {
    var values = [Double](repeating: 0, count: length)
    for step in 0..<length { values[step] = generator.uniform() }
    let half = length / 2
    let first = Int((Double(half) * generator.uniform()).rounded(.down))
    let second = half + Int((Double(half) * generator.uniform()).rounded(.down))
    var input = [Double](repeating: 0, count: 2 * length)
    for step in 0..<length {
      input[2 * step] = values[step]
      input[2 * step + 1] = step == first || step == second ? 1 : 0
    }
    return (input, values[first] + values[second])
  }
}
