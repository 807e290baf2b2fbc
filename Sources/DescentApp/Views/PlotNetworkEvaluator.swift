import NeuralEngine

/// A forward pass over a copy of a network's parameters that allocates nothing per sample.
///
/// The plots evaluate the same network at thousands of points per frame; the engine's public
/// `forward` builds a fresh trace each time, so the plots keep two scratch rows instead.
struct PlotNetworkEvaluator {
  private let layers: [DenseLayer]
  private var current: [Double]
  private var next: [Double]
  /// Values of the last layer after `run`.
  private(set) var outputCount: Int

  init(network: Network) {
    layers = network.layers
    let widest = max(network.inputCount, network.layers.map(\.outputCount).max() ?? 1)
    current = [Double](repeating: 0, count: widest)
    next = current
    outputCount = network.outputCount
  }

  /// Multiply-adds plus a weighted count of activations: a rough cost of one `run`.
  var cost: Int {
    layers.reduce(0) { total, layer in
      total + layer.weights.count + (layer.activation == .linear ? 0 : 12 * layer.outputCount)
    }
  }

  /// Runs the network on inputs `x0` (and `x1` when it has two); read results with `output(_:)`.
  mutating func run(_ x0: Double, _ x1: Double = 0) {
    current[0] = x0
    if current.count > 1 { current[1] = x1 }
    for layer in layers {
      let inputCount = layer.inputCount
      current.withUnsafeBufferPointer { input in
        next.withUnsafeMutableBufferPointer { output in
          layer.weights.withUnsafeBufferPointer { weights in
            for node in 0..<layer.outputCount {
              var sum = layer.biases[node]
              let row = node * inputCount
              for index in 0..<inputCount { sum += weights[row + index] * input[index] }
              output[node] = sum
            }
          }
        }
      }
      layer.activation.applyInPlace(&next, count: layer.outputCount)
      swap(&current, &next)
    }
  }

  /// Output node `index` of the last `run`.
  func output(_ index: Int) -> Double {
    index < outputCount ? current[index] : .nan
  }

  /// The probability of class 1 (two classes), or the top class scaled to 0…1 (more classes).
  func classScore() -> Double {
    switch outputCount {
    case 1: return current[0]
    case 2: return current[1]
    default:
      var best = 0
      for index in 1..<outputCount where current[index] > current[best] { best = index }
      return Double(best) / Double(outputCount - 1)
    }
  }
}
