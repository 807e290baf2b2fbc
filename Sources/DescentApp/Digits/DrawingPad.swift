/// An 8×8 grid the learner draws a digit on, pixel by pixel, with a cursor.
///
/// Pixels hold 0…1 like the `digits` images (white ink on black). Painting sets the pixel under
/// the cursor to full ink and its four neighbours to at least `edgeInk`, because the training
/// digits are blurred (each pixel counts the ink in a 4×4 block of a larger drawing): a hard
/// one-pixel stroke looks to the network unlike anything it saw.
public struct DrawingPad: Equatable, Sendable {
  /// Pixels per side.
  public let side: Int
  /// Row-major pixel values, 0…1.
  public private(set) var pixels: [Double]
  public private(set) var cursorRow: Int
  public private(set) var cursorColumn: Int

  /// The ink a painted pixel gives each of its four neighbours (at least).
  public static let edgeInk = 0.25

  public init(side: Int = 8) {
    self.side = max(1, side)
    pixels = [Double](repeating: 0, count: self.side * self.side)
    cursorRow = self.side / 2
    cursorColumn = self.side / 2
  }

  /// A pad holding `pixels` (row-major, `side × side`), cursor in the middle.
  public init(side: Int = 8, pixels: [Double]) {
    self.init(side: side)
    if pixels.count == self.side * self.side { self.pixels = pixels.map { min(1, max(0, $0.isFinite ? $0 : 0)) } }
  }

  /// Whether nothing is drawn.
  public var isBlank: Bool { pixels.allSatisfy { $0 == 0 } }

  /// The pixel at `row`, `column` (0 outside the pad).
  public func pixel(row: Int, column: Int) -> Double {
    guard (0..<side).contains(row), (0..<side).contains(column) else { return 0 }
    return pixels[row * side + column]
  }

  /// Moves the cursor, stopping at the edges.
  public mutating func moveCursor(rows: Int, columns: Int) {
    cursorRow = min(side - 1, max(0, cursorRow + rows))
    cursorColumn = min(side - 1, max(0, cursorColumn + columns))
  }

  /// Puts the cursor on `row`, `column` (clamped to the pad).
  public mutating func placeCursor(row: Int, column: Int) {
    cursorRow = min(side - 1, max(0, row))
    cursorColumn = min(side - 1, max(0, column))
  }

  /// Full ink under the cursor, and at least `edgeInk` on its four neighbours.
  public mutating func paint() {
    set(row: cursorRow, column: cursorColumn, to: 1)
    for (rowOffset, columnOffset) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
      let row = cursorRow + rowOffset, column = cursorColumn + columnOffset
      guard (0..<side).contains(row), (0..<side).contains(column) else { continue }
      set(row: row, column: column, to: max(Self.edgeInk, pixel(row: row, column: column)))
    }
  }

  /// No ink under the cursor.
  public mutating func erase() {
    set(row: cursorRow, column: cursorColumn, to: 0)
  }

  /// No ink anywhere; the cursor stays.
  public mutating func clear() {
    pixels = [Double](repeating: 0, count: side * side)
  }

  private mutating func set(row: Int, column: Int, to value: Double) {
    pixels[row * side + column] = value
  }
}
