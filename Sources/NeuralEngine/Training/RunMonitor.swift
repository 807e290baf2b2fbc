/// Judges whether a run is still improving, has converged or has diverged.
///
/// Divergence: a batch, training or test loss that is NaN, infinite or above `divergenceBound`
/// (relative to the starting loss, so data in large units is not stopped at once), or a
/// gradient that is not finite. Caught at the step it happens.
///
/// Convergence means the loss is truly flat for long, judged at each epoch end on the epochs'
/// mean batch losses: the mean of the last `window / 2` epochs and the mean of the `window / 2`
/// before them differ by less than `tolerance` (relative), after at least `minimumSteps` steps,
/// with the loss below `improvement` × its starting value (a run stuck far above where it
/// started has not converged, it has failed). Comparing means rather than single epochs keeps a
/// spike or dropout's noise from reading as flatness; a slow descent off a plateau differs by
/// more than the tolerance. A loss below `convergedLoss` converges at once.
///
/// Stepping a converged run makes it run again, and it must then be flat for a whole new window
/// before it counts as converged again.
public struct RunMonitor: Equatable, Sendable {
  public private(set) var state: TrainingState = .running
  /// The training loss before the first step.
  public private(set) var initialLoss: Double = 0
  /// How many times its starting loss (and at least 1e6) a loss may grow before the run counts
  /// as diverged.
  public var divergenceFactor = 1e6
  /// Largest relative difference between the two halves of the window that counts as flat.
  public var tolerance = 1e-4
  /// Epochs over which flatness is judged.
  public var window = 40
  /// Steps a run takes at least before it can count as converged.
  public var minimumSteps = 200
  /// A converged loss is at most this fraction of the starting loss.
  public var improvement = 0.9
  /// A loss below this counts as converged at once.
  public var convergedLoss = 1e-12
  private var recentEpochLosses: [Double] = []

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

  /// A step is about to be taken: a converged run is running again, judged afresh.
  mutating func resume() {
    guard state == .converged else { return }
    state = .running
    recentEpochLosses.removeAll(keepingCapacity: true)
  }

  /// Judges an epoch that ended with mean loss `loss` after `steps` steps in all.
  mutating func judgeEpoch(loss: Double, steps: Int) {
    if case .diverged = state { return }
    if loss < convergedLoss {
      state = .converged
      return
    }
    // Older losses are dropped a window at a time, not one per epoch: a lone neuron's epoch is
    // one short step, and shifting the window every epoch cost it 1.5 %.
    if recentEpochLosses.count >= 2 * window { recentEpochLosses.removeFirst(recentEpochLosses.count - window + 1) }
    recentEpochLosses.append(loss)
    guard recentEpochLosses.count >= window, steps >= minimumSteps else { return }
    let half = window / 2
    let end = recentEpochLosses.count
    let earlier = recentEpochLosses[(end - 2 * half)..<(end - half)].reduce(0, +) / Double(half)
    let later = recentEpochLosses[(end - half)...].reduce(0, +) / Double(half)
    let flat = Swift.abs(earlier - later) <= tolerance * Swift.max(earlier, 1e-300)
    let improved = later <= improvement * initialLoss
    state = flat && improved ? .converged : .running
  }
}
