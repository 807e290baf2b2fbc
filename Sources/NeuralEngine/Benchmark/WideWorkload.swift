import Foundation

/// W3 "wide": a 2-64-64-1 tanh network on 1,000 spiral points, mini-batches of 32.
///
/// A mini-batch is processed as matrix products (allowed by `WORKLOADS.md`: the same
/// arithmetic up to summation order). Batch matrices are sample-major, `[sample][node]`:
///
/// - forward: `Z2 = A1 · W2ᵀ + b2` (32×64 times 64×64);
/// - back-propagation: `D1 = (D2 · W2) ∘ (1 − A1²)`;
/// - gradient: `∂W2ᵀ = A1ᵀ · D2`.
///
/// `W2` is kept in both orientations (`W2` and `W2ᵀ`, updated with the same numbers) so each
/// product streams contiguous rows through `DenseKernels.multiplyAdd`. A short last batch
/// (8 samples) is padded to 32 with zero deltas, which adds nothing to the gradient sums.
struct WideWorkload: TimedWorkload {
  static let workload = BenchmarkWorkload.w3
  static var samplesPerEpoch: Int { pointCount }
  static let pointCount = 1000
  static let epochs = 50
  static let batchSize = 32
  static let hidden = 64
  static let learningRate = 0.03

  /// Where each group of parameters lives in the flat parameter array.
  enum Layout {
    static let hidden = WideWorkload.hidden
    /// Layer-1 weights from input 0 (`W1[i][0]`, 64), then from input 1 (`W1[i][1]`, 64).
    static let weights1 = 0
    static let biases1 = 2 * hidden
    /// Layer-2 weights `W2[j][i]`, row-major 64×64.
    static let weights2 = 3 * hidden
    /// The same weights transposed, `W2ᵀ[i][j]`.
    static let weights2Transposed = weights2 + hidden * hidden
    static let biases2 = weights2Transposed + hidden * hidden
    /// Output weights `W3[0][j]`, 64.
    static let weights3 = biases2 + hidden
    static let bias3 = weights3 + hidden
    static let count = bias3 + 8
  }

  /// First coordinate of each point, index order.
  let firstCoordinates: [Double]
  /// Second coordinate of each point.
  let secondCoordinates: [Double]
  /// +1 for the first arm, −1 for the second.
  let labels: [Double]
  /// Every epoch's visiting order, one after another (precomputed, untimed, as allowed).
  let epochOrders: [Int32]

  /// Generates `classifySpiralData(1000, noise = 0)` and the epoch orders from seed 3003.
  init() {
    var first = [Double]()
    var second = [Double]()
    var labels = [Double]()
    let n = Self.pointCount / 2
    for (label, delta) in [(1.0, 0.0), (-1.0, Double.pi)] {
      for i in 0..<n {
        let r = Double(i) / Double(n) * 5
        let t = 1.75 * Double(i) / Double(n) * 2 * Double.pi + delta
        first.append(r * Foundation.sin(t))
        second.append(r * Foundation.cos(t))
        labels.append(label)
      }
    }
    firstCoordinates = first
    secondCoordinates = second
    self.labels = labels
    var generator = SplitMix64(seed: 3003)
    var order = Array(0..<Self.pointCount)
    var orders = [Int32]()
    for _ in 0..<Self.epochs {
      generator.shuffle(&order)
      orders += order.map { Int32($0) }
    }
    epochOrders = orders
  }

  /// The Glorot limits `sqrt(6 / (fan-in + fan-out))` of the three layers.
  static let glorotLimits = [
    (6.0 / Double(2 + hidden)).squareRoot(), (6.0 / Double(hidden + hidden)).squareRoot(),
    (6.0 / Double(hidden + 1)).squareRoot(),
  ]

  /// Initial parameters from seed 1003: Glorot-uniform weights in layer/destination/source
  /// order, zero biases.
  static func initialState() -> [Double] {
    var generator = SplitMix64(seed: 1003)
    var p = [Double](repeating: 0, count: Layout.count)
    let limits = glorotLimits
    for node in 0..<hidden {
      p[Layout.weights1 + node] = generator.uniform(-limits[0], limits[0])
      p[Layout.weights1 + hidden + node] = generator.uniform(-limits[0], limits[0])
    }
    for destination in 0..<hidden {
      for source in 0..<hidden {
        let weight = generator.uniform(-limits[1], limits[1])
        p[Layout.weights2 + destination * hidden + source] = weight
        p[Layout.weights2Transposed + source * hidden + destination] = weight
      }
    }
    for source in 0..<hidden {
      p[Layout.weights3 + source] = generator.uniform(-limits[2], limits[2])
    }
    return p
  }

  // MARK: - Model

  /// `(1/1000) Σ ½ (o − label)²` in index order, one point at a time with Foundation's `tanh`.
  func loss(_ parameters: [Double]) -> Double {
    var total = 0.0
    for index in 0..<Self.pointCount {
      let error =
        Self.output(parameters, firstCoordinates[index], secondCoordinates[index]) - labels[index]
      total += 0.5 * error * error
    }
    return total / Double(Self.pointCount)
  }

  /// The network's output for one point (reference path, not timed).
  static func output(_ p: [Double], _ x1: Double, _ x2: Double) -> Double {
    let hiddenOne = (0..<hidden).map { node in
      Foundation.tanh(
        p[Layout.biases1 + node] + p[Layout.weights1 + node] * x1
          + p[Layout.weights1 + hidden + node] * x2)
    }
    let hiddenTwo = (0..<hidden).map { node in
      var z = p[Layout.biases2 + node]
      for source in 0..<hidden {
        z += p[Layout.weights2 + node * hidden + source] * hiddenOne[source]
      }
      return Foundation.tanh(z)
    }
    var z = p[Layout.bias3]
    for source in 0..<hidden { z += p[Layout.weights3 + source] * hiddenTwo[source] }
    return Foundation.tanh(z)
  }

  // MARK: - Training (timed)

  /// All 50 epochs: 31 batches of 32 and one of 8 per epoch, in the precomputed orders.
  func train(_ parameters: inout [Double]) {
    let workspace = Workspace()
    defer { workspace.deallocate() }
    parameters.withUnsafeMutableBufferPointer { parameterBuffer in
      firstCoordinates.withUnsafeBufferPointer { first in
        secondCoordinates.withUnsafeBufferPointer { second in
          labels.withUnsafeBufferPointer { label in
            epochOrders.withUnsafeBufferPointer { orders in
              guard let p = parameterBuffer.baseAddress, let first = first.baseAddress,
                let second = second.baseAddress, let label = label.baseAddress,
                let orders = orders.baseAddress
              else { return }
              for epoch in 0..<Self.epochs {
                let order = orders + epoch * Self.pointCount
                var start = 0
                while start < Self.pointCount {
                  let count = min(Self.batchSize, Self.pointCount - start)
                  for s in 0..<Self.batchSize {
                    let index = s < count ? Int(order[start + s]) : -1
                    workspace.input0[s] = index >= 0 ? first[index] : 0
                    workspace.input1[s] = index >= 0 ? second[index] : 0
                    workspace.target[s] = index >= 0 ? label[index] : 0
                  }
                  Self.step(p, count: count, workspace)
                  start += count
                }
              }
            }
          }
        }
      }
    }
  }

  /// Scratch memory for one mini-batch; batch matrices are `[sample][node]` unless noted.
  private struct Workspace {
    let input0: UnsafeMutablePointer<Double>
    let input1: UnsafeMutablePointer<Double>
    let target: UnsafeMutablePointer<Double>
    /// Layer-1 activations, 32×64.
    let hidden1: UnsafeMutablePointer<Double>
    /// Layer-1 activations transposed, `[node][sample]`, 64×32.
    let hidden1Transposed: UnsafeMutablePointer<Double>
    /// Layer-2 activations, 32×64.
    let hidden2: UnsafeMutablePointer<Double>
    /// Outputs, then output deltas, 32.
    let output: UnsafeMutablePointer<Double>
    let delta3: UnsafeMutablePointer<Double>
    /// Layer-2 deltas, 32×64.
    let delta2: UnsafeMutablePointer<Double>
    /// Layer-1 deltas, 32×64.
    let delta1: UnsafeMutablePointer<Double>
    /// Gradient sums, parameter layout (`∂W2ᵀ` in the transposed slot).
    let gradient: UnsafeMutablePointer<Double>
    private let all: [UnsafeMutablePointer<Double>]

    init() {
      func zeroed(_ count: Int) -> UnsafeMutablePointer<Double> {
        let pointer = UnsafeMutablePointer<Double>.allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
        return pointer
      }
      let batch = WideWorkload.batchSize
      let hidden = WideWorkload.hidden
      input0 = zeroed(batch)
      input1 = zeroed(batch)
      target = zeroed(batch)
      hidden1 = zeroed(batch * hidden)
      hidden1Transposed = zeroed(batch * hidden)
      hidden2 = zeroed(batch * hidden)
      output = zeroed(batch)
      delta3 = zeroed(batch)
      delta2 = zeroed(batch * hidden)
      delta1 = zeroed(batch * hidden)
      gradient = zeroed(Layout.count)
      all = [
        input0, input1, target, hidden1, hidden1Transposed, hidden2, output, delta3, delta2,
        delta1, gradient,
      ]
    }

    func deallocate() {
      for pointer in all { pointer.deallocate() }
    }
  }

  /// Forward, backward and update for one mini-batch of `count` samples (padded to 32).
  @inline(__always)
  private static func step(_ p: UnsafeMutablePointer<Double>, count: Int, _ workspace: Workspace) {
    typealias Lanes = SIMD8<Double>
    let batch = batchSize
    let width = hidden
    let vectors = hidden / 8
    let a1 = workspace.hidden1
    let a1t = workspace.hidden1Transposed
    let a2 = workspace.hidden2
    let o = workspace.output
    let d3 = workspace.delta3
    let d2 = workspace.delta2
    let d1 = workspace.delta1
    let g = workspace.gradient
    let x0 = workspace.input0
    let x1 = workspace.input1
    let t = workspace.target
    let load = DenseKernels.load
    let store = DenseKernels.store

    // Layer 1: z = b + W1[·][0]·x0 + W1[·][1]·x1, eight nodes per vector.
    for s in 0..<batch {
      let u = Lanes(repeating: x0[s])
      let v = Lanes(repeating: x1[s])
      for block in 0..<vectors {
        let node = block * 8
        let z =
          load(p + Layout.biases1 + node) + load(p + Layout.weights1 + node) * u
          + load(p + Layout.weights1 + width + node) * v
        store(z, a1 + s * width + node)
      }
    }
    FastTanh.apply(to: a1, count: batch * width)

    // Layer 2: Z2 = b2 + A1 · W2ᵀ.
    for s in 0..<batch {
      for block in 0..<vectors {
        store(load(p + Layout.biases2 + block * 8), a2 + s * width + block * 8)
      }
    }
    DenseKernels.multiply(
      a1, p + Layout.weights2Transposed, into: a2, rows: batch, inner: width, columns: width,
      accumulate: true)
    FastTanh.apply(to: a2, count: batch * width)

    // Output: o = tanh(b3 + W3 · a2), then d3 = (o − t)(1 − o²), zero beyond `count`.
    for s in 0..<batch {
      var sum = Lanes()
      for block in 0..<vectors {
        sum = DenseKernels.multiplyAdd(
          sum, load(p + Layout.weights3 + block * 8), load(a2 + s * width + block * 8))
      }
      o[s] = p[Layout.bias3] + sum.sum()
    }
    FastTanh.apply(to: o, count: batch)
    for s in 0..<batch {
      d3[s] = s < count ? (o[s] - t[s]) * (1 - o[s] * o[s]) : 0
    }

    // Output layer gradients and layer-2 deltas D2 = (W3 · d3) ∘ (1 − A2²).
    var biasGradient3 = 0.0
    for block in 0..<vectors {
      let node = block * 8
      let w3 = load(p + Layout.weights3 + node)
      var weightGradient = Lanes()
      var biasGradient = Lanes()
      for s in 0..<batch {
        let delta = Lanes(repeating: d3[s])
        let activation = load(a2 + s * width + node)
        weightGradient = DenseKernels.multiplyAdd(weightGradient, delta, activation)
        let d = (w3 * delta) * (1 - activation * activation)
        biasGradient += d
        store(d, d2 + s * width + node)
      }
      store(weightGradient, g + Layout.weights3 + node)
      store(biasGradient, g + Layout.biases2 + node)
    }
    for s in 0..<batch { biasGradient3 += d3[s] }
    g[Layout.bias3] = biasGradient3

    // ∂W2ᵀ = A1ᵀ · D2.
    DenseKernels.transpose(a1, into: a1t, rows: batch, columns: width)
    let gradient2 = g + Layout.weights2Transposed
    DenseKernels.multiply(
      a1t, d2, into: gradient2, rows: width, inner: batch, columns: width, accumulate: false)

    // D1 = (D2 · W2) ∘ (1 − A1²), then layer-1 gradients.
    DenseKernels.multiply(
      d2, p + Layout.weights2, into: d1, rows: batch, inner: width, columns: width,
      accumulate: false)
    for block in 0..<vectors {
      let node = block * 8
      var biasGradient = Lanes()
      var gradient0 = Lanes()
      var gradient1 = Lanes()
      for s in 0..<batch {
        let activation = load(a1 + s * width + node)
        let d = load(d1 + s * width + node) * (1 - activation * activation)
        biasGradient += d
        gradient0 = DenseKernels.multiplyAdd(gradient0, d, Lanes(repeating: x0[s]))
        gradient1 = DenseKernels.multiplyAdd(gradient1, d, Lanes(repeating: x1[s]))
      }
      store(biasGradient, g + Layout.biases1 + node)
      store(gradient0, g + Layout.weights1 + node)
      store(gradient1, g + Layout.weights1 + width + node)
    }

    // Update: p −= (lr / count) · Σ gradient; W2 and W2ᵀ get the same numbers.
    let scale = learningRate / Double(count)
    let scaleLanes = Lanes(repeating: scale)
    for range in [
      (Layout.weights1, Layout.weights2), (Layout.biases2, Layout.bias3),
      (Layout.weights2Transposed, Layout.biases2),
    ] {
      var index = range.0
      while index < range.1 {
        store(load(p + index) - scaleLanes * load(g + index), p + index)
        index += 8
      }
    }
    p[Layout.bias3] -= scale * g[Layout.bias3]
    for source in 0..<width {
      for destination in 0..<width {
        p[Layout.weights2 + destination * width + source] =
          p[Layout.weights2Transposed + source * width + destination]
      }
    }
  }
}
