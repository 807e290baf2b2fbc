/// A named run of parameters in a network's flat buffer: `w1` (a dense layer's weights),
/// `conv1.kernel`, `lstm1.forget.w`. The gradients, the optimizer's moments and the parameter
/// history use the same layout, so one offset addresses a parameter in all of them.
public struct ParameterBlock: Hashable, Sendable, CustomStringConvertible {
  /// What a block does, which decides whether regularisation applies and how it starts.
  public enum Role: Hashable, Sendable {
    /// Multiplies inputs (dense weights, convolution kernels, recurrent matrices): penalised by
    /// L1/L2 and drawn by the initialisation rule.
    case weight
    /// Added to a sum (biases, batch norm's shift β): not penalised, starts at the bias value.
    case bias
    /// Batch norm's scale γ: not penalised, starts at 1.
    case scale
  }

  /// A block as a layer declares it, before the network places it.
  public struct Layout: Hashable, Sendable {
    /// The block's name inside its layer: `w`, `b`, `kernel`, `forget.w`.
    public let name: String
    public let shape: TensorShape
    public let role: Role

    public init(_ name: String, _ shape: TensorShape, role: Role) {
      self.name = name
      self.shape = shape
      self.role = role
    }
  }

  /// The full name: `w1`, `b1`, `conv1.kernel`, `lstm1.forget.w`.
  public let name: String
  /// Index of the owning layer in `Network.layers`.
  public let layer: Int
  /// Position of the first number in the flat buffer.
  public let offset: Int
  public let shape: TensorShape
  public let role: Role

  public init(name: String, layer: Int, offset: Int, shape: TensorShape, role: Role) {
    self.name = name
    self.layer = layer
    self.offset = offset
    self.shape = shape
    self.role = role
  }

  /// Numbers in the block.
  public var count: Int { shape.count }

  /// Flat-buffer positions of the block.
  public var range: Range<Int> { offset..<(offset + count) }

  /// The indices of the block's `position`-th number (row-major).
  public func indices(at position: Int) -> [Int] {
    var remainder = position
    var indices = [Int](repeating: 0, count: shape.rank)
    for axis in stride(from: shape.rank - 1, through: 0, by: -1) {
      indices[axis] = remainder % shape[axis]
      remainder /= shape[axis]
    }
    return indices
  }

  /// The position inside the block of `indices`, or nil when they do not fit its shape.
  public func position(of indices: [Int]) -> Int? {
    guard indices.count == shape.rank else { return nil }
    var position = 0
    for (index, size) in zip(indices, shape.dimensions) {
      guard (0..<size).contains(index) else { return nil }
      position = position * size + index
    }
    return position
  }

  /// `w1 4×2`.
  public var description: String { "\(name) \(shape)" }
}
