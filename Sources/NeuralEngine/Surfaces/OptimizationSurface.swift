import Foundation

/// A loss over two parameters `(x, y)` given by a formula, to watch optimizers on: the six
/// landscapes of the gradient-descent visualisers (a bowl, a long valley, a saddle, a plateau,
/// rolling hills, and a shallow dip beside a deeper one).
///
/// Each is a pure function with its exact gradient, a start point that makes its point, and a
/// view range holding the start and the interesting minima. Every loss is 0 or more.
public enum OptimizationSurface: String, CaseIterable, Sendable {
  case bowl
  case valley
  case saddle
  case plateau
  case hills
  case localMinimum = "local-minimum"

  /// One line for the screen (at most 76 columns): what the surface is and what to watch for.
  public var summary: String {
    switch self {
    case .bowl: "A round bowl, as steep every way: every rule heads straight down."
    case .valley: "A long narrow valley: plain steps bounce off the walls and crawl the floor."
    case .saddle: "A saddle: the start sits on its ridge, where the slope sideways is tiny."
    case .plateau: "A flat plateau round one dip: tiny gradients, so plain steps barely move."
    case .hills: "Rolling hills in a bowl: several dips; where a run ends depends on its rule."
    case .localMinimum: "A shallow dip by the start, a deeper one past a ridge: who gets over?"
    }
  }

  /// The loss at `(x, y)`.
  ///
  /// - bowl: `(x² + y²) / 2`
  /// - valley: `x² / 20 + 2y²`
  /// - saddle: `x² / 2 + y⁴ / 4 − y² / 2 + 1/4` (a saddle at the origin, minima at y = ±1)
  /// - plateau: `1 − exp(−(x² + y²) / 2)`
  /// - hills: `(x² + y²) / 10 + sin x · sin y + 1`
  /// - local minimum: `x⁴ / 4 − x² + 0.3x + y² / 2 + 1.5` (minima near x = 1.26 and x = −1.49)
  public func loss(x: Double, y: Double) -> Double {
    switch self {
    case .bowl: return (x * x + y * y) / 2
    case .valley: return x * x / 20 + 2 * y * y
    case .saddle: return x * x / 2 + y * y * y * y / 4 - y * y / 2 + 0.25
    case .plateau: return 1 - exp(-(x * x + y * y) / 2)
    case .hills: return (x * x + y * y) / 10 + sin(x) * sin(y) + 1
    case .localMinimum: return x * x * x * x / 4 - x * x + 0.3 * x + y * y / 2 + 1.5
    }
  }

  /// `(∂loss/∂x, ∂loss/∂y)` at `(x, y)`, derived by hand from `loss` term by term.
  public func gradient(x: Double, y: Double) -> (x: Double, y: Double) {
    switch self {
    case .bowl:
      return (x, y)
    case .valley:
      return (x / 10, 4 * y)
    case .saddle:
      return (x, y * y * y - y)
    case .plateau:
      // d/dx of −exp(−r²/2) is x · exp(−r²/2).
      let bump = exp(-(x * x + y * y) / 2)
      return (x * bump, y * bump)
    case .hills:
      return (x / 5 + cos(x) * sin(y), y / 5 + sin(x) * cos(y))
    case .localMinimum:
      return (x * x * x - 2 * x + 0.3, y)
    }
  }

  /// Where every run starts.
  public var start: (x: Double, y: Double) {
    switch self {
    case .bowl: (-4, 3)
    case .valley: (-8, 1.5)
    case .saddle: (-2.5, 0.001)
    case .plateau: (-2.5, 1.5)
    case .hills: (-4, 3.5)
    case .localMinimum: (2.1, 1.5)
    }
  }

  /// The part of the plane drawn: x across, y up.
  public var viewRange: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
    switch self {
    case .bowl: (-5...5, -5...5)
    case .valley: (-10...10, -3...3)
    case .saddle: (-3...3, -2...2)
    case .plateau: (-4...4, -4...4)
    case .hills: (-5...5, -5...5)
    case .localMinimum: (-2.5...2.5, -2...2)
    }
  }

  /// The loss sampled over `viewRange` (columns along x, row 0 the highest y), for the heatmap.
  public func grid(columns: Int, rows: Int) -> LossGrid {
    let range = viewRange
    var grid = LossGrid(columns: columns, rows: rows, firstRange: range.x, secondRange: range.y)
    for row in 0..<rows {
      let y = grid.secondValue(row: row)
      for column in 0..<columns {
        grid.values[row * columns + column] = loss(x: grid.firstValue(column: column), y: y)
      }
    }
    return grid
  }
}
