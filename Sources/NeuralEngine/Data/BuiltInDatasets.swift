import Foundation

// MARK: - The built-in datasets

extension Dataset {
  /// A built-in dataset drawn from a generator seeded with `seed`.
  ///
  /// Rows are drawn one after another; regression sets keep the last 20 % as the test split,
  /// classification sets the last 30 % (spiral rows are shuffled first, since its arms are drawn
  /// one after the other). Default sizes: house 1000, coffee 500, line 100, sine 200, clumps
  /// 120, xor 200, circle 400, gaussians 200, spiral 400.
  ///
  /// `noise` replaces the standard deviation of the noise added to a regression target (house
  /// and coffee 0.01, line 0.1, sine and clumps 0.05), to the `sine-wave` series (0.05), or to
  /// each coordinate of a 2-D point (xor and spiral 0.02, circle 0, gaussians 0.25: the spread
  /// of each cloud); digits, adding and recall ignore it. `standardNoise` gives these values.
  ///
  /// `testFraction` replaces the share of rows kept for testing (0.2 for regression, 0.3 for
  /// classification) in the table sets; the image and sequence sets keep their own split.
  ///
  /// The image and sequence sets have their own types, which document them:
  /// - `digits` (`DigitImages`): the 1,797 embedded 8×8 digits, shuffled by the seed, 20 % for
  ///   testing; `sampleCount` keeps that many of the shuffled images.
  /// - `adding` (`AddingProblem`): WORKLOADS W5's sequences; 1,200 by default, the first five
  ///   sixths (1,000) for training, the last sixth (200) for testing.
  /// - `recall` (`RecallTask`): recall a bit marked early in a sequence; 1,250 (20 % test).
  /// - `sine-wave` (`SineWaveSeries`): windows of a noisy sine and the value after each; 1,000
  ///   (20 % test, from a later part of the series).
  ///
  /// `length` sets the number of time steps of a sequence set (defaults: adding 20, recall 30,
  /// sine-wave 20; see `DatasetName.defaultLength`); the other sets ignore it. It must pass
  /// `DatasetName.lengthProblem` (adding: even, ≥ 2).
  public static func builtIn(
    _ name: DatasetName, seed: UInt64, sampleCount: Int? = nil, noise: Double? = nil, length: Int? = nil,
    testFraction: Double? = nil
  ) -> Dataset {
    var generator = SplitMix64(seed: seed)
    let count = Swift.max(2, sampleCount ?? defaultSampleCount(name))
    func noiseScale(_ standard: Double) -> Double { noise ?? standard }
    let tableTestFraction = testFraction ?? standardTestFraction(name) ?? 0.2
    let steps = length ?? name.defaultLength ?? 1
    switch name {
    case .house:
      return regression(
        name: name, features: ["size", "bedrooms", "location"], target: "price", count: count,
        testFraction: tableTestFraction
      ) {
        // Exactly WORKLOADS W1: size, bedrooms, location, noise, in this order.
        let size = generator.uniform()
        let bedrooms = Foundation.floor(5 * generator.uniform()) / 4
        let location = generator.uniform()
        let noise = noiseScale(0.01) * generator.normal()
        return ([size, bedrooms, location], 0.3 * size + 0.2 * bedrooms + 0.5 * location + noise)
      }
    case .coffee:
      return regression(name: name, features: ["coffee", "water", "sugar"], target: "taste", count: count, testFraction: tableTestFraction) {
        // One row per taster: how strongly they notice coffee, water and sugar (0…1 each), and
        // the score they give the hidden ideal cup, `idealCoffeeRecipe` (0.6 coffee, 0.8 water,
        // 0.2 sugar): the sum of amount × how strongly it is noticed. A neuron's three weights
        // are then a recipe, and training moves them to the ideal one.
        let noticed = [generator.uniform(), generator.uniform(), generator.uniform()]
        let noise = noiseScale(0.01) * generator.normal()
        let score = zip(noticed, idealCoffeeRecipe).reduce(0) { $0 + $1.0 * $1.1 }
        return (noticed, score + noise)
      }
    case .line:
      return regression(name: name, features: ["x"], target: "y", count: count, testFraction: tableTestFraction) {
        let x = generator.uniform(-1, 1)
        return ([x], 2 * x + 1 + noiseScale(0.1) * generator.normal())
      }
    case .sine:
      return regression(name: name, features: ["x"], target: "y", count: count, testFraction: tableTestFraction) {
        let x = generator.uniform(-Double.pi, Double.pi)
        return ([x], Foundation.sin(x) + noiseScale(0.05) * generator.normal())
      }
    case .clumps:
      var row = 0
      return regression(name: name, features: ["x"], target: "y", count: count, testFraction: tableTestFraction) {
        // Every 12 rows: 4 round (−1.5, 0.7), 3 round (−0.6, −0.7), 5 round (1.9, −0.5), so
        // both splits hold the clumps in the same shares.
        let clump = Self.clumpCentres[Self.clumpCycle[row % Self.clumpCycle.count]]
        row += 1
        let x = clump.x + generator.uniform(-0.15, 0.15)
        return ([x], clump.y + noiseScale(0.05) * generator.normal())
      }
    case .xor:
      return classification(name: name, count: count, testFraction: tableTestFraction) { _ in
        // Quadrants, kept 0.1 away from the axes; class 1 where the signs differ.
        let x1 = padded(generator.uniform(-1, 1))
        let x2 = padded(generator.uniform(-1, 1))
        let label: Double = (x1 > 0) != (x2 > 0) ? 1 : 0
        let jitter = noiseScale(0.02)
        return ([x1 + jitter * generator.normal(), x2 + jitter * generator.normal()], label)
      }
    case .circle:
      return classification(name: name, count: count, testFraction: tableTestFraction) { index in
        // Even rows inside radius 0.5 (class 1), odd rows in the ring 0.7…1 (class 0); jitter
        // is drawn only when asked for, so the standard set stays as it always was.
        let inner = index % 2 == 0
        let radius = inner ? generator.uniform(0, 0.5) : generator.uniform(0.7, 1)
        let angle = generator.uniform(0, 2 * Double.pi)
        var point = [radius * Foundation.sin(angle), radius * Foundation.cos(angle)]
        if let noise, noise > 0 {
          point[0] += noise * generator.normal()
          point[1] += noise * generator.normal()
        }
        return (point, inner ? 1 : 0)
      }
    case .gaussians:
      return classification(name: name, count: count, testFraction: tableTestFraction) { index in
        // Class 0 around (−0.5, −0.5), class 1 around (0.5, 0.5), standard deviation 0.25.
        let label = Double(index % 2)
        let centre = label == 1 ? 0.5 : -0.5
        let spread = noiseScale(0.25)
        return ([centre + spread * generator.normal(), centre + spread * generator.normal()], label)
      }
    case .spiral:
      let perArm = (count + 1) / 2
      let jitter = noiseScale(0.02)
      return classification(name: name, count: count, testFraction: tableTestFraction, generator: &generator) {
        index, generator in
        // Two arms, 1.75 turns each, radius 0 → 1, a little noise.
        let arm = index < perArm ? 0 : 1
        let position = Double(arm == 0 ? index : index - perArm) / Double(perArm)
        let angle = 1.75 * position * 2 * Double.pi + Double(arm) * Double.pi
        let x1 = position * Foundation.sin(angle) + jitter * generator.normal()
        let x2 = position * Foundation.cos(angle) + jitter * generator.normal()
        return ([x1, x2], Double(arm))
      }
    case .digits:
      return DigitImages.embedded.dataset(using: &generator, sampleCount: count)
    case .adding:
      let testCount = SequenceLayout.testCount(of: count, fraction: AddingProblem.testFraction)
      return AddingProblem.dataset(seed: seed, length: steps, trainCount: count - testCount, testCount: testCount)
    case .recall:
      return RecallTask.dataset(seed: seed, length: steps, count: count)
    case .sineWave:
      return SineWaveSeries.dataset(seed: seed, length: steps, count: count, noise: noiseScale(SineWaveSeries.defaultNoise))
    }
  }

  /// The centres (x, y) of the `clumps` dataset's three clumps, left to right.
  static let clumpCentres: [(x: Double, y: Double)] = [(-1.5, 0.7), (-0.6, -0.7), (1.9, -0.5)]
  /// Which clump each row of a 12-row cycle belongs to: 4 left, 3 middle, 5 right.
  static let clumpCycle = [0, 1, 2, 0, 2, 1, 0, 2, 2, 0, 1, 2]

  /// The amounts of coffee, water and sugar in the ideal cup the `coffee` tasters score.
  public static let idealCoffeeRecipe = [0.6, 0.8, 0.2]

  /// The noise a built-in dataset is drawn with unless told otherwise (see `builtIn`); nil for
  /// the sets that take none (digits, adding, recall).
  public static func standardNoise(_ name: DatasetName) -> Double? {
    switch name {
    case .house, .coffee: return 0.01
    case .line: return 0.1
    case .sine, .clumps: return 0.05
    case .xor, .spiral: return 0.02
    case .circle: return 0
    case .gaussians: return 0.25
    case .sineWave: return SineWaveSeries.defaultNoise
    case .digits, .adding, .recall: return nil
    }
  }

  /// The share of rows a table set keeps for testing unless told otherwise (see `builtIn`); nil
  /// for the image and sequence sets, whose split `testFraction` does not change.
  public static func standardTestFraction(_ name: DatasetName) -> Double? {
    switch name {
    case .house, .coffee, .line, .sine, .clumps: return 0.2
    case .xor, .circle, .gaussians, .spiral: return 0.3
    case .digits, .adding, .recall, .sineWave: return nil
    }
  }

  /// The number of samples a built-in dataset has by default.
  public static func defaultSampleCount(_ name: DatasetName) -> Int {
    switch name {
    case .house: return 1000
    case .coffee: return 500
    case .line: return 100
    case .sine: return 200
    case .clumps: return 120
    case .xor: return 200
    case .circle: return 400
    case .gaussians: return 200
    case .spiral: return 400
    case .digits: return DigitImages.count
    case .adding: return AddingProblem.defaultTrainCount + AddingProblem.defaultTestCount
    case .recall: return RecallTask.defaultCount
    case .sineWave: return SineWaveSeries.defaultCount
    }
  }

  // MARK: - Assembling

  private static func regression(
    name: DatasetName, features: [String], target: String, count: Int, testFraction: Double,
    draw: () -> (features: [Double], target: Double)
  ) -> Dataset {
    var rows: [(features: [Double], target: Double)] = []
    for _ in 0..<count { rows.append(draw()) }
    return split(
      rows, name: name, features: features, target: target, task: .regression, testFraction: testFraction)
  }

  private static func classification(
    name: DatasetName, count: Int, testFraction: Double,
    draw: (Int) -> (features: [Double], target: Double)
  ) -> Dataset {
    var rows: [(features: [Double], target: Double)] = []
    for index in 0..<count { rows.append(draw(index)) }
    return split(
      rows, name: name, features: ["x1", "x2"], target: "class",
      task: .classification(classCount: 2), testFraction: testFraction)
  }

  private static func classification(
    name: DatasetName, count: Int, testFraction: Double, generator: inout SplitMix64,
    draw: (Int, inout SplitMix64) -> (features: [Double], target: Double)
  ) -> Dataset {
    var rows: [(features: [Double], target: Double)] = []
    for index in 0..<count { rows.append(draw(index, &generator)) }
    generator.shuffle(&rows)
    return split(
      rows, name: name, features: ["x1", "x2"], target: "class",
      task: .classification(classCount: 2), testFraction: testFraction)
  }

  private static func split(
    _ rows: [(features: [Double], target: Double)], name: DatasetName, features: [String],
    target: String, task: LearningTask, testFraction: Double
  ) -> Dataset {
    let testCount = Swift.min(rows.count - 1, Swift.max(1, Int((Double(rows.count) * testFraction).rounded())))
    let trainCount = rows.count - testCount
    var trainInputs = Samples(width: features.count)
    var trainTargets = Samples(width: 1)
    var testInputs = Samples(width: features.count)
    var testTargets = Samples(width: 1)
    for (index, row) in rows.enumerated() {
      if index < trainCount {
        trainInputs.append(row.features)
        trainTargets.append([row.target])
      } else {
        testInputs.append(row.features)
        testTargets.append([row.target])
      }
    }
    return Dataset(
      name: name.rawValue, featureNames: features, targetNames: [target], task: task,
      trainInputs: trainInputs, trainTargets: trainTargets, testInputs: testInputs,
      testTargets: testTargets)
  }

  /// Moves `value` 0.1 further from zero, keeping its sign.
  private static func padded(_ value: Double) -> Double {
    value >= 0 ? value + 0.1 : value - 0.1
  }
}
