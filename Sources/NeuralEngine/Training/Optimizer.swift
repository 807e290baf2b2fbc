import CIntrinsics
import Foundation

/// Turns gradients into parameter updates on the network's flat buffer, keeping whatever state
/// its rule needs (one number or two per parameter, in the buffer's layout).
///
/// For a parameter `p` with gradient `g` and learning rate `η`:
/// - `sgd`: `p ← p − η g`;
/// - `momentum`: `v ← μ v + g`, `p ← p − η v`;
/// - `nesterov`: `v ← μ v + g`, `p ← p − η (g + μ v)` (looks one step ahead along `v`);
/// - `adagrad`: `s ← s + g²`, `p ← p − η g / (√s + ε)`;
/// - `rmsprop`: `s ← ρ s + (1 − ρ) g²`, `p ← p − η g / (√s + ε)`;
/// - `adam`: `t ← t + 1`, `m ← β₁ m + (1 − β₁) g`, `s ← β₂ s + (1 − β₂) g²`,
///   `p ← p − η m̂ / (√ŝ + ε)` with `m̂ = m / (1 − β₁ᵗ)`, `ŝ = s / (1 − β₂ᵗ)`.
///
/// Before the rule, L1/L2 add their penalty's gradient to weight blocks, and a clipping norm
/// rescales the whole gradient when its length exceeds it. Frozen ranges do not move. The
/// learning rate may change between any two steps; changing `kind` clears the moments.
public struct Optimizer: Equatable, Sendable {
  /// Which rule; setting a different one resets the moments and Adam's step count.
  public var kind: OptimizerKind {
    didSet { if kind != oldValue { reset() } }
  }
  public var learningRate: Double
  /// `μ` for momentum and Nesterov.
  public var momentum = 0.9
  /// `ρ` for RMSProp.
  public var decay = 0.9
  public var beta1 = 0.9
  public var beta2 = 0.999
  public var epsilon = 1e-8
  /// The longest gradient (Euclidean norm over all trainable parameters) a step may use; nil
  /// means no clipping.
  public var clipNorm: Double?
  /// Adam's `t`: steps taken since the last reset.
  public private(set) var stepCount = 0
  /// Velocity (momentum, Nesterov), squared-gradient sum or average (AdaGrad, RMSProp), or
  /// Adam's first moment, per parameter.
  public private(set) var firstMoments: [Double] = []
  /// Adam's second moment, per parameter.
  public private(set) var secondMoments: [Double] = []

  public init(kind: OptimizerKind, learningRate: Double) {
    self.kind = kind
    self.learningRate = learningRate
  }

  /// Forgets the moments and the step count.
  public mutating func reset() {
    stepCount = 0
    firstMoments = []
    secondMoments = []
  }

  /// Forgets where the parameter at `position` was heading, keeping how steep its gradients have
  /// been: after a parameter is set by hand, momentum's and Nesterov's velocity and Adam's first
  /// moment restart at 0 for it (an old velocity would shove the new value straight away), while
  /// AdaGrad's, RMSProp's and Adam's squared-gradient statistics stay (they scale its steps, and
  /// restarting them at 0 would make its next step several times a normal one).
  public mutating func forgetVelocity(at position: Int) {
    switch kind {
    case .sgd, .adagrad, .rmsprop:
      return
    case .momentum, .nesterov, .adam:
      if firstMoments.indices.contains(position) { firstMoments[position] = 0 }
    }
  }

  /// A run of parameters that the optimizer treats alike.
  struct Range: Equatable, Sendable {
    var start: Int
    var count: Int
    /// Whether L1/L2 apply (weights, not biases).
    var regularized: Bool
    /// Whether the range is frozen (never moves).
    var frozen: Bool
  }

  /// Takes one step: when every gradient is finite (their sum of squares is, so with finite
  /// parameters every rule's change and every new value is finite), adds each parameter's change
  /// to it and copies the new values into `record` (the session's history slot), in one pass;
  /// returns false and changes nothing else otherwise. Adds the penalty's gradient into
  /// `gradients` and clips them first.
  mutating func step(
    parameters: UnsafeMutablePointer<Double>, gradients: UnsafeMutablePointer<Double>,
    record: UnsafeMutablePointer<Double>, count: Int, ranges: [Range],
    regularization: Regularization
  ) -> Bool {
    if firstMoments.count != count, kind != .sgd {
      firstMoments = [Double](repeating: 0, count: count)
      secondMoments = kind == .adam ? [Double](repeating: 0, count: count) : []
    }
    if regularization != .none {
      for range in ranges where range.regularized && !range.frozen {
        regularization.addGradient(
          weights: UnsafePointer(parameters + range.start), gradients: gradients + range.start, count: range.count)
      }
    }
    var squares = 0.0
    for range in ranges where !range.frozen {
      squares += VectorMath.sumOfSquares(gradients + range.start, count: range.count)
    }
    guard squares.isFinite else { return false }
    if let clipNorm {
      let norm = squares.squareRoot()
      if norm > clipNorm {
        let factor = clipNorm / norm
        for range in ranges where !range.frozen {
          for index in range.start..<(range.start + range.count) { gradients[index] *= factor }
        }
      }
    }
    stepCount += 1
    let rate = learningRate
    typealias V = SIMD8<Double>
    let negativeRate = V(repeating: -rate)
    let mu = V(repeating: momentum)
    // AdaGrad keeps the whole sum (ρ = 1, each g² counted whole); RMSProp a decaying average.
    let rho = V(repeating: kind == .rmsprop ? decay : 1)
    let fresh = V(repeating: kind == .rmsprop ? 1 - decay : 1)
    let eps = V(repeating: epsilon)
    let b1 = V(repeating: beta1), keep1 = V(repeating: 1 - beta1)
    let b2 = V(repeating: beta2), keep2 = V(repeating: 1 - beta2)
    // Adam's bias corrections: two `pow` calls, a tenth of a lone linear neuron's step, so only for Adam.
    let adam = kind == .adam
    let firstCorrection = V(repeating: adam ? 1 - Foundation.pow(beta1, Double(stepCount)) : 1)
    let secondCorrection = V(repeating: adam ? 1 - Foundation.pow(beta2, Double(stepCount)) : 1)
    let rule = kind
    // Runs the rule over every range, with the moments' storage (nil where the rule keeps none).
    func sweep(_ firstBase: UnsafeMutablePointer<Double>?, _ secondBase: UnsafeMutablePointer<Double>?) {
      // The rules differ only between frozen and moving parameters, so neighbouring ranges alike
      // in that go as one run (a network's blocks are many and short).
      var next = 0
      while next < ranges.count {
        var range = ranges[next]
        next += 1
        while next < ranges.count, ranges[next].frozen == range.frozen, ranges[next].start == range.start + range.count {
          range.count += ranges[next].count
          next += 1
        }
        let end = range.start + range.count
        if range.frozen {
          (record + range.start).update(from: parameters + range.start, count: range.count)
          continue
        }
        // SGD, most runs' rule, keeps its own loop: through this one it measured 3 % slower on W3.
        if rule == .sgd {
          Self.descend(
            parameters + range.start, along: gradients + range.start, rate: rate, record: record + range.start,
            count: range.count)
          continue
        }
        // Eight parameters at a time, the last few through a partly filled vector (its spare
        // lanes compute on zeros and are never stored): the rules' arithmetic is elementwise, in
        // the order of the formulas above, so each number is what one-by-one code gives. (A
        // rule's moments exist whenever there is a parameter to move, so the unwraps hold.)
        var index = range.start
        while index < end {
          let lanes = Swift.min(8, end &- index)
          let g = V.load(gradients + index, lanes: lanes)
          let change: V
          switch rule {
          case .sgd:
            preconditionFailure("SGD's ranges go through `descend`, above")
          case .momentum, .nesterov:
            let velocity = mu * V.load(firstBase! + index, lanes: lanes) + g
            velocity.store(to: firstBase! + index, lanes: lanes)
            change = rule == .nesterov ? negativeRate * (g + mu * velocity) : negativeRate * velocity
          case .adagrad, .rmsprop:
            let squares = rho * V.load(firstBase! + index, lanes: lanes) + fresh * g * g
            squares.store(to: firstBase! + index, lanes: lanes)
            change = negativeRate * g / (ci_square_root(squares) + eps)
          case .adam:
            let first = b1 * V.load(firstBase! + index, lanes: lanes) + keep1 * g
            let second = b2 * V.load(secondBase! + index, lanes: lanes) + keep2 * g * g
            first.store(to: firstBase! + index, lanes: lanes)
            second.store(to: secondBase! + index, lanes: lanes)
            change = negativeRate * (first / firstCorrection) / (ci_square_root(second / secondCorrection) + eps)
          }
          Self.move(parameters, recordingIn: record, at: index, lanes: lanes, by: change)
          index &+= 8
        }
      }
    }
    // SGD keeps no moments, and reaching into their (empty) arrays costs a lone neuron's step 5 %.
    switch rule {
    case .sgd:
      sweep(nil, nil)
    case .adam:
      firstMoments.withUnsafeMutableBufferPointer { first in
        secondMoments.withUnsafeMutableBufferPointer { second in sweep(first.baseAddress, second.baseAddress) }
      }
    case .momentum, .nesterov, .adagrad, .rmsprop:
      firstMoments.withUnsafeMutableBufferPointer { first in sweep(first.baseAddress, nil) }
    }
    return true
  }

  /// How many parameters ahead of the one being written a step asks for the record's cache line
  /// (eight lines): the record slot was last written a ring's length of steps ago and sits in
  /// L2, and stores that wait for their lines one at a time cost a wide network's SGD step
  /// about a tenth of its time (docs/DECISIONS.md). 64 to 256 measured alike.
  static let recordLookahead = 64

  /// Plain SGD over one range, eight lanes at a time: each change is `−η g` (the step is most
  /// of a wide network's update, and its streams want whole vectors).
  private static func descend(
    _ parameters: UnsafeMutablePointer<Double>, along gradients: UnsafeMutablePointer<Double>, rate: Double,
    record: UnsafeMutablePointer<Double>, count: Int
  ) {
    let scale = SIMD8<Double>(repeating: -rate)
    // Whole vectors with a constant lane count (no per-vector test), then the partly filled one.
    var index = 0
    while index &+ 8 <= count {
      move(parameters, recordingIn: record, at: index, lanes: 8, by: scale * .load(gradients + index, lanes: 8))
      index &+= 8
    }
    if index < count {
      let lanes = count &- index
      move(parameters, recordingIn: record, at: index, lanes: lanes, by: scale * .load(gradients + index, lanes: lanes))
    }
  }

  /// Adds `change` to `lanes` parameters from `index` and copies the new values into `record`,
  /// asking for the record's line `recordLookahead` parameters ahead.
  @inline(__always)
  private static func move(
    _ parameters: UnsafeMutablePointer<Double>, recordingIn record: UnsafeMutablePointer<Double>, at index: Int,
    lanes: Int, by change: SIMD8<Double>
  ) {
    ci_prefetch_for_writing(record + (index &+ recordLookahead))
    let moved = SIMD8<Double>.load(parameters + index, lanes: lanes) + change
    moved.store(to: parameters + index, lanes: lanes)
    moved.store(to: record + index, lanes: lanes)
  }
}

extension SIMD8 where Scalar == Double {
  /// The first `lanes` numbers at `pointer` (1…8), the other lanes 0; one vector load for 8.
  @inline(__always)
  fileprivate static func load(_ pointer: UnsafePointer<Double>, lanes: Int) -> Self {
    if lanes == 8 { return UnsafeRawPointer(pointer).loadUnaligned(as: Self.self) }
    var vector = Self()
    for lane in 0..<lanes { vector[lane] = pointer[lane] }
    return vector
  }

  /// Writes the first `lanes` numbers (1…8) to `pointer`; one vector store for 8.
  @inline(__always)
  fileprivate func store(to pointer: UnsafeMutablePointer<Double>, lanes: Int) {
    if lanes == 8 {
      UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Self.self)
      return
    }
    for lane in 0..<lanes { pointer[lane] = self[lane] }
  }
}
