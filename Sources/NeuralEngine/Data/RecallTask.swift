/// Recall one bit across a long gap: the task a simple recurrent network fails and an LSTM
/// solves.
///
/// A sequence of `T` steps carries a random bit at every step (input channel 0: 0 or 1) and a
/// marker (channel 1) at exactly one step, which sits early: in the first quarter, steps
/// `0 ..< max(1, T/4)`. The target, read after the last step, is the marked bit (2 classes:
/// one output with a sigmoid). Between the marker and the end come at least `T − T/4` more
/// random bits, so the network has to keep one bit unchanged while ignoring everything after
/// it, and the gradient that teaches it to keep the bit has to cross that whole gap.
///
/// Sized for the contrast between recurrent layers: with 16 units, Adam (lr 0.003), batches of 32
/// and 60 epochs of the 1,000 training sequences, a float64 PyTorch model initialised as the
/// engine initialises showed that an `rnn` solves length 10 but stays near chance at 30 (11 of 12
/// initialisations below 70 % test accuracy), while an `lstm` reaches 100 % at 30 from about 4
/// initialisations in 5. The others are thrown back to chance by the gradient burst (norms of
/// 50–800) that comes when the memory forms; clipping the gradient norm at 1 rescued every one
/// tried, and does not help the `rnn`. With full-batch steps (60 updates in all) the `lstm` stays
/// near 77 %.
///
/// One generator, seeded with the dataset seed, draws every sequence in turn, in this order:
/// the bits `b_t = U() < 0.5 ? 0 : 1` for t = 0 … T−1, then the marked step
/// `p = floor(max(1, T/4) · U())`. Step t's input is `(b_t, m_t)` with `m_t = 1` at p, else 0;
/// the target is `b_p`. The first 80 % of the sequences drawn are the training split, the
/// last 20 % the test split. Both classes are equally likely.
public enum RecallTask {
  /// Long enough that a simple RNN fails where an LSTM succeeds.
  public static let defaultLength = 30
  /// 1,000 training and 250 test sequences.
  public static let defaultCount = 1250
  /// The share of the sequences in the test split.
  public static let testFraction = 0.2

  /// How many early steps may hold the marker: the first quarter, at least one.
  public static func markerSpan(length: Int) -> Int {
    Swift.max(1, length / 4)
  }

  /// `count` sequences of `length` steps drawn from `SplitMix64(seed: seed)`, the last 20 %
  /// (rounded) as the test split.
  public static func dataset(seed: UInt64, length: Int = defaultLength, count: Int = defaultCount) -> Dataset {
    SequenceLayout.requireValid(length, for: .recall)
    precondition(count >= 2, "both splits need a sequence")
    var generator = SplitMix64(seed: seed)
    let trainCount = count - SequenceLayout.testCount(of: count, fraction: testFraction)
    let span = markerSpan(length: length)
    var input = [Double](repeating: 0, count: 2 * length)
    let drawn = SequenceLayout.splits(trainCount: trainCount, testCount: count - trainCount, width: 2 * length) {
      for step in 0..<length {
        input[2 * step] = generator.uniform() < 0.5 ? 0 : 1
        input[2 * step + 1] = 0
      }
      let marked = Int((Double(span) * generator.uniform()).rounded(.down))
      input[2 * marked + 1] = 1
      return (input, input[2 * marked])
    }
    return Dataset(
      name: DatasetName.recall.rawValue,
      featureNames: SequenceLayout.featureNames(["bit", "marker"], length: length),
      inputShape: [length, 2], targetNames: ["bit"], task: .classification(classCount: 2),
      trainInputs: drawn.trainInputs, trainTargets: drawn.trainTargets, testInputs: drawn.testInputs,
      testTargets: drawn.testTargets)
  }
}
