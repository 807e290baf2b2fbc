/// Samples the loss over a grid of two parameters while every other parameter stays fixed.
public enum LossSurface {
  /// The mean loss (plus `regularization`'s penalty) of `network` on `inputs`/`targets`, with
  /// `parameters.0` swept over `ranges.0` (columns) and `parameters.1` over `ranges.1` (rows);
  /// see `LossGrid` for the orientation.
  ///
  /// Targets are in the network's output form (class indices already one-hot where the output
  /// has several nodes). A single linear layer with one output under mean squared error uses
  /// sufficient statistics, `O(samples)` once and `O(1)` per grid point; other networks are
  /// evaluated directly with one reused trace.
  public static func sample(
    network: Network, inputs: Samples, targets: Samples, loss: LossFunction,
    parameters: (ParameterID, ParameterID), ranges: (ClosedRange<Double>, ClosedRange<Double>),
    columns: Int, rows: Int, regularization: Regularization = .none
  ) -> LossGrid {
    var grid = LossGrid(columns: columns, rows: rows, firstRange: ranges.0, secondRange: ranges.1)
    let isLinearUnit =
      network.layers.count == 1 && network.outputCount == 1
      && network.outputActivation == .linear && loss == .meanSquaredError
    if isLinearUnit {
      sampleLinearUnit(
        network: network, inputs: inputs, targets: targets, parameters: parameters,
        regularization: regularization, into: &grid)
    } else {
      sampleDirectly(
        network: network, inputs: inputs, targets: targets, loss: loss, parameters: parameters,
        regularization: regularization, into: &grid)
    }
    return grid
  }

  // MARK: - Sufficient statistics for ŷ = w · x + b

  /// For `ŷ = u φ_u + v φ_v + r` with the swept parameters `u`, `v` (feature `φ = 1` for the
  /// bias) and the rest `r`, and `q = r − y`, the mean squared error is
  /// `E[φ_u²] u² + E[φ_v²] v² + 2 E[φ_u φ_v] u v + 2 E[φ_u q] u + 2 E[φ_v q] v + E[q²]`.
  private static func sampleLinearUnit(
    network: Network, inputs: Samples, targets: Samples, parameters: (ParameterID, ParameterID),
    regularization: Regularization, into grid: inout LossGrid
  ) {
    let layer = network.layers[0]
    var fixed = network
    fixed[parameters.0] = 0
    fixed[parameters.1] = 0
    var uu = 0.0, vv = 0.0, uv = 0.0, uq = 0.0, vq = 0.0, qq = 0.0
    for row in 0..<inputs.count {
      let x = inputs[row]
      var rest = fixed.layers[0].biases[0]
      for input in 0..<layer.inputCount {
        rest += fixed.layers[0].weights[input] * x[x.startIndex + input]
      }
      let q = rest - targets[row][targets[row].startIndex]
      let featureU = feature(of: parameters.0, in: x)
      let featureV = feature(of: parameters.1, in: x)
      uu += featureU * featureU
      vv += featureV * featureV
      uv += featureU * featureV
      uq += featureU * q
      vq += featureV * q
      qq += q * q
    }
    let count = Double(Swift.max(1, inputs.count))
    uu /= count; vv /= count; uv /= count; uq /= count; vq /= count; qq /= count
    let fixedPenalty = regularization.penalty(of: fixed)
    for row in 0..<grid.rows {
      let v = grid.secondValue(row: row)
      for column in 0..<grid.columns {
        let u = grid.firstValue(column: column)
        let quadratic = uu * u * u + vv * v * v + 2 * uv * u * v + 2 * uq * u + 2 * vq * v + qq
        grid.values[row * grid.columns + column] =
          Swift.max(0, quadratic)
          + fixedPenalty + penalty(regularization, parameters: parameters, values: (u, v))
      }
    }
  }

  /// The feature multiplying `parameter` in a single-output linear unit (1 for the bias).
  private static func feature(of parameter: ParameterID, in x: ArraySlice<Double>) -> Double {
    switch parameter.kind {
    case .weight(_, let input): return x[x.startIndex + input]
    case .bias: return 1
    }
  }

  /// The penalty the two swept parameters add (biases add none).
  private static func penalty(
    _ regularization: Regularization, parameters: (ParameterID, ParameterID),
    values: (Double, Double)
  ) -> Double {
    penalty(regularization, parameter: parameters.0, value: values.0)
      + penalty(regularization, parameter: parameters.1, value: values.1)
  }

  /// The penalty one parameter adds (biases add none).
  private static func penalty(
    _ regularization: Regularization, parameter: ParameterID, value: Double
  ) -> Double {
    guard case .weight = parameter.kind else { return 0 }
    switch regularization {
    case .none: return 0
    case .l1(let strength): return strength * Swift.abs(value)
    case .l2(let strength): return strength * value * value
    }
  }

  // MARK: - Direct evaluation

  private static func sampleDirectly(
    network: Network, inputs: Samples, targets: Samples, loss: LossFunction,
    parameters: (ParameterID, ParameterID), regularization: Regularization,
    into grid: inout LossGrid
  ) {
    var probe = network
    var trace = ForwardTrace(shapeOf: network)
    var unusedGenerator = SplitMix64(seed: 0)
    let count = Double(Swift.max(1, inputs.count))
    for row in 0..<grid.rows {
      probe[parameters.1] = grid.secondValue(row: row)
      for column in 0..<grid.columns {
        probe[parameters.0] = grid.firstValue(column: column)
        var total = 0.0
        for sample in 0..<inputs.count {
          probe.forward(inputs[sample], into: &trace, dropoutRate: 0, using: &unusedGenerator)
          total += probe.loss(trace, target: targets[sample], loss: loss)
        }
        grid.values[row * grid.columns + column] = total / count + regularization.penalty(of: probe)
      }
    }
  }
}
