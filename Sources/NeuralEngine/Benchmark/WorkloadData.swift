import Foundation

/// The data of the workloads, generated exactly as `WORKLOADS.md` specifies (every sample in
/// the training split: the workloads train on all of it).
enum WorkloadData {
  /// W1: 1,000 houses from seed 1 — the `house` dataset's rows, all used for training.
  static func houses() -> Dataset {
    let house = Dataset.builtIn(.house, seed: 1, sampleCount: 1000)
    return everythingTrains(house)
  }

  /// W2: TF Playground's `classifyCircleData(500, noise = 0)` from seed 2, shuffled; raw
  /// coordinates, targets +1 inside and −1 outside.
  static func playgroundCircle() -> Dataset {
    var generator = SplitMix64(seed: 2)
    var points: [(Double, Double, Double)] = []
    for (low, high) in [(0.0, 2.5), (3.5, 5.0)] {
      for _ in 0..<250 {
        let r = generator.uniform(low, high)
        let angle = generator.uniform(0, 6.283185307179586)
        let x1 = r * Foundation.sin(angle)
        let x2 = r * Foundation.cos(angle)
        points.append((x1, x2, (x1 * x1 + x2 * x2).squareRoot() < 2.5 ? 1 : -1))
      }
    }
    generator.shuffle(&points)
    return signedRegression(name: "w2-circle", points)
  }

  /// W3: TF Playground's `classifySpiralData(1000, noise = 0)` (no randomness).
  static func playgroundSpiral() -> Dataset {
    var points: [(Double, Double, Double)] = []
    let n = 500
    for (label, delta) in [(1.0, 0.0), (-1.0, Double.pi)] {
      for i in 0..<n {
        let r = Double(i) / Double(n) * 5
        let t = 1.75 * Double(i) / Double(n) * 2 * Double.pi + delta
        points.append((r * Foundation.sin(t), r * Foundation.cos(t), label))
      }
    }
    return signedRegression(name: "w3-spiral", points)
  }

  /// W4: the 1,797 digits in file order, pixels / 16.
  static func digits() -> Dataset {
    let digits = DigitImages.embedded
    return Dataset(
      name: "w4-digits", featureNames: DigitImages.pixelNames, inputShape: DigitImages.imageShape,
      targetNames: ["digit"], task: .classification(classCount: DigitImages.classCount), trainInputs: digits.images,
      trainTargets: digits.labels, testInputs: Samples(width: digits.images.width), testTargets: Samples(width: 1))
  }

  /// W5: the adding problem's 1,000 training sequences of 20 steps from seed 6006.
  static func adding() -> Dataset {
    var data = AddingProblem.dataset(seed: 6006, length: 20)
    data.testInputs = Samples(width: data.trainInputs.width)
    data.testTargets = Samples(width: 1)
    return data
  }

  /// Points with ±1 targets, fitted as numbers (TF Playground's square loss on a tanh output).
  private static func signedRegression(name: String, _ points: [(Double, Double, Double)]) -> Dataset {
    Dataset(
      name: name, featureNames: ["x1", "x2"], targetNames: ["label"], task: .regression,
      trainInputs: Samples(width: 2, values: points.flatMap { [$0.0, $0.1] }),
      trainTargets: Samples(width: 1, values: points.map(\.2)), testInputs: Samples(width: 2),
      testTargets: Samples(width: 1))
  }

  /// The same rows with the test split moved, in order, behind the training split.
  private static func everythingTrains(_ dataset: Dataset) -> Dataset {
    var merged = dataset
    merged.trainInputs = Samples(
      width: dataset.trainInputs.width, values: dataset.trainInputs.values + dataset.testInputs.values)
    merged.trainTargets = Samples(
      width: dataset.trainTargets.width, values: dataset.trainTargets.values + dataset.testTargets.values)
    merged.testInputs = Samples(width: dataset.trainInputs.width)
    merged.testTargets = Samples(width: dataset.trainTargets.width)
    return merged
  }
}
