/// Batch normalisation: each channel (images `[C, H, W]`) or each feature (any other shape) is
/// shifted and scaled to mean 0 and variance 1 over the batch, then given a learned scale `γ`
/// and shift `β`.
///
/// A group is one channel's `m = B·H·W` numbers (or one feature's `m = B` numbers). With `ε =
/// 1e-5`, for each group:
///
///     forward (training):   μ = Σx / m,  σ² = Σ(x − μ)² / m,  x̂ = (x − μ) / √(σ² + ε),  y = γ x̂ + β
///                           running μ ← 0.9 · running μ + 0.1 · μ
///                           running σ² ← 0.9 · running σ² + 0.1 · σ² · m / (m − 1)
///     forward (evaluation): the same with the running μ and σ² in place of the batch's
///     backward (training):  dγ += Σ dy·x̂,  dβ += Σ dy,
///                           dx = (γ / (m √(σ² + ε))) · (m dy − Σ dy − x̂ Σ(dy·x̂))
///     backward (evaluation): dγ, dβ as above,  dx = dy · γ / √(running σ² + ε)
///
/// As in PyTorch, the momentum is 0.1 and the running variance takes the batch's unbiased
/// variance (`m − 1` in the denominator) while normalisation uses the biased one. A group of one
/// number (`m = 1`, a training batch of one dense sample) has no spread: `x̂ = 0` and the running
/// variance keeps its value (PyTorch refuses such a batch). The running averages live in the
/// network's state: running means (one per group), then running variances; they start at 0 and 1.
/// β starts at 0 whatever the configured bias (as γ starts at 1), as in PyTorch.
///
/// The trace keeps `normalized` (x̂, the input's shape) and, per batch, the `mean` and the
/// `inverse std` (`1 / √(σ² + ε)`) the pass used (the running ones in evaluation).
struct BatchNorm: LayerKind {
  let inputShape: TensorShape
  /// Groups normalised separately: channels of an image, else every number of a sample.
  let groups: Int
  /// Consecutive numbers of one sample in one group (`H·W` for an image, else 1).
  let span: Int

  /// The ε added to the variance before the square root.
  static let epsilon = 1e-5
  /// The weight of the current batch in the running averages.
  static let momentum = 0.1

  init(inputShape: TensorShape) {
    self.inputShape = inputShape
    if inputShape.rank == 3 {
      groups = inputShape[0]
      span = inputShape[1] * inputShape[2]
    } else {
      groups = inputShape.count
      span = 1
    }
  }

  var outputShape: TensorShape { inputShape }

  var namePrefix: String { "bn" }

  var parameterBlocks: [ParameterBlock.Layout] {
    [
      ParameterBlock.Layout("gamma", [groups], role: .scale),
      ParameterBlock.Layout("beta", [groups], role: .bias),
    ]
  }

  /// Running means, then running variances.
  var stateCount: Int { 2 * groups }

  var traceSlots: [TraceSlot] {
    [
      TraceSlot("normalized", inputShape),
      TraceSlot("mean", [groups], layout: .perBatch),
      TraceSlot("inverse std", [groups], layout: .perBatch),
    ]
  }

  /// Backward: the two sums per group, `Σ dy` and `Σ dy·x̂`.
  func scratchCount(batch: Int) -> Int { 2 * groups }

  /// γ = 1, β = 0, running means 0, running variances 1; draws nothing.
  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {
    parameters.update(repeating: 1, count: groups)
    (parameters + groups).update(repeating: 0, count: groups)
    state.update(repeating: 0, count: groups)
    (state + groups).update(repeating: 1, count: groups)
  }

  /// Calls `body(group, start)` for every run of `span` numbers, `start` counting from the first
  /// sample: sample by sample, group by group, so the batch is read in memory order.
  @inline(__always)
  private func forEachRun(batch: Int, _ body: (_ group: Int, _ start: Int) -> Void) {
    var start = 0
    for _ in 0..<batch {
      for group in 0..<groups {
        body(group, start)
        start += span
      }
    }
  }

  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64) {
    let x = buffers.input
    let y = buffers.output
    let normalized = buffers.slots[0]
    let mean = buffers.slots[1]
    let inverseStd = buffers.slots[2]
    let gamma = buffers.parameters
    let beta = gamma + groups
    let runningMean = buffers.state
    let runningVariance = buffers.state + groups
    let span = self.span
    if buffers.mode == .training {
      let m = Double(buffers.batch * span)
      // forward: μ = Σx / m.
      mean.update(repeating: 0, count: groups)
      forEachRun(batch: buffers.batch) { group, start in
        var sum = 0.0
        for index in start..<(start + span) { sum += x[index] }
        mean[group] += sum
      }
      for group in 0..<groups { mean[group] /= m }
      // forward: σ² = Σ(x − μ)² / m (kept in the inverse-std slot until it is converted).
      let variance = inverseStd
      variance.update(repeating: 0, count: groups)
      forEachRun(batch: buffers.batch) { group, start in
        let center = mean[group]
        var sum = 0.0
        for index in start..<(start + span) {
          let deviation = x[index] - center
          sum += deviation * deviation
        }
        variance[group] += sum
      }
      let keep = 1 - Self.momentum
      let unbiasing = m > 1 ? m / (m - 1) : 0
      for group in 0..<groups {
        let batchVariance = variance[group] / m
        // running μ ← 0.9 running μ + 0.1 μ;  running σ² ← 0.9 running σ² + 0.1 σ²·m/(m − 1).
        runningMean[group] = keep * runningMean[group] + Self.momentum * mean[group]
        if m > 1 {
          runningVariance[group] = keep * runningVariance[group] + Self.momentum * batchVariance * unbiasing
        }
        inverseStd[group] = 1 / (batchVariance + Self.epsilon).squareRoot()
      }
    } else {
      // Evaluation: the running averages stand in for the batch's statistics.
      mean.update(from: runningMean, count: groups)
      for group in 0..<groups { inverseStd[group] = 1 / (runningVariance[group] + Self.epsilon).squareRoot() }
    }
    // forward: x̂ = (x − μ) / √(σ² + ε),  y = γ x̂ + β.
    forEachRun(batch: buffers.batch) { group, start in
      let center = mean[group]
      let scale = inverseStd[group]
      let g = gamma[group]
      let shift = beta[group]
      for index in start..<(start + span) {
        let value = (x[index] - center) * scale
        normalized[index] = value
        y[index] = g * value + shift
      }
    }
  }

  func backward(_ buffers: LayerBuffers) {
    let dy = buffers.outputGradient
    let normalized = UnsafePointer(buffers.slots[0])
    let inverseStd = buffers.slots[2]
    let gamma = buffers.parameters
    let dGamma = buffers.gradients
    let dBeta = dGamma + groups
    let span = self.span
    // Per group: Σ dy and Σ dy·x̂.
    let sumGradient = buffers.scratch
    let sumProduct = buffers.scratch + groups
    sumGradient.update(repeating: 0, count: 2 * groups)
    forEachRun(batch: buffers.batch) { group, start in
      var gradient = 0.0
      var product = 0.0
      for index in start..<(start + span) {
        gradient += dy[index]
        product += dy[index] * normalized[index]
      }
      sumGradient[group] += gradient
      sumProduct[group] += product
    }
    // forward: y = γ x̂ + β, so dγ += Σ dy·x̂ and dβ += Σ dy.
    for group in 0..<groups {
      dGamma[group] += sumProduct[group]
      dBeta[group] += sumGradient[group]
    }
    guard let dx = buffers.inputGradient else { return }
    if buffers.mode == .training {
      // forward: x̂ = (x − μ)/√(σ² + ε) with μ and σ² of the batch, so
      // dx = (γ / (m √(σ² + ε))) · (m dy − Σ dy − x̂ Σ(dy·x̂)).
      let m = Double(buffers.batch * span)
      forEachRun(batch: buffers.batch) { group, start in
        let factor = gamma[group] * inverseStd[group] / m
        let total = sumGradient[group]
        let product = sumProduct[group]
        for index in start..<(start + span) {
          dx[index] = factor * (m * dy[index] - total - normalized[index] * product)
        }
      }
    } else {
      // forward: x̂ = (x − running μ)/√(running σ² + ε), constants here, so dx = dy·γ/√(running σ² + ε).
      forEachRun(batch: buffers.batch) { group, start in
        let factor = gamma[group] * inverseStd[group]
        for index in start..<(start + span) { dx[index] = factor * dy[index] }
      }
    }
  }

  /// `BatchNorm(8 channels)` or `BatchNorm(5)`.
  var description: String {
    inputShape.rank == 3 ? "BatchNorm(\(groups) channels)" : "BatchNorm(\(groups))"
  }
}
