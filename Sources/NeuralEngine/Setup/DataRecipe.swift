/// How a run's data is made: a built-in dataset drawn from a seed, with its variations, or a
/// CSV file. The same recipe draws the same data, bit for bit.
public struct DataRecipe: Equatable, Hashable, Sendable {
  /// Where the rows come from.
  public enum Source: Equatable, Hashable, Sendable {
    case builtIn(DatasetName)
    /// A CSV file and the column to predict (its features are min–max scaled).
    case csv(path: String, target: String)
  }

  public var source: Source
  /// Seeds the drawing of the rows (and a CSV file's split).
  public var seed: UInt64
  /// Rows drawn in all (both splits); nil keeps the dataset's default.
  public var sampleCount: Int?
  /// Standard deviation of the noise on a regression target, a series or the points of a 2-D
  /// set; nil keeps the dataset's own (`Dataset.standardNoise`).
  public var noise: Double?
  /// Time steps per sequence of a sequence dataset; nil keeps its default.
  public var length: Int?
  /// Keep only this many training rows; the test rows stay as they are.
  public var trainSamples: Int?
  /// Keep only the samples of these classes, in both splits.
  public var classes: [Int]?
  /// Move every test image this many pixels right (negative: left).
  public var testShift: Int?
  /// Share of the rows kept for testing in a table set; nil keeps the dataset's own split
  /// (`Dataset.standardTestFraction`).
  public var testFraction: Double?

  public init(
    source: Source, seed: UInt64 = 1, sampleCount: Int? = nil, noise: Double? = nil, length: Int? = nil,
    trainSamples: Int? = nil, classes: [Int]? = nil, testShift: Int? = nil, testFraction: Double? = nil
  ) {
    self.source = source
    self.seed = seed
    self.sampleCount = sampleCount
    self.noise = noise
    self.length = length
    self.trainSamples = trainSamples
    self.classes = classes
    self.testShift = testShift
    self.testFraction = testFraction
  }

  /// The most rows `sampleCount` and `trainSamples` may ask for.
  public static let maximumRows = 100_000

  // MARK: - Checking

  /// Why the recipe cannot be drawn: the setting at fault (as the setup string names it) and
  /// the problem in one line; nil when it can. Reading a CSV file can still fail (`drawn()`).
  public var problem: (field: String, problem: String)? {
    guard case .builtIn(let name) = source else {
      let variations: [(String, Bool)] = [
        ("samples", sampleCount != nil), ("noise", noise != nil), ("length", length != nil),
        ("train-samples", trainSamples != nil), ("classes", classes != nil), ("test-shift", testShift != nil),
        ("test-fraction", testFraction != nil),
      ]
      return variations.first { $0.1 }.map { ($0.0, "applies to the built-in datasets, not to a CSV file") }
    }
    if let sampleCount, !(2...Self.maximumRows).contains(sampleCount) {
      return ("samples", "must be from 2 to \(Self.maximumRows) (got \(sampleCount))")
    }
    if let trainSamples, !(2...Self.maximumRows).contains(trainSamples) {
      return ("train-samples", "must be from 2 to \(Self.maximumRows) (got \(trainSamples))")
    }
    if let noise {
      guard Dataset.standardNoise(name) != nil else {
        let noisy = DatasetName.allCases.filter { Dataset.standardNoise($0) != nil }.map(\.rawValue).joined(separator: ", ")
        return ("noise", "applies to \(noisy), not '\(name.rawValue)'")
      }
      guard noise.isFinite, (0...10).contains(noise) else { return ("noise", "must be a number from 0 to 10 (got \(noise))") }
    }
    if let length {
      guard name.isSequence else {
        let sequences = DatasetName.allCases.filter(\.isSequence).map(\.rawValue).joined(separator: ", ")
        return ("length", "applies to sequence datasets (\(sequences)), not '\(name.rawValue)'")
      }
      if let problem = name.lengthProblem(length) { return ("length", problem) }
    }
    if let classes {
      guard case .classification(let count) = Dataset.builtIn(name, seed: 1, sampleCount: 8).task else {
        return ("classes", "applies to classification datasets, not '\(name.rawValue)'")
      }
      guard !classes.isEmpty else { return ("classes", "needs at least one class") }
      if let outside = classes.first(where: { !(0..<count).contains($0) }) {
        return ("classes", "'\(name.rawValue)' has classes 0 to \(count - 1), not \(outside)")
      }
    }
    if let testFraction {
      guard Dataset.standardTestFraction(name) != nil else {
        return ("test-fraction", "'\(name.rawValue)' keeps its own train/test split")
      }
      guard testFraction.isFinite, testFraction > 0, testFraction < 1 else {
        return ("test-fraction", "must be a share between 0 and 1, such as 0.3 (got \(testFraction))")
      }
    }
    if let testShift {
      guard name == .digits else { return ("test-shift", "applies to image datasets (digits), not '\(name.rawValue)'") }
      guard (-8...8).contains(testShift) else { return ("test-shift", "must be from -8 to 8 pixels (got \(testShift))") }
    }
    return nil
  }

  /// The noise a built-in dataset is drawn with; nil for a CSV file and the sets that take none.
  public var resolvedNoise: Double? {
    guard case .builtIn(let name) = source, let standard = Dataset.standardNoise(name) else { return nil }
    return noise ?? standard
  }

  /// The share of rows kept for testing; nil for a CSV file and the sets whose split is fixed.
  public var resolvedTestFraction: Double? {
    guard case .builtIn(let name) = source, let standard = Dataset.standardTestFraction(name) else { return nil }
    return testFraction ?? standard
  }

  // MARK: - Drawing

  /// The data, and how a CSV file's features were scaled (nil for built-in data).
  public func drawn() throws(CSVError) -> (dataset: Dataset, scaling: FeatureScaling?) {
    switch source {
    case .csv(let path, let target):
      let file: CSVDataset
      do {
        file = try CSVDataset.read(path: path, target: target, seed: seed)
      } catch let error as CSVError {
        throw error
      } catch {
        throw CSVError(fileName: path, line: nil, problem: "\(error)")
      }
      return (file.dataset, file.scaling)
    case .builtIn(let name):
      return (builtInDataset(name), nil)
    }
  }

  /// Built-in dataset `name` drawn with this recipe's seed and variations (its own source is
  /// not consulted: a lab, whose data is always built in, draws without a file to fail).
  ///
  /// Classes are kept before `trainSamples` counts the training rows; when more training rows
  /// are asked for than the default draw holds, enough rows are drawn for the split to hold them.
  public func builtInDataset(_ name: DatasetName) -> Dataset {
    func drawn(sampleCount: Int?) -> Dataset {
      let data = Dataset.builtIn(
        name, seed: seed, sampleCount: sampleCount, noise: noise, length: length, testFraction: testFraction)
      return classes.map { data.keepingClasses(Set($0)) } ?? data
    }
    var data = drawn(sampleCount: sampleCount)
    if let trainSamples {
      if trainSamples > data.trainInputs.count, data.trainInputs.count > 0 {
        let scale = (trainSamples + data.trainInputs.count - 1) / data.trainInputs.count
        data = drawn(sampleCount: (sampleCount ?? Dataset.defaultSampleCount(name)) * scale)
      }
      data = data.limitingTraining(to: trainSamples)
    }
    if let testShift { data = data.shiftingTestImages(right: testShift) }
    return data
  }
}
