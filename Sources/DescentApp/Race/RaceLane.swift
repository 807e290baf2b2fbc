import NeuralEngine

/// One run of a race: a training session on the race's data, or an optimizer on a formula
/// surface, named by the value of the setting that varies.
///
/// Exactly one of `session` and `descent` is set. They are stored as optionals, not as an enum's
/// payloads, so a step mutates the run in place instead of stepping a copy of its buffers.
public struct RaceLane {
  /// The varying setting's value: `0.01`, `adam`, `full batch`, `relu`.
  public let label: String
  /// The run on the race's data, for a dataset race.
  public private(set) var session: TrainingSession?
  /// The run on a formula surface, for a surface race.
  public private(set) var descent: SurfaceDescent?

  init(label: String, session: TrainingSession) {
    self.label = label
    self.session = session
  }

  init(label: String, descent: SurfaceDescent) {
    self.label = label
    self.descent = descent
  }

  public var state: TrainingState { session?.state ?? descent?.state ?? .running }

  /// The step at which the run diverged and stopped, if it did.
  public var divergedAtStep: Int? {
    if case .diverged(let reason) = state { return reason.step }
    return nil
  }

  public var hasDiverged: Bool { divergedAtStep != nil }

  public var stepCount: Int { session?.stepCount ?? descent?.stepCount ?? 0 }

  /// The loss now: the whole training split's for a network (at its last evaluation), the
  /// formula's at the current point for a surface.
  public var loss: Double { session?.trainLoss ?? descent?.loss ?? .nan }

  /// The loss curve, as (step, loss).
  var lossPoints: [SeriesPoint] { session?.history.trainLoss.points ?? descent?.lossHistory.points ?? [] }

  /// `count` steps, fewer when the run diverges (it then stays where it stopped). A run that
  /// converges keeps stepping, so every run of a race has taken the same steps.
  mutating func step(count: Int) {
    for _ in 0..<count where !hasDiverged {
      session?.step()
      descent?.step()
    }
    session?.refreshMetrics()
  }
}
