import Foundation

/// Predict the next value of a noisy sine wave from the last `T` values.
///
/// One long series is drawn from a generator seeded with the dataset seed: first a phase
/// `φ = U(0, 2π)`, then for t = 0, 1, 2, …
///
///     x_t = sin(2π · t / 25 + φ) + noise · N()
///
/// (a period of 25 steps; noise 0.05 unless the dataset's `noise` says otherwise; the normal
/// draws are made even when noise is 0, so the phase and the series' shape depend on the seed
/// only). A sample is a window of `T` consecutive values (input shape `[T, 1]`, oldest first)
/// and its target is the value right after the window, `x_{s+T}` for the window starting at s.
///
/// The series is cut in two parts that share no value: the training part comes first and gives
/// its windows starting at every step (overlapping, in time order), the test part follows and
/// gives its own windows the same way. No value, input or target, of a test window appears in
/// a training window, so the test split measures forecasting the unseen future of the series.
/// With N samples (20 % of them, rounded, for testing) the series has `N + 2T` values.
///
/// Even a perfect predictor (one that outputs the clean sine) keeps an MSE of about `noise²`
/// (0.0025 by default): the noise of the next value cannot be predicted.
public enum SineWaveSeries {
  /// Values a window holds unless told otherwise.
  public static let defaultLength = 20
  /// 800 training and 200 test windows.
  public static let defaultCount = 1000
  /// Steps per cycle of the sine.
  public static let period = 25.0
  /// The standard deviation of the noise added to every value.
  public static let defaultNoise = 0.05
  /// The share of the windows in the test split.
  public static let testFraction = 0.2

  /// The first `count` values of the noisy series: the phase is drawn first, then one normal
  /// draw per value.
  public static func series(count: Int, noise: Double = defaultNoise, using generator: inout SplitMix64) -> [Double] {
    let phase = generator.uniform(0, 2 * Double.pi)
    var values = [Double](repeating: 0, count: count)
    for step in 0..<count {
      let angle = 2 * Double.pi * Double(step) / period + phase
      values[step] = Foundation.sin(angle) + noise * generator.normal()
    }
    return values
  }

  /// `count` windows of `length` values from one series drawn with `SplitMix64(seed: seed)`:
  /// the first 80 % of the windows from the series' first part, the rest from the part after.
  public static func dataset(
    seed: UInt64, length: Int = defaultLength, count: Int = defaultCount, noise: Double = defaultNoise
  ) -> Dataset {
    SequenceLayout.requireValid(length, for: .sineWave)
    precondition(count >= 2, "both splits need a window")
    var generator = SplitMix64(seed: seed)
    let testCount = SequenceLayout.testCount(of: count, fraction: testFraction)
    let trainCount = count - testCount
    let values = series(count: count + 2 * length, noise: noise, using: &generator)
    let testStart = trainCount + length
    func windows(from start: Int, count windowCount: Int) -> (inputs: Samples, targets: Samples) {
      var inputs = Samples(width: length)
      var targets = Samples(width: 1)
      for first in start..<(start + windowCount) {
        inputs.append(Array(values[first..<(first + length)]))
        targets.append([values[first + length]])
      }
      return (inputs, targets)
    }
    let train = windows(from: 0, count: trainCount)
    let test = windows(from: testStart, count: testCount)
    return Dataset(
      name: DatasetName.sineWave.rawValue, featureNames: SequenceLayout.featureNames(["x"], length: length),
      inputShape: [length, 1], targetNames: ["next"], task: .regression, trainInputs: train.inputs,
      trainTargets: train.targets, testInputs: test.inputs, testTargets: test.targets)
  }
}
