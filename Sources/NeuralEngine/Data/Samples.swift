/// A table of numbers, one row per sample, stored contiguously (row-major) so training loops can
/// walk it without allocating.
public struct Samples: Equatable, Sendable {
  /// Numbers per row.
  public let width: Int
  /// All rows, one after another.
  public private(set) var values: [Double]

  /// Number of rows (kept, not divided out: a training step reads it several times).
  public private(set) var count: Int

  public init(width: Int, values: [Double] = []) {
    precondition(width > 0 && values.count % width == 0, "values must fill whole rows")
    self.width = width
    self.values = values
    count = values.count / width
  }

  public init(rows: [[Double]]) {
    let width = rows.first?.count ?? 1
    self.init(width: width, values: rows.flatMap { $0 })
  }

  /// One row, as a slice of the storage.
  public subscript(row: Int) -> ArraySlice<Double> {
    values[(row * width)..<((row + 1) * width)]
  }

  public mutating func append(_ row: [Double]) {
    precondition(row.count == width, "row width \(row.count) ≠ \(width)")
    values.append(contentsOf: row)
    count += 1
  }
}
