/// One optimizer walking down an `OptimizationSurface` from the surface's start: the engine's own
/// `Optimizer` applied to a two-number parameter vector `[x, y]`, with the loss and the path kept
/// for the views.
///
/// A step takes the exact gradient at the current point. The run stops (diverged) when the
/// gradient or the new loss is not finite or the loss grows past the run monitor's bound.
public struct SurfaceDescent: Sendable {
  public let surface: OptimizationSurface
  /// The current point, `[x, y]`.
  public private(set) var parameters: [Double]
  public private(set) var optimizer: Optimizer
  /// Loss after each step; the first point is the start's loss at step 0.
  public private(set) var lossHistory = DownsampledSeries()
  /// Points visited, oldest first, from the start; bounded: when full, every other point is
  /// dropped, so the whole path keeps its shape.
  public private(set) var path: [(x: Double, y: Double)] = []
  public private(set) var stepCount = 0
  private var monitor = RunMonitor()

  /// Most points `path` keeps.
  static let pathCapacity = 2048

  public init(surface: OptimizationSurface, optimizer kind: OptimizerKind, learningRate: Double) {
    self.surface = surface
    let start = surface.start
    parameters = [start.x, start.y]
    optimizer = Optimizer(kind: kind, learningRate: learningRate)
    path = [(start.x, start.y)]
    let loss = surface.loss(x: start.x, y: start.y)
    lossHistory.append(loss, step: 0)
    monitor.start(initialLoss: loss)
  }

  public var state: TrainingState { monitor.state }
  public var position: (x: Double, y: Double) { (parameters[0], parameters[1]) }
  public var loss: Double { surface.loss(x: parameters[0], y: parameters[1]) }

  /// Takes one step unless the run has diverged.
  public mutating func step() {
    if case .diverged = monitor.state { return }
    let slope = surface.gradient(x: parameters[0], y: parameters[1])
    stepCount += 1
    guard optimizer.step(parameters: &parameters, gradients: [slope.x, slope.y]) else {
      monitor.stopForNonFiniteGradient(step: stepCount)
      return
    }
    let loss = self.loss
    lossHistory.append(loss, step: stepCount)
    if path.count == Self.pathCapacity {
      path = path.enumerated().compactMap { $0.offset % 2 == 0 ? $0.element : nil }
    }
    path.append((parameters[0], parameters[1]))
    _ = monitor.check(loss, .training, step: stepCount)
  }
}
