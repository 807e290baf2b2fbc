/// The shape of one sample (or of a batch, with the batch first): `[features]`,
/// `[channels, height, width]` or `[time steps, features]`.
public struct TensorShape: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
  /// Sizes from the slowest-varying to the fastest (row-major).
  public let dimensions: [Int]
  /// Numbers in a tensor of this shape.
  public let count: Int

  public init(_ dimensions: [Int]) {
    precondition(dimensions.allSatisfy { $0 > 0 }, "every dimension must be positive")
    self.dimensions = dimensions
    count = dimensions.reduce(1, *)
  }

  public init(arrayLiteral dimensions: Int...) {
    self.init(dimensions)
  }

  /// Number of dimensions.
  public var rank: Int { dimensions.count }

  public subscript(axis: Int) -> Int { dimensions[axis] }

  /// This shape with a batch dimension in front.
  public func batched(_ batch: Int) -> TensorShape { TensorShape([batch] + dimensions) }

  /// `8×6×6`.
  public var description: String { dimensions.map(String.init).joined(separator: "×") }
}
