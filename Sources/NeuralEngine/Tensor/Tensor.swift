/// Numbers with a shape, stored contiguously in row-major order; a batch has the batch first.
public struct Tensor: Equatable, Sendable, CustomStringConvertible {
  public let shape: TensorShape
  public var values: [Double]

  public init(shape: TensorShape, values: [Double]) {
    precondition(values.count == shape.count, "\(values.count) values do not fill a \(shape) tensor")
    self.shape = shape
    self.values = values
  }

  /// A tensor of zeros.
  public init(zeros shape: TensorShape) {
    self.init(shape: shape, values: [Double](repeating: 0, count: shape.count))
  }

  /// The number at `indices` (one per dimension).
  public subscript(indices: Int...) -> Double {
    get { values[offset(of: indices)] }
    set { values[offset(of: indices)] = newValue }
  }

  /// Position of `indices` in `values`.
  public func offset(of indices: [Int]) -> Int {
    precondition(indices.count == shape.rank, "a \(shape) tensor needs \(shape.rank) indices")
    var offset = 0
    for (index, size) in zip(indices, shape.dimensions) {
      precondition((0..<size).contains(index), "index \(index) is outside 0..<\(size)")
      offset = offset * size + index
    }
    return offset
  }

  /// `Tensor(8×6×6)`.
  public var description: String { "Tensor(\(shape))" }
}
