/// Judges whether a run is still improving, has converged or has diverged.
///
/// Divergence: a batch, training or test loss that is NaN, infinite or above `divergenceBound`
/// (relative to the starting loss, so data in large units is not stopped at once), or an update
/// that would make a parameter non-finite.
///
/// Convergence, judged at each epoch end on the epoch's mean batch loss: below `convergedLoss`,
/// or no relative improvement of `tolerance` between the best of the last `window` epochs and
/// the best before them. Stepping a converged run is allowed and re-judges it.
public struct RunMonitor: Equatable, Sendable {
  public private(set) var state: TrainingState = .running
  /// The training loss before the first step.
  public private(set) var initialLoss: Double = 0
  /// How many times its starting loss (and at least 1e6) a loss may grow before the run counts
  /// as diverged.
  public var divergenceFactor = 1e6
  /// Minimum relative improvement over `window` epochs.
  public var tolerance = 1e-4
  /// Epochs over which improvement is judged.
  public var window = 20
  /// A loss below this counts as converged at once.
  public var convergedLoss = 1e-12
  private var recentEpochLosses: [Double] = []
  private var bestLossBeforeWindow = Double.infinity

  /// Loss beyond which the run counts as diverged.
  public var divergenceBound: Double {
    divergenceFactor * Swift.max(1, initialLoss.isFinite ? initialLoss : 1)
  }

  mutating func start(initialLoss: Double) {
    self.initialLoss = initialLoss
  }

  /// Stops the run when `value` is not a healthy loss; returns whether it did.
  mutating func check(_ value: Double, _ what: MonitoredLoss, step: Int) -> Bool {
    if !value.isFinite {
      state = .diverged(.lossNotFinite(what, value: value, step: step))
    } else if value > divergenceBound {
      state = .diverged(.lossExceeded(what, value: value, bound: divergenceBound, step: step))
    } else {
      return false
    }
    return true
  }

  mutating func stopForNonFiniteGradient(step: Int) {
    state = .diverged(.gradientNotFinite(step: step))
  }

  /// Judges an epoch that ended with mean loss `loss`.
  mutating func judgeEpoch(loss: Double) {
    if case .diverged = state { return }
    recentEpochLosses.append(loss)
    if recentEpochLosses.count > window {
      bestLossBeforeWindow = Swift.min(bestLossBeforeWindow, recentEpochLosses.removeFirst())
    }
    if loss < convergedLoss {
      state = .converged
    } else if bestLossBeforeWindow.isFinite, let bestInWindow = recentEpochLosses.min() {
      let improvement = (bestLossBeforeWindow - bestInWindow) / Swift.max(bestLossBeforeWindow, 1e-300)
      state = improvement < tolerance ? .converged : .running
    }
  }
}
