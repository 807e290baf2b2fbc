/// The shape of one sample (or of a batch, with the batch first): `[features]`,
/// `[channels, height, width]` or `[time steps, features]`.
///
/// Up to four dimensions, stored inline: a shape is a plain value that layers hold without
/// any reference counting when a training step copies them.
public struct TensorShape: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
  /// Most dimensions a shape has.
  public static let maximumRank = 4

  /// Number of dimensions.
  public let rank: Int
  /// Numbers in a tensor of this shape.
  public let count: Int
  private let sizes: (Int, Int, Int, Int)

  public init(_ dimensions: [Int]) {
    precondition(dimensions.allSatisfy { $0 > 0 }, "every dimension must be positive")
    precondition(dimensions.count <= Self.maximumRank, "at most \(Self.maximumRank) dimensions")
    rank = dimensions.count
    count = dimensions.reduce(1, *)
    func size(_ axis: Int) -> Int { axis < dimensions.count ? dimensions[axis] : 1 }
    sizes = (size(0), size(1), size(2), size(3))
  }

  public init(arrayLiteral dimensions: Int...) {
    self.init(dimensions)
  }

  /// Sizes from the slowest-varying to the fastest (row-major).
  public var dimensions: [Int] { (0..<rank).map { self[$0] } }

  public subscript(axis: Int) -> Int {
    precondition((0..<rank).contains(axis), "axis \(axis) is outside a rank-\(rank) shape")
    switch axis {
    case 0: return sizes.0
    case 1: return sizes.1
    case 2: return sizes.2
    default: return sizes.3
    }
  }

  /// `8×6×6`.
  public var description: String { dimensions.map(String.init).joined(separator: "×") }

  public static func == (lhs: TensorShape, rhs: TensorShape) -> Bool { lhs.dimensions == rhs.dimensions }

  public func hash(into hasher: inout Hasher) { hasher.combine(dimensions) }
}
