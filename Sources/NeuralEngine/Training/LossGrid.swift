/// Loss values on a grid over two parameters: the loss surface a view draws as a heatmap.
///
/// Column 0 is the lowest value of the first parameter, the last column the highest. Row 0 is
/// the top of the picture: the highest value of the second parameter; the last row the lowest.
/// Grid points include both ends of each range.
public struct LossGrid: Equatable, Sendable {
  public let columns: Int
  public let rows: Int
  /// Range of the first parameter (horizontal).
  public let firstRange: ClosedRange<Double>
  /// Range of the second parameter (vertical).
  public let secondRange: ClosedRange<Double>
  /// `rows × columns` losses, row-major: `values[row * columns + column]`.
  public internal(set) var values: [Double]

  /// A grid of zeros.
  public init(
    columns: Int, rows: Int, firstRange: ClosedRange<Double>, secondRange: ClosedRange<Double>
  ) {
    precondition(columns > 0 && rows > 0, "a grid needs cells")
    self.columns = columns
    self.rows = rows
    self.firstRange = firstRange
    self.secondRange = secondRange
    values = [Double](repeating: 0, count: columns * rows)
  }

  /// The loss at one grid point.
  public subscript(column column: Int, row row: Int) -> Double {
    values[row * columns + column]
  }

  /// The first parameter's value at `column`.
  public func firstValue(column: Int) -> Double {
    guard columns > 1 else { return firstRange.lowerBound }
    let width = firstRange.upperBound - firstRange.lowerBound
    return firstRange.lowerBound + width * Double(column) / Double(columns - 1)
  }

  /// The second parameter's value at `row` (row 0 = highest).
  public func secondValue(row: Int) -> Double {
    guard rows > 1 else { return secondRange.upperBound }
    let height = secondRange.upperBound - secondRange.lowerBound
    return secondRange.upperBound - height * Double(row) / Double(rows - 1)
  }

  /// The smallest finite loss on the grid (0 for an all-non-finite grid).
  public var minimum: Double { values.lazy.filter(\.isFinite).min() ?? 0 }
  /// The largest finite loss on the grid (0 for an all-non-finite grid).
  public var maximum: Double { values.lazy.filter(\.isFinite).max() ?? 0 }

  /// Column and row of the smallest finite loss.
  public var minimumLocation: (column: Int, row: Int) {
    var best = 0
    for index in values.indices where values[index].isFinite {
      if !values[best].isFinite || values[index] < values[best] { best = index }
    }
    return (best % columns, best / columns)
  }
}
