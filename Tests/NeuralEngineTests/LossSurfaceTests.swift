import Testing
@testable import NeuralEngine

/// The loss bowl of the linear unit ŷ = w x + b on `line`.
@Suite struct LossSurfaceTests {
  static let dataset = Dataset.builtIn(.line, seed: 3)
  static let w = ParameterID.weight(layer: 0, output: 0, input: 0)
  static let b = ParameterID.bias(layer: 0, output: 0)

  static func unit() throws -> Network {
    try Network(description: ModelDescription(parsing: "dense 1"), inputShape: [1])
  }

  static func directLoss(_ network: Network) -> Double {
    var total = 0.0
    for row in 0..<dataset.trainInputs.count {
      let prediction = network.predict(Array(dataset.trainInputs[row]))[0]
      let error = prediction - dataset.trainTargets[row][dataset.trainTargets[row].startIndex]
      total += error * error
    }
    return total / Double(dataset.trainInputs.count)
  }

  static func grid(_ network: Network, columns: Int = 121, rows: Int = 61) -> LossGrid {
    LossSurface.sample(
      network: network, inputs: dataset.trainInputs, targets: dataset.trainTargets,
      loss: .meanSquaredError, parameters: (w, b), ranges: (0...4, -1...3), columns: columns,
      rows: rows)
  }

  @Test func gridMinimumIsNearTheLeastSquaresSolution() throws {
    // Least squares for y = w x + b: w = cov(x, y) / var(x), b = ȳ − w x̄.
    let xs = Self.dataset.trainInputs.values
    let ys = Self.dataset.trainTargets.values
    let n = Double(xs.count)
    let meanX = xs.reduce(0, +) / n
    let meanY = ys.reduce(0, +) / n
    var covariance = 0.0
    var variance = 0.0
    for index in xs.indices {
      covariance += (xs[index] - meanX) * (ys[index] - meanY)
      variance += (xs[index] - meanX) * (xs[index] - meanX)
    }
    let bestW = covariance / variance
    let bestB = meanY - bestW * meanX
    let grid = Self.grid(try Self.unit())
    let location = grid.minimumLocation
    #expect(abs(grid.firstValue(column: location.column) - bestW) <= 4.0 / 120)
    #expect(abs(grid.secondValue(row: location.row) - bestB) <= 4.0 / 60)
    #expect(grid.secondValue(row: 0) == 3)
    #expect(grid.firstValue(column: 0) == 0)
    #expect(grid.minimum == grid[column: location.column, row: location.row])
    #expect(grid.maximum > grid.minimum)
  }

  @Test func gridValuesEqualDirectLossEvaluation() throws {
    var network = try Self.unit()
    network[Self.w] = 0.7
    let grid = Self.grid(network)
    for (column, row) in [(0, 0), (30, 45), (60, 30), (120, 60), (97, 12)] {
      var probe = network
      probe[Self.w] = grid.firstValue(column: column)
      probe[Self.b] = grid.secondValue(row: row)
      let direct = Self.directLoss(probe)
      #expect(abs(grid[column: column, row: row] - direct) <= 1e-12 * max(1, direct))
    }
  }

  @Test func generalEvaluationAgreesWithSufficientStatistics() throws {
    // An identity layer in front forces the direct path for the same function of (w, b).
    var twoLayers = try Network(description: ModelDescription(parsing: "dense 1, dense 1"), inputShape: [1])
    twoLayers[.weight(layer: 0, output: 0, input: 0)] = 1
    let direct = LossSurface.sample(
      network: twoLayers, inputs: Self.dataset.trainInputs, targets: Self.dataset.trainTargets,
      loss: .meanSquaredError,
      parameters: (.weight(layer: 1, output: 0, input: 0), .bias(layer: 1, output: 0)),
      ranges: (0...4, -1...3), columns: 13, rows: 7)
    let fast = Self.grid(try Self.unit(), columns: 13, rows: 7)
    for index in fast.values.indices {
      #expect(abs(fast.values[index] - direct.values[index]) <= 1e-12 * max(1, direct.values[index]))
    }
  }

}
