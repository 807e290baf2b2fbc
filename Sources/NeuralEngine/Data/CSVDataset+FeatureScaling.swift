/// Min–max scaling of feature columns to [0, 1], kept so results can be read in original units.
///
/// `scaled = (value − minimum) / (maximum − minimum)`; a constant column scales to 0. The
/// minimum and maximum come from the training rows; test rows use the same numbers (so they may
/// fall slightly outside [0, 1]).
public struct FeatureScaling: Equatable, Sendable {
  /// Smallest training value of each feature.
  public var minimums: [Double]
  /// Largest training value of each feature.
  public var maximums: [Double]

  public init(minimums: [Double], maximums: [Double]) {
    precondition(minimums.count == maximums.count, "one minimum and one maximum per feature")
    self.minimums = minimums
    self.maximums = maximums
  }

  /// The scaling that maps each column of `rows` onto [0, 1].
  public init(fitting rows: Samples) {
    var minimums = [Double](repeating: .infinity, count: rows.width)
    var maximums = [Double](repeating: -.infinity, count: rows.width)
    for row in 0..<rows.count {
      for (column, value) in rows[row].enumerated() {
        minimums[column] = Swift.min(minimums[column], value)
        maximums[column] = Swift.max(maximums[column], value)
      }
    }
    if rows.count == 0 {
      minimums = minimums.map { _ in 0 }
      maximums = maximums.map { _ in 1 }
    }
    self.init(minimums: minimums, maximums: maximums)
  }

  /// `maximum − minimum` of `feature`, or 1 for a constant column (so it scales to 0).
  public func range(of feature: Int) -> Double {
    let width = maximums[feature] - minimums[feature]
    return width > 0 ? width : 1
  }

  /// `value` of `feature` in scaled units.
  public func scale(_ value: Double, feature: Int) -> Double {
    (value - minimums[feature]) / range(of: feature)
  }

  /// A scaled value of `feature` back in original units.
  public func unscale(_ value: Double, feature: Int) -> Double {
    minimums[feature] + value * range(of: feature)
  }

  /// Every row of `samples` scaled.
  public func scale(_ samples: Samples) -> Samples {
    var values = samples.values
    for index in values.indices {
      let feature = index % samples.width
      values[index] = scale(values[index], feature: feature)
    }
    return Samples(width: samples.width, values: values)
  }

  /// Weights and bias of a linear model trained on scaled features, in original units:
  /// `Σ w·scaled + b = Σ (w/range)·x + (b − Σ w·min/range)`.
  public func unscaledLinearModel(weights: [Double], bias: Double) -> (
    weights: [Double], bias: Double
  ) {
    var originalBias = bias
    var originalWeights: [Double] = []
    for (feature, weight) in weights.enumerated() {
      let perUnit = weight / range(of: feature)
      originalWeights.append(perUnit)
      originalBias -= perUnit * minimums[feature]
    }
    return (originalWeights, originalBias)
  }
}
