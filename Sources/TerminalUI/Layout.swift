/// Splits a rectangle into rows or columns by fixed rules: no general constraint solver.
///
/// ```swift
/// let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
/// ```
public struct Layout: Equatable, Sendable {
  /// How much of the split one piece takes.
  public enum Constraint: Equatable, Sendable {
    /// Exactly `n` cells (less only when the area is too small).
    case length(Int)
    /// `p` percent of the area (after gaps), rounded down.
    case percentage(Int)
    /// A share of what is left after lengths, percentages and minimums, by weight.
    case fill(Int)
    /// At least `n` cells, and a fill of weight 1 beyond that.
    case min(Int)
  }

  /// The direction pieces are laid out in.
  public enum Direction: Equatable, Sendable {
    /// Pieces stacked top to bottom (rows).
    case vertical
    /// Pieces side by side, left to right (columns).
    case horizontal
  }

  public var direction: Direction
  public var constraints: [Constraint]
  /// Empty cells between neighbouring pieces.
  public var gap: Int

  public init(direction: Direction, constraints: [Constraint], gap: Int = 0) {
    self.direction = direction
    self.constraints = constraints
    self.gap = Swift.max(0, gap)
  }

  /// Rows, top to bottom.
  public static func vertical(_ constraints: [Constraint], gap: Int = 0) -> Layout {
    Layout(direction: .vertical, constraints: constraints, gap: gap)
  }

  /// Columns, left to right.
  public static func horizontal(_ constraints: [Constraint], gap: Int = 0) -> Layout {
    Layout(direction: .horizontal, constraints: constraints, gap: gap)
  }

  // MARK: - Splitting

  /// One rect per constraint, in order; together with the gaps they never exceed `area`.
  ///
  /// Fixed sizes are granted first (lengths, percentages, minimums), shrunk from the last piece
  /// backwards when they do not fit; fills then share the rest by weight, the remainder going to
  /// the earliest fills.
  public func split(_ area: Rect) -> [Rect] {
    guard !constraints.isEmpty else { return [] }
    let total = direction == .vertical ? area.height : area.width
    let gaps = gap * (constraints.count - 1)
    let available = Swift.max(0, total - gaps)
    var sizes = constraints.map { constraint -> Int in
      switch constraint {
      case .length(let n): return Swift.max(0, n)
      case .percentage(let p): return available * Swift.min(100, Swift.max(0, p)) / 100
      case .min(let n): return Swift.max(0, n)
      case .fill: return 0
      }
    }
    // Shrink fixed pieces from the back when they overflow.
    var overflow = sizes.reduce(0, +) - available
    var index = sizes.count - 1
    while overflow > 0, index >= 0 {
      let cut = Swift.min(overflow, sizes[index])
      sizes[index] -= cut
      overflow -= cut
      index -= 1
    }
    // Share the rest among fills (and minimums, weight 1).
    let weights = constraints.map { constraint -> Int in
      switch constraint {
      case .fill(let weight): return Swift.max(0, weight)
      case .min: return 1
      default: return 0
      }
    }
    let rest = available - sizes.reduce(0, +)
    let totalWeight = weights.reduce(0, +)
    if rest > 0, totalWeight > 0 {
      var given = 0
      for position in sizes.indices where weights[position] > 0 {
        let share = rest * weights[position] / totalWeight
        sizes[position] += share
        given += share
      }
      var remainder = rest - given
      for position in sizes.indices where weights[position] > 0 && remainder > 0 {
        sizes[position] += 1
        remainder -= 1
      }
    }
    // Place them.
    var rects: [Rect] = []
    rects.reserveCapacity(sizes.count)
    var offset = direction == .vertical ? area.y : area.x
    let end = direction == .vertical ? area.maxY : area.maxX
    for size in sizes {
      let start = Swift.min(offset, end)
      let length = Swift.max(0, Swift.min(size, end - start))
      switch direction {
      case .vertical: rects.append(Rect(x: area.x, y: start, width: area.width, height: length))
      case .horizontal: rects.append(Rect(x: start, y: area.y, width: length, height: area.height))
      }
      offset = start + length + gap
    }
    return rects
  }
}
