/// What every layer kind provides.
///
/// A layer is a value holding only sizes and where its parameter blocks start in the network's
/// flat buffer; its numbers live in that buffer, in the gradients (same layout) and in the
/// workspace the session allocates once. `forward` reads `input` and writes `output` and its trace
/// slots; `backward` reads `outputGradient` and the trace, adds (`+=`) into the parameter
/// gradients and writes `inputGradient` when one is asked for.
protocol LayerKind: Hashable, Sendable, CustomStringConvertible {
  /// The shape of one sample this layer reads.
  var inputShape: TensorShape { get }
  /// The shape of one sample this layer writes.
  var outputShape: TensorShape { get }
  /// The start of the layer's block names (`conv` gives `conv1.kernel`); dense layers use the
  /// lessons' `w1`/`b1` instead.
  var namePrefix: String { get }
  /// Parameter blocks, in the order they sit in the flat buffer (the network places them).
  var parameterBlocks: [ParameterBlock.Layout] { get }
  /// Numbers the layer keeps that training does not differentiate (batch norm's running
  /// averages), from `stateOffset` in the network's state buffer.
  var stateCount: Int { get }
  /// What the layer records per pass, for its backward pass and for lessons to show.
  var traceSlots: [TraceSlot] { get }
  /// Temporary numbers a pass over `batch` samples needs (shared between layers).
  func scratchCount(batch: Int) -> Int
  /// Draws the layer's starting parameters (and sets its state) in the flat buffers.
  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64)
  /// Computes `output` (and the trace) from `input` for `buffers.batch` samples.
  func forward(_ buffers: LayerBuffers, using generator: inout SplitMix64)
  /// Back-propagates `outputGradient` into the parameter gradients and `inputGradient`.
  func backward(_ buffers: LayerBuffers)
}

extension LayerKind {
  var namePrefix: String { "" }
  var parameterBlocks: [ParameterBlock.Layout] { [] }
  var stateCount: Int { 0 }
  var traceSlots: [TraceSlot] { [] }
  func scratchCount(batch: Int) -> Int { 0 }
  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, state: UnsafeMutablePointer<Double>,
    rule: WeightInitialisation, bias: Double, using generator: inout SplitMix64
  ) {}
  /// Numbers in all parameter blocks.
  var parameterCount: Int { parameterBlocks.reduce(0) { $0 + $1.shape.count } }
}

/// Whether a pass trains (dropout drops, batch norm uses batch statistics) or evaluates.
public enum PassMode: Hashable, Sendable {
  case training
  case evaluation
}

/// A named value a layer records per pass (`z`, `feature maps`, `forget gate`, `c`…).
public struct TraceSlot: Hashable, Sendable {
  /// How the slot's numbers are laid out for a batch of `B` samples.
  public enum Layout: Hashable, Sendable {
    /// `[B, shape…]`: one block per sample.
    case batchFirst
    /// `[T, B, rest…]` where `shape = [T, rest…]`: one block per time step, so a step's batch is
    /// one contiguous matrix (recurrent layers).
    case timeMajor
    /// `shape` once for the whole batch (batch statistics, per-step gradient norms).
    case perBatch
  }

  public let name: String
  public let shape: TensorShape
  public let layout: Layout

  public init(_ name: String, _ shape: TensorShape, layout: Layout = .batchFirst) {
    self.name = name
    self.shape = shape
    self.layout = layout
  }

  /// Numbers the slot needs for `capacity` samples.
  func count(capacity: Int) -> Int { layout == .perBatch ? shape.count : shape.count * capacity }
}

/// Pointers to one layer's slots, in the order of its `traceSlots` (at most eight).
struct SlotPointers {
  private var s0, s1, s2, s3, s4, s5, s6, s7: UnsafeMutablePointer<Double>?

  static let capacity = 8

  init() {}

  subscript(index: Int) -> UnsafeMutablePointer<Double> {
    get {
      let pointer: UnsafeMutablePointer<Double>?
      switch index {
      case 0: pointer = s0
      case 1: pointer = s1
      case 2: pointer = s2
      case 3: pointer = s3
      case 4: pointer = s4
      case 5: pointer = s5
      case 6: pointer = s6
      default: pointer = s7
      }
      guard let pointer else { preconditionFailure("trace slot \(index) was not planned") }
      return pointer
    }
    set {
      switch index {
      case 0: s0 = newValue
      case 1: s1 = newValue
      case 2: s2 = newValue
      case 3: s3 = newValue
      case 4: s4 = newValue
      case 5: s5 = newValue
      case 6: s6 = newValue
      default: s7 = newValue
      }
    }
  }
}

/// Everything one layer reads and writes during one pass, as raw pointers into buffers that
/// were allocated once; layers wrap them in typed views before computing.
struct LayerBuffers {
  /// Samples in this pass.
  var batch: Int
  var mode: PassMode
  /// `batch × inputShape.count` values.
  var input: UnsafePointer<Double>
  /// The same inputs feature by feature (feature `f` of sample `s` at `f · inputColumnStride + s`),
  /// when the session keeps them: only for the first layer, and only when it reads few features,
  /// so a dense layer can vectorise across samples instead of across its few inputs.
  var inputColumns: UnsafePointer<Double>? = nil
  var inputColumnStride = 0
  /// `batch × outputShape.count` values.
  var output: UnsafeMutablePointer<Double>
  /// `∂L/∂output`, same size as `output` (backward only).
  var outputGradient: UnsafeMutablePointer<Double>
  /// Where `∂L/∂input` goes; nil when nothing needs it (the first layer).
  var inputGradient: UnsafeMutablePointer<Double>?
  /// The layer's first parameter block in the flat buffer.
  var parameters: UnsafeMutablePointer<Double>
  /// The same position in the gradient buffer.
  var gradients: UnsafeMutablePointer<Double>
  /// The layer's non-trainable state.
  var state: UnsafeMutablePointer<Double>
  var slots: SlotPointers
  var scratch: UnsafeMutablePointer<Double>
}
