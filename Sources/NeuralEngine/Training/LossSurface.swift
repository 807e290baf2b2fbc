/// Samples the loss over a grid of two parameters while every other parameter stays fixed.
public enum LossSurface {
  /// The mean loss (plus `regularization`'s penalty) of `network` on `inputs`/`targets`, with
  /// `parameters.0` swept over `ranges.0` (columns) and `parameters.1` over `ranges.1` (rows);
  /// see `LossGrid` for the orientation.
  ///
  /// Targets are in the network's output form (class indices already one-hot where the output
  /// has several nodes). A single linear neuron under mean squared error uses sufficient
  /// statistics, `O(samples)` once and `O(1)` per grid point; other networks are evaluated
  /// directly, one batched forward pass over the samples per grid point.
  public static func sample(
    network: Network, inputs: Samples, targets: Samples, loss: LossFunction,
    parameters: (ParameterID, ParameterID), ranges: (ClosedRange<Double>, ClosedRange<Double>),
    columns: Int, rows: Int, regularization: Regularization = .none
  ) -> LossGrid {
    var grid = LossGrid(columns: columns, rows: rows, firstRange: ranges.0, secondRange: ranges.1)
    guard let first = network.position(of: parameters.0), let second = network.position(of: parameters.1) else {
      return grid
    }
    let isLinearUnit =
      network.layers.count == 1 && network.layers[0].isDense && network.outputCount == 1
      && loss == .meanSquaredError
    if isLinearUnit {
      sampleLinearUnit(
        network: network, inputs: inputs, targets: targets, positions: (first, second),
        regularization: regularization, into: &grid)
    } else {
      sampleDirectly(
        network: network, inputs: inputs, targets: targets, loss: loss, positions: (first, second),
        regularization: regularization, into: &grid)
    }
    return grid
  }

  // MARK: - Sufficient statistics for ŷ = w · x + b

  /// For `ŷ = u φ_u + v φ_v + r` with the swept parameters `u`, `v` (feature `φ = 1` for the
  /// bias) and the rest `r`, and `q = r − y`, the mean squared error is
  /// `E[φ_u²] u² + E[φ_v²] v² + 2 E[φ_u φ_v] u v + 2 E[φ_u q] u + 2 E[φ_v q] v + E[q²]`.
  private static func sampleLinearUnit(
    network: Network, inputs: Samples, targets: Samples, positions: (Int, Int),
    regularization: Regularization, into grid: inout LossGrid
  ) {
    let inputCount = network.inputCount
    var fixed = network.parameters
    fixed[positions.0] = 0
    fixed[positions.1] = 0
    /// Weights sit at 0..<inputCount, the bias at inputCount.
    func feature(_ position: Int, _ row: Int) -> Double {
      position < inputCount ? inputs.values[row * inputCount + position] : 1
    }
    var uu = 0.0, vv = 0.0, uv = 0.0, uq = 0.0, vq = 0.0, qq = 0.0
    for row in 0..<inputs.count {
      var rest = fixed[inputCount]
      for input in 0..<inputCount { rest += fixed[input] * inputs.values[row * inputCount + input] }
      let q = rest - targets.values[row]
      let featureU = feature(positions.0, row)
      let featureV = feature(positions.1, row)
      uu += featureU * featureU
      vv += featureV * featureV
      uv += featureU * featureV
      uq += featureU * q
      vq += featureV * q
      qq += q * q
    }
    let count = Double(Swift.max(1, inputs.count))
    uu /= count; vv /= count; uv /= count; uq /= count; vq /= count; qq /= count
    var fixedPenalty = 0.0
    for position in 0..<inputCount { fixedPenalty += regularization.term(fixed[position]) }
    func penalty(_ position: Int, _ value: Double) -> Double {
      position < inputCount ? regularization.term(value) : 0
    }
    for row in 0..<grid.rows {
      let v = grid.secondValue(row: row)
      for column in 0..<grid.columns {
        let u = grid.firstValue(column: column)
        let quadratic = uu * u * u + vv * v * v + 2 * uv * u * v + 2 * uq * u + 2 * vq * v + qq
        grid.values[row * grid.columns + column] =
          Swift.max(0, quadratic) + fixedPenalty + penalty(positions.0, u) + penalty(positions.1, v)
      }
    }
  }

  // MARK: - Direct evaluation

  private static func sampleDirectly(
    network: Network, inputs: Samples, targets: Samples, loss: LossFunction, positions: (Int, Int),
    regularization: Regularization, into grid: inout LossGrid
  ) {
    var probe = network
    let capacity = Swift.max(1, Swift.min(inputs.count, 512, Workspace.capacityLimit(for: network)))
    var workspace = Workspace(network: network, capacity: capacity)
    for row in 0..<grid.rows {
      probe.parameters[positions.1] = grid.secondValue(row: row)
      for column in 0..<grid.columns {
        probe.parameters[positions.0] = grid.firstValue(column: column)
        let measured = probe.measure(
          inputs: inputs, targets: targets, loss: loss, classifies: false, workspace: &workspace)
        grid.values[row * grid.columns + column] = measured.loss + regularization.penalty(of: probe)
      }
    }
  }
}
