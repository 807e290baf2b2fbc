import NeuralEngine

/// The network's outputs at many points of the input plane (or line), for the plots: all
/// points in one batched evaluation pass. A point is a position of the data as drawn; with
/// engineered input features it is turned into them first.
struct PlotNetworkEvaluator {
  let network: Network
  /// The features the network reads, computed from each point; nil feeds the point itself.
  var features: [InputFeature]? = nil

  /// The network and features of `playground`'s run.
  init(playground: Playground) {
    network = playground.session.network
    features = playground.session.configuration.inputFeatures
  }

  init(network: Network, features: [InputFeature]? = nil) {
    self.network = network
    self.features = features
  }

  /// Multiply-adds plus a weighted count of activations: a rough cost of one point.
  var cost: Int {
    network.parameterCount + network.layers.reduce(0) { total, layer in
      total + (layer.activation == nil || layer.activation == .linear ? 0 : 12 * layer.outputShape.count)
    }
  }

  /// The network's input rows for `points`: their features, or each point filling the first
  /// inputs (any other input 0).
  func inputs(at points: [(Double, Double)]) -> Samples {
    let width = network.inputCount
    var values = [Double](repeating: 0, count: points.count * width)
    for (index, point) in points.enumerated() {
      if let features, features.count == width {
        for (column, feature) in features.enumerated() {
          values[index * width + column] = feature.value(x1: point.0, x2: point.1)
        }
        continue
      }
      values[index * width] = point.0
      if width > 1 { values[index * width + 1] = point.1 }
    }
    return Samples(width: width, values: values)
  }

  /// The outputs at `points`, one row per point.
  func outputs(at points: [(Double, Double)]) -> Samples {
    network.predictions(inputs(at: points))
  }

  /// Every layer's values at `points` (one sample per point).
  func trace(at points: [(Double, Double)]) -> Trace {
    network.trace(inputs(at: points))
  }

  /// The probability of class 1 (two classes), or the top class scaled to 0…1 (more classes),
  /// from one output row.
  static func classScore(_ output: ArraySlice<Double>) -> Double {
    let base = output.startIndex
    switch output.count {
    case 1: return output[base]
    case 2: return output[base + 1]
    default:
      var best = 0
      for index in 1..<output.count where output[base + index] > output[base + best] { best = index }
      return Double(best) / Double(output.count - 1)
    }
  }
}
