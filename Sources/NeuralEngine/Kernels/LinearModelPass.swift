/// A linear model's whole training pass over a batch in one sweep: for every sample the
/// prediction `z = b + Σ_f w_f x_f`, its error `d = z − y`, the squared error, and the error's
/// share of every gradient, while the sample is still in registers.
///
/// The session takes this path when the network is one narrow dense layer with one output and
/// no activation, trained on squared error: the single neuron of the first lessons (house
/// prices, the coffee recipe, the loss bowl, the learning rate) and workload W1. The layer-by-
/// layer path would stream the batch through memory three times (forward, loss, backward);
/// this reads each input once. A regression's evaluation takes the same sweep without the
/// gradients (`sumOfSquaredErrors`): a forward pass then a loss pass read the split twice and
/// cost four times as much. `Dense` stays the definition of the arithmetic: tests check that
/// both paths give the same gradients and the same loss.
///
/// Inputs come feature by feature (`columns`, `stride` apart), eight samples to a vector, two
/// vectors in flight. The feature count is a compile-time constant up to 4, so every sum stays in
/// a register; wider inputs take the layer-by-layer path.
enum LinearModelPass {
  /// The most features the pass takes.
  static let maximumFeatures = 4

  /// Runs the pass over `batch` samples (1 to `maximumFeatures` features); adds `scale · Σ d·x_f`
  /// into `weightGradients[f]` and `scale · Σ d` into `biasGradient`, and returns `Σ d²`.
  static func run(
    columns: UnsafePointer<Double>, stride: Int, featureCount: Int, targets: UnsafePointer<Double>, batch: Int,
    weights: UnsafePointer<Double>, bias: Double, scale: Double,
    weightGradients: UnsafeMutablePointer<Double>, biasGradient: UnsafeMutablePointer<Double>
  ) -> Double {
    sweep(
      columns, stride, featureCount, targets, batch, weights, bias,
      Gradients(weights: weightGradients, bias: biasGradient, scale: scale))
  }

  /// The same sweep for the loss alone: `Σ d²` over `batch` samples, the error's products with
  /// the inputs (half the sweep's arithmetic) left out.
  static func sumOfSquaredErrors(
    columns: UnsafePointer<Double>, stride: Int, featureCount: Int, targets: UnsafePointer<Double>, batch: Int,
    weights: UnsafePointer<Double>, bias: Double
  ) -> Double {
    sweep(columns, stride, featureCount, targets, batch, weights, bias, nil)
  }

  /// Picks the loop for the feature count; always inlined, so each caller's copies keep only
  /// the branches its `gradients` (a literal nil or not) takes.
  @inline(__always)
  private static func sweep(
    _ columns: UnsafePointer<Double>, _ stride: Int, _ featureCount: Int, _ targets: UnsafePointer<Double>,
    _ batch: Int, _ weights: UnsafePointer<Double>, _ bias: Double, _ gradients: Gradients?
  ) -> Double {
    switch featureCount {
    case 1: fixed(Features<1>.self, columns, stride, targets, batch, weights, bias, gradients)
    case 2: fixed(Features<2>.self, columns, stride, targets, batch, weights, bias, gradients)
    case 3: fixed(Features<3>.self, columns, stride, targets, batch, weights, bias, gradients)
    case 4: fixed(Features<4>.self, columns, stride, targets, batch, weights, bias, gradients)
    default: preconditionFailure("the fused pass takes 1 to \(maximumFeatures) features")
    }
  }

  /// Where the sweep adds its gradients, and the factor it scales them by.
  private struct Gradients {
    let weights: UnsafeMutablePointer<Double>
    let bias: UnsafeMutablePointer<Double>
    let scale: Double
  }

  /// A feature count known when compiling, so its loops unroll.
  enum Features<let count: Int> {}

  private typealias Lanes = SIMD8<Double>

  @inline(__always)
  private static func fixed<let n: Int>(
    _: Features<n>.Type, _ columns: UnsafePointer<Double>, _ stride: Int, _ targets: UnsafePointer<Double>,
    _ batch: Int, _ weights: UnsafePointer<Double>, _ bias: Double, _ gradients: Gradients?
  ) -> Double {
    let accumulates = gradients != nil
    var weight = InlineArray<n, Lanes>(repeating: Lanes())
    for f in 0..<n { weight[f] = Lanes(repeating: weights[f]) }
    var first = InlineArray<n, Lanes>(repeating: Lanes())
    var second = InlineArray<n, Lanes>(repeating: Lanes())
    var (errors0, errors1, squares0, squares1) = (Lanes(), Lanes(), Lanes(), Lanes())
    let biasLanes = Lanes(repeating: bias)
    var sample = 0
    while sample &+ 16 <= batch {
      var z0 = biasLanes, z1 = biasLanes
      for f in 0..<n {
        let column = columns + (f &* stride &+ sample)
        z0 = z0.adding(weight[f], times: Lanes.load(column))
        z1 = z1.adding(weight[f], times: Lanes.load(column + 8))
      }
      let d0 = z0 - Lanes.load(targets + sample)
      let d1 = z1 - Lanes.load(targets + (sample &+ 8))
      squares0 = squares0.adding(d0, times: d0)
      squares1 = squares1.adding(d1, times: d1)
      guard accumulates else {
        sample &+= 16
        continue
      }
      errors0 += d0
      errors1 += d1
      for f in 0..<n {
        let column = columns + (f &* stride &+ sample)
        first[f] = first[f].adding(d0, times: Lanes.load(column))
        second[f] = second[f].adding(d1, times: Lanes.load(column + 8))
      }
      sample &+= 16
    }
    var squares = (squares0 + squares1).sum()
    var errors = (errors0 + errors1).sum()
    var products = InlineArray<n, Double>(repeating: 0)
    for f in 0..<n { products[f] = (first[f] + second[f]).sum() }
    while sample < batch {
      var z = bias
      for f in 0..<n { z += weights[f] * columns[f &* stride &+ sample] }
      let d = z - targets[sample]
      squares += d * d
      if accumulates {
        errors += d
        for f in 0..<n { products[f] += d * columns[f &* stride &+ sample] }
      }
      sample &+= 1
    }
    guard let gradients else { return squares }
    for f in 0..<n { gradients.weights[f] += gradients.scale * products[f] }
    gradients.bias.pointee += gradients.scale * errors
    return squares
  }
}
