/// How a built-in dataset was drawn: enough to draw it again with one thing changed — a new
/// seed, more noise, another train/test split — as the playground's data keys do.
public struct DatasetRecipe: Equatable, Sendable {
  public var name: DatasetName
  /// Seeds the draw (and the digits' shuffle); separate from the weights' seed.
  public var seed: UInt64
  /// Rows drawn; nil for the dataset's default.
  public var sampleCount: Int?
  /// nil for the dataset's standard noise (`Dataset.standardNoise`).
  public var noise: Double?
  /// Time steps of a sequence set; nil for its default.
  public var length: Int?
  /// Share of rows kept for testing (table sets); nil for the dataset's standard split.
  public var testFraction: Double?
  /// Keep only these classes, in both splits.
  public var classes: Set<Int>?
  /// Keep only this many training rows (drawing more rows first when the split holds fewer).
  public var trainSamples: Int?
  /// Move every test image this many pixels right (negative: left).
  public var testShift: Int?

  public init(
    name: DatasetName, seed: UInt64, sampleCount: Int? = nil, noise: Double? = nil, length: Int? = nil,
    testFraction: Double? = nil, classes: Set<Int>? = nil, trainSamples: Int? = nil, testShift: Int? = nil
  ) {
    self.name = name
    self.seed = seed
    self.sampleCount = sampleCount
    self.noise = noise
    self.length = length
    self.testFraction = testFraction
    self.classes = classes
    self.trainSamples = trainSamples
    self.testShift = testShift
  }

  /// The noise the data is drawn with; nil for datasets that take none.
  public var resolvedNoise: Double? {
    guard let standard = Dataset.standardNoise(name) else { return nil }
    return noise ?? standard
  }

  /// The share of rows kept for testing; nil for datasets whose split is fixed.
  public var resolvedTestFraction: Double? {
    guard let standard = Dataset.standardTestFraction(name) else { return nil }
    return testFraction ?? standard
  }

  /// The dataset: drawn, then only the chosen classes, then `trainSamples` training rows, then
  /// the test images shifted.
  public var dataset: Dataset {
    func drawn(sampleCount: Int?) -> Dataset {
      let data = Dataset.builtIn(
        name, seed: seed, sampleCount: sampleCount, noise: noise, length: length, testFraction: testFraction)
      return classes.map { data.keepingClasses($0) } ?? data
    }
    var data = drawn(sampleCount: sampleCount)
    if let trainSamples {
      if trainSamples > data.trainInputs.count, data.trainInputs.count > 0 {
        // Draw enough rows for the training split to hold them all.
        let scale = (trainSamples + data.trainInputs.count - 1) / data.trainInputs.count
        data = drawn(sampleCount: (sampleCount ?? Dataset.defaultSampleCount(name)) * scale)
      }
      data = data.limitingTraining(to: trainSamples)
    }
    if let testShift { data = data.shiftingTestImages(right: testShift) }
    return data
  }
}
