import NeuralEngine

/// The network's outputs at many points of the input plane (or line), for the plots: all
/// points in one batched evaluation pass.
struct PlotNetworkEvaluator {
  let network: Network

  /// Multiply-adds plus a weighted count of activations: a rough cost of one point.
  var cost: Int {
    network.parameterCount + network.layers.reduce(0) { total, layer in
      total + (layer.activation == nil || layer.activation == .linear ? 0 : 12 * layer.outputShape.count)
    }
  }

  /// The outputs at `points` (each point fills the first inputs; any other input is 0), one
  /// row per point.
  func outputs(at points: [(Double, Double)]) -> Samples {
    let width = network.inputCount
    var values = [Double](repeating: 0, count: points.count * width)
    for (index, point) in points.enumerated() {
      values[index * width] = point.0
      if width > 1 { values[index * width + 1] = point.1 }
    }
    return network.predictions(Samples(width: width, values: values))
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
