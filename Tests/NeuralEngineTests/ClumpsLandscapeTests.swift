import Testing
@testable import NeuralEngine

/// The `clumps` dataset gives one tanh neuron a loss with two basins over (w, b): a shallow dip
/// near the usual random start and a deeper valley beyond a ridge. Small steps settle in the
/// dip; a large step jumps the dip and slides down the valley. The learning-rate lesson's
/// local-minimum lab relies on exactly this, from every start the seeds give.
@Suite struct ClumpsLandscapeTests {
  /// One tanh neuron on `clumps`, full batch, mean squared error, from `seed`'s random start.
  static func session(seed: UInt64, learningRate: Double) throws -> TrainingSession {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.clumps, seed: 1), outputActivation: .tanh, loss: .meanSquaredError,
      learningRate: learningRate, batchMode: .fullBatch, seed: seed)
    return try TrainingSession(configuration: configuration)
  }

  /// The training loss after `steps` steps.
  static func settledLoss(seed: UInt64, learningRate: Double, steps: Int = 600) throws -> (loss: Double, w: Double, b: Double) {
    var session = try session(seed: seed, learningRate: learningRate)
    for _ in 0..<steps { session.step() }
    session.evaluate()
    return (session.trainLoss, session.network[.weight(layer: 0, output: 0, input: 0)], session.network[.bias(layer: 0, output: 0)])
  }

  @Test func theSurfaceHasADipAndADeeperValley() throws {
    let session = try Self.session(seed: 1, learningRate: 0.1)
    let grid = session.lossSurface(
      parameters: (.weight(layer: 0, output: 0, input: 0), .bias(layer: 0, output: 0)), ranges: (-4...4, -4...4),
      columns: 81, rows: 81)
    var minima: [(w: Double, b: Double, loss: Double)] = []
    for column in 1..<80 {
      for row in 1..<80 {
        let value = grid[column: column, row: row]
        var lowest = true
        for dc in -1...1 {
          for dr in -1...1 where (dc, dr) != (0, 0) && grid[column: column + dc, row: row + dr] <= value { lowest = false }
        }
        if lowest { minima.append((grid.firstValue(column: column), grid.secondValue(row: row), value)) }
      }
    }
    // Far out, saturated plateaus hold flat spots too, all above the loss of predicting 0
    // everywhere (w = b = 0); below it there are exactly two basins.
    let zero = grid[column: 40, row: 40]
    #expect(grid.firstValue(column: 40) == 0 && grid.secondValue(row: 40) == 0)
    minima.removeAll { $0.loss >= zero }
    #expect(minima.count == 2, "\(minima)")
    let sorted = minima.sorted { $0.loss < $1.loss }
    guard sorted.count == 2 else { return }
    let valley = sorted[0], dip = sorted[1]
    #expect(abs(dip.w + 0.35) < 0.2 && abs(dip.b + 0.25) < 0.2, "the dip sits near the random starts: \(dip)")
    #expect(abs(valley.w + 2) < 0.3 && abs(valley.b + 2) < 0.3, "the valley lies beyond: \(valley)")
    #expect(dip.loss > 1.5 * valley.loss)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
  func smallStepsSettleInTheDipALargeOneFindsTheValley(seed: UInt64) throws {
    for rate in [0.1, 0.3] {
      let small = try Self.settledLoss(seed: seed, learningRate: rate)
      #expect(small.loss > 0.17 && small.loss < 0.21, "η \(rate), seed \(seed): \(small)")
      #expect(small.w > -0.7 && small.w < 0, "η \(rate), seed \(seed): \(small)")
    }
    let large = try Self.settledLoss(seed: seed, learningRate: 1)
    #expect(large.loss < 0.13, "η 1, seed \(seed): \(large)")
    #expect(large.w < -1.5, "η 1, seed \(seed): \(large)")
  }
}
