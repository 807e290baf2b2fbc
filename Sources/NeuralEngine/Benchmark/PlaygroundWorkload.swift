import Foundation

/// W2 "playground": TF Playground's default 2-4-2-1 tanh network on 500 circle points.
///
/// The ten samples of a mini-batch share the same weights, so the kernel evaluates them side by
/// side: every activation is stored as `[node][sample]` (ten lanes per node), the forward pass
/// fills a whole layer, and `FastTanh` squashes it eight lanes at a time. Gradients are summed
/// over the ten samples (a different summation order than sample by sample, which
/// `WORKLOADS.md` allows) and applied as `p −= (lr / 10) · Σ gradient`, as TF Playground does.
struct PlaygroundWorkload: TimedWorkload {
  static let workload = BenchmarkWorkload.w2
  static var samplesPerEpoch: Int { pointCount }
  static let pointCount = 500
  static let epochs = 200
  static let batchSize = 10
  static let learningRate = 0.03

  /// Where each group of parameters lives in the flat parameter array.
  enum Layout {
    /// Layer 1 weights, 4×2 row-major (row = destination node).
    static let weights1 = 0
    static let biases1 = 8
    /// Layer 2 weights, 2×4 row-major.
    static let weights2 = 12
    static let biases2 = 20
    /// Output weights, 1×2.
    static let weights3 = 22
    static let bias3 = 24
    static let count = 25
  }

  /// First coordinate of each point, in the stored (shuffled) order.
  let firstCoordinates: [Double]
  /// Second coordinate of each point.
  let secondCoordinates: [Double]
  /// +1 inside the circle, −1 outside.
  let labels: [Double]

  /// Generates `classifyCircleData(500, noise = 0)` with seed 2 and shuffles it.
  init() {
    var generator = SplitMix64(seed: 2)
    var points: [(Double, Double, Double)] = []
    for (low, high) in [(0.0, 2.5), (3.5, 5.0)] {
      for _ in 0..<(Self.pointCount / 2) {
        let r = generator.uniform(low, high)
        let angle = generator.uniform(0, 6.283185307179586)
        let x1 = r * Foundation.sin(angle)
        let x2 = r * Foundation.cos(angle)
        let label: Double = (x1 * x1 + x2 * x2).squareRoot() < 2.5 ? 1 : -1
        points.append((x1, x2, label))
      }
    }
    generator.shuffle(&points)
    firstCoordinates = points.map(\.0)
    secondCoordinates = points.map(\.1)
    labels = points.map(\.2)
  }

  /// Initial parameters from seed 1002: weights `U() − 0.5` in layer/destination/source order,
  /// biases 0.1.
  static func initialState() -> [Double] {
    var generator = SplitMix64(seed: 1002)
    var parameters = [Double](repeating: 0.1, count: Layout.count)
    for (start, count) in [(Layout.weights1, 8), (Layout.weights2, 8), (Layout.weights3, 2)] {
      for index in start..<(start + count) {
        parameters[index] = generator.uniform() - 0.5
      }
    }
    return parameters
  }

  // MARK: - Model

  /// `(1/500) Σ ½ (o − label)²`, evaluated one point at a time with Foundation's `tanh`.
  func loss(_ parameters: [Double]) -> Double {
    var total = 0.0
    for index in 0..<Self.pointCount {
      let output = Self.output(
        parameters, firstCoordinates[index], secondCoordinates[index])
      let error = output - labels[index]
      total += 0.5 * error * error
    }
    return total / Double(Self.pointCount)
  }

  /// The network's output for one point (reference path, not timed).
  static func output(_ p: [Double], _ x1: Double, _ x2: Double) -> Double {
    var hidden1 = [Double](repeating: 0, count: 4)
    for node in 0..<4 {
      let row = Layout.weights1 + 2 * node
      hidden1[node] = Foundation.tanh(p[Layout.biases1 + node] + p[row] * x1 + p[row + 1] * x2)
    }
    var hidden2 = [Double](repeating: 0, count: 2)
    for node in 0..<2 {
      var z = p[Layout.biases2 + node]
      for source in 0..<4 { z += p[Layout.weights2 + 4 * node + source] * hidden1[source] }
      hidden2[node] = Foundation.tanh(z)
    }
    let z = p[Layout.bias3] + p[Layout.weights3] * hidden2[0] + p[Layout.weights3 + 1] * hidden2[1]
    return Foundation.tanh(z)
  }

  // MARK: - Training (timed)

  /// All 200 epochs; 50 updates per epoch of the mean gradient over ten consecutive points.
  func train(_ parameters: inout [Double]) {
    // Workspace, allocated once per training: activations and deltas, [node][sample], padded
    // to whole eight-lane vectors for FastTanh.
    let workspace = Workspace()
    defer { workspace.deallocate() }
    parameters.withUnsafeMutableBufferPointer { parameterBuffer in
      firstCoordinates.withUnsafeBufferPointer { first in
        secondCoordinates.withUnsafeBufferPointer { second in
          labels.withUnsafeBufferPointer { label in
            guard let p = parameterBuffer.baseAddress, let first = first.baseAddress,
              let second = second.baseAddress, let label = label.baseAddress
            else { return }
            for _ in 0..<Self.epochs {
              var start = 0
              while start < Self.pointCount {
                Self.step(
                  p, first + start, second + start, label + start, workspace)
                start &+= Self.batchSize
              }
            }
          }
        }
      }
    }
  }

  /// Scratch memory for one mini-batch.
  private struct Workspace {
    /// Layer-1 activations, 4 nodes × 10 samples = 40 (five vectors).
    let hidden1: UnsafeMutablePointer<Double>
    /// Layer-2 activations, 2 × 10, padded to 24.
    let hidden2: UnsafeMutablePointer<Double>
    /// Outputs, 10, padded to 16.
    let output: UnsafeMutablePointer<Double>
    /// Gradient sums, same layout as the parameters.
    let gradient: UnsafeMutablePointer<Double>
    /// Layer-2 deltas, 2 × 10.
    let delta2: UnsafeMutablePointer<Double>

    init() {
      func zeroed(_ count: Int) -> UnsafeMutablePointer<Double> {
        let pointer = UnsafeMutablePointer<Double>.allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
        return pointer
      }
      hidden1 = zeroed(40)
      hidden2 = zeroed(24)
      output = zeroed(16)
      gradient = zeroed(Layout.count)
      delta2 = zeroed(20)
    }

    func deallocate() {
      for pointer in [hidden1, hidden2, output, gradient, delta2] { pointer.deallocate() }
    }
  }

  /// Forward, backward and update for the ten samples at `x1`, `x2`, `t`.
  ///
  /// `p` holds the parameters (see `Layout`); `a1[i·10 + s]`, `a2`, `o` are the activations of
  /// sample `s`; `d3`, `d2`, `d1` are the textbook deltas `∂E/∂z`.
  @inline(__always)
  private static func step(
    _ p: UnsafeMutablePointer<Double>, _ x1: UnsafePointer<Double>,
    _ x2: UnsafePointer<Double>, _ t: UnsafePointer<Double>, _ workspace: Workspace
  ) {
    let n = batchSize
    let a1 = workspace.hidden1
    let a2 = workspace.hidden2
    let o = workspace.output
    let g = workspace.gradient
    let d2 = workspace.delta2

    // Forward: z = b + Σ w·a (TF Playground's order), then tanh on whole layers.
    for node in 0..<4 {
      let w0 = p[Layout.weights1 + 2 * node]
      let w1 = p[Layout.weights1 + 2 * node + 1]
      let b = p[Layout.biases1 + node]
      for s in 0..<n { a1[node * n + s] = b + w0 * x1[s] + w1 * x2[s] }
    }
    FastTanh.apply(to: a1, count: 40)
    for node in 0..<2 {
      let w = p + Layout.weights2 + 4 * node
      let b = p[Layout.biases2 + node]
      for s in 0..<n {
        a2[node * n + s] =
          b + w[0] * a1[s] + w[1] * a1[n + s] + w[2] * a1[2 * n + s]
          + w[3] * a1[3 * n + s]
      }
    }
    FastTanh.apply(to: a2, count: 24)
    let v0 = p[Layout.weights3]
    let v1 = p[Layout.weights3 + 1]
    let c = p[Layout.bias3]
    for s in 0..<n { o[s] = c + v0 * a2[s] + v1 * a2[n + s] }
    FastTanh.apply(to: o, count: 16)

    // Backward, summing gradients over the ten samples.
    var gv0 = 0.0
    var gv1 = 0.0
    var gc = 0.0
    for s in 0..<n {
      let output = o[s]
      let d3 = (output - t[s]) * (1 - output * output)
      gc += d3
      gv0 += d3 * a2[s]
      gv1 += d3 * a2[n + s]
      let h0 = a2[s]
      let h1 = a2[n + s]
      d2[s] = (v0 * d3) * (1 - h0 * h0)
      d2[n + s] = (v1 * d3) * (1 - h1 * h1)
    }
    g[Layout.weights3] = gv0
    g[Layout.weights3 + 1] = gv1
    g[Layout.bias3] = gc
    for node in 0..<2 {
      var gb = 0.0
      var gw0 = 0.0
      var gw1 = 0.0
      var gw2 = 0.0
      var gw3 = 0.0
      for s in 0..<n {
        let d = d2[node * n + s]
        gb += d
        gw0 += d * a1[s]
        gw1 += d * a1[n + s]
        gw2 += d * a1[2 * n + s]
        gw3 += d * a1[3 * n + s]
      }
      g[Layout.biases2 + node] = gb
      let row = g + Layout.weights2 + 4 * node
      row[0] = gw0
      row[1] = gw1
      row[2] = gw2
      row[3] = gw3
    }
    for node in 0..<4 {
      let u0 = p[Layout.weights2 + node]
      let u1 = p[Layout.weights2 + 4 + node]
      var gb = 0.0
      var gw0 = 0.0
      var gw1 = 0.0
      for s in 0..<n {
        let h = a1[node * n + s]
        let d1 = (u0 * d2[s] + u1 * d2[n + s]) * (1 - h * h)
        gb += d1
        gw0 += d1 * x1[s]
        gw1 += d1 * x2[s]
      }
      g[Layout.biases1 + node] = gb
      g[Layout.weights1 + 2 * node] = gw0
      g[Layout.weights1 + 2 * node + 1] = gw1
    }

    // Update: p −= (lr / count) · Σ gradient, after the whole backward pass.
    let scale = learningRate / Double(n)
    for index in 0..<Layout.count { p[index] -= scale * g[index] }
  }
}
