import Foundation
import Testing

@testable import NeuralEngine

/// The race surfaces: exact gradients, sensible starts and ranges, and the engine's optimizers
/// walking them.
@Suite struct OptimizationSurfaceTests {
  /// Points spread over each surface's view range (corners, middle, start, off-axis points).
  static func probePoints(_ surface: OptimizationSurface) -> [(Double, Double)] {
    let range = surface.viewRange
    var points = [(surface.start.x, surface.start.y)]
    for fx in [0.13, 0.41, 0.5, 0.77, 0.94] {
      for fy in [0.07, 0.33, 0.62, 0.88] {
        let x = range.x.lowerBound + fx * (range.x.upperBound - range.x.lowerBound)
        let y = range.y.lowerBound + fy * (range.y.upperBound - range.y.lowerBound)
        points.append((x, y))
      }
    }
    return points
  }

  @Test(arguments: OptimizationSurface.allCases)
  func gradientMatchesCentralDifferences(surface: OptimizationSurface) {
    let h = 1e-6
    for (x, y) in Self.probePoints(surface) {
      let analytic = surface.gradient(x: x, y: y)
      let dx = (surface.loss(x: x + h, y: y) - surface.loss(x: x - h, y: y)) / (2 * h)
      let dy = (surface.loss(x: x, y: y + h) - surface.loss(x: x, y: y - h)) / (2 * h)
      for (exact, numeric) in [(analytic.x, dx), (analytic.y, dy)] {
        let error = abs(exact - numeric) / max(1e-6, abs(exact) + abs(numeric))
        #expect(error < 1e-6, "\(surface) at (\(x), \(y)): \(exact) vs \(numeric)")
      }
    }
  }

  @Test(arguments: OptimizationSurface.allCases)
  func startIsInViewAndTheLossIsNeverNegative(surface: OptimizationSurface) {
    let range = surface.viewRange
    #expect(range.x.contains(surface.start.x) && range.y.contains(surface.start.y))
    let grid = surface.grid(columns: 41, rows: 31)
    #expect(grid.values.allSatisfy { $0.isFinite && $0 >= 0 })
    #expect(grid.minimum < surface.loss(x: surface.start.x, y: surface.start.y), "the start is not the bottom")
    #expect(!surface.summary.isEmpty && surface.summary.count <= 76)
  }

  @Test func gridOrientationFollowsLossGrid() {
    let grid = OptimizationSurface.valley.grid(columns: 5, rows: 3)
    // Row 0 is the top (highest y), column 0 the lowest x.
    #expect(grid[column: 0, row: 0] == OptimizationSurface.valley.loss(x: -10, y: 3))
    #expect(grid[column: 4, row: 2] == OptimizationSurface.valley.loss(x: 10, y: -3))
  }

  /// The vector entry point is the session's rule: one plain step is `p − ηg`, one Adam step
  /// moves every coordinate by η (the bias-corrected ratio is ±1 on the first step).
  @Test func optimizerStepOnAVectorIsTheEnginesRule() {
    var sgd = Optimizer(kind: .sgd, learningRate: 0.1)
    var parameters = [1.0, -2.0]
    #expect(sgd.step(parameters: &parameters, gradients: [0.5, -4]))
    #expect(parameters == [1.0 - 0.1 * 0.5, -2.0 + 0.1 * 4])

    var adam = Optimizer(kind: .adam, learningRate: 0.01)
    parameters = [3, 3]
    #expect(adam.step(parameters: &parameters, gradients: [2, -0.001]))
    #expect(abs(parameters[0] - 2.99) < 1e-9 && abs(parameters[1] - 3.01) < 1e-6)

    var rejected = Optimizer(kind: .momentum, learningRate: 0.1)
    parameters = [1, 1]
    #expect(!rejected.step(parameters: &parameters, gradients: [.nan, 0]))
    #expect(parameters == [1, 1], "a non-finite gradient changes nothing")
  }

  /// A descent is the optimizer fed the surface's gradient, step after step.
  @Test(arguments: [OptimizerKind.sgd, .momentum, .rmsprop, .adam])
  func descentFollowsTheOptimizerExactly(kind: OptimizerKind) {
    var descent = SurfaceDescent(surface: .valley, optimizer: kind, learningRate: 0.1)
    var optimizer = Optimizer(kind: kind, learningRate: 0.1)
    var point = [OptimizationSurface.valley.start.x, OptimizationSurface.valley.start.y]
    for _ in 0..<50 {
      descent.step()
      let slope = OptimizationSurface.valley.gradient(x: point[0], y: point[1])
      _ = optimizer.step(parameters: &point, gradients: [slope.x, slope.y])
    }
    #expect(descent.parameters == point)
    #expect(descent.stepCount == 50 && descent.path.count == 51)
    #expect(descent.lossHistory.lastValue == OptimizationSurface.valley.loss(x: point[0], y: point[1]))
  }

  /// What the valley is for: momentum reaches the floor's far end long before plain steps do.
  @Test func momentumBeatsPlainStepsDownTheValley() {
    var plain = SurfaceDescent(surface: .valley, optimizer: .sgd, learningRate: 0.1)
    var momentum = SurfaceDescent(surface: .valley, optimizer: .momentum, learningRate: 0.1)
    for _ in 0..<100 {
      plain.step()
      momentum.step()
    }
    #expect(momentum.loss < plain.loss / 10)
  }

  /// The local-minimum surface's point: plain steps settle in the shallow dip, momentum rolls
  /// over the ridge into the deeper one.
  @Test func momentumCrossesTheRidgeThatStopsPlainSteps() {
    var plain = SurfaceDescent(surface: .localMinimum, optimizer: .sgd, learningRate: 0.1)
    var momentum = SurfaceDescent(surface: .localMinimum, optimizer: .momentum, learningRate: 0.1)
    for _ in 0..<500 {
      plain.step()
      momentum.step()
    }
    #expect(plain.position.x > 0, "sgd stays in the shallow dip by the start")
    #expect(momentum.position.x < 0, "momentum ends in the deeper dip")
    #expect(momentum.loss < plain.loss)
  }

  @Test func aTooLargeStepDivergesAndStops() {
    var descent = SurfaceDescent(surface: .bowl, optimizer: .sgd, learningRate: 2.5)
    for _ in 0..<200 { descent.step() }
    guard case .diverged(let reason) = descent.state else {
      Issue.record("η = 2.5 on the bowl must diverge: \(descent.state)")
      return
    }
    let stoppedAt = descent.stepCount
    descent.step()
    #expect(descent.stepCount == stoppedAt, "a diverged run takes no more steps")
    #expect(reason.step == stoppedAt)
  }

  @Test func pathStaysBoundedOverALongRun() {
    var descent = SurfaceDescent(surface: .hills, optimizer: .adam, learningRate: 0.05)
    for _ in 0..<(3 * SurfaceDescent.pathCapacity) { descent.step() }
    #expect(descent.path.count <= SurfaceDescent.pathCapacity)
    #expect(descent.path.first.map { $0.x == OptimizationSurface.hills.start.x } == true, "the start is kept")
  }
}
