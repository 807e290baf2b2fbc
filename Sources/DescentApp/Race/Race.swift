import LessonKit
import NeuralEngine
import TerminalUI

/// Several runs from the same start that differ in one setting, trained step for step together
/// and drawn in one picture: `descent race` and a lab's `race:`.
///
/// The runs either train networks on one dataset (same seed, so the same data and the same
/// initial weights) or walk an `OptimizationSurface` from its start. Each tick every run takes the
/// same number of steps at the chosen pace; a run that diverges stops where it is and the others
/// go on. `update` is the only place it changes; `render` (in `Race+Render.swift`) only reads it.
public struct Race {
  /// How to build one run from scratch (at the start and on `r`).
  enum Recipe {
    case network(TrainingConfiguration)
    case surface(OptimizationSurface, OptimizerKind, learningRate: Double)
  }

  /// The setting the runs differ in.
  public let setting: RaceSetting
  /// What they race on: the dataset's name or the surface's.
  public let subject: String
  /// A line saying what to watch for (a surface's summary); nil for a dataset.
  public let summary: String?
  public private(set) var lanes: [RaceLane]
  /// Views shown, in layout order: the bowl (when it can be drawn) and the loss chart.
  public let panes: [LabView]
  /// Runs the learner hid with `1`–`6` (still training, not drawn).
  public private(set) var hiddenLanes: Set<Int> = []
  public private(set) var isPlaying = false
  public private(set) var pace: Pace
  /// Steps every run has been asked to take.
  public private(set) var stepCount = 0
  /// Loss chart y axis: logarithmic when true (the default: runs apart by orders of magnitude
  /// stay readable side by side).
  public private(set) var usesLogScale = true
  /// Index into `panes` of the pane Tab has selected.
  public private(set) var focusedPaneIndex = 0
  /// The pane Enter has enlarged, if any.
  public private(set) var maximisedPane: LabView?
  public private(set) var showsHelp = false
  public internal(set) var notice: Notice?
  /// The surface under the bowl and its axis names; nil when there is no bowl to draw.
  public let bowl: RaceBowl?

  private let recipes: [Recipe]
  private var paceCarry = Pace.Carry()

  /// A race of networks: `configurations` are identical but for `setting`, and each run is named
  /// by its value. The bowl is offered when every network has exactly two parameters (one neuron
  /// on one input), so the surface under the paths is the same for all of them; `views` picks
  /// from the bowl and the loss chart (default: both where possible).
  public init(
    setting: RaceSetting, configurations: [TrainingConfiguration], views: [LabView]? = nil,
    bowlPair: (ParameterID, ParameterID)? = nil, pace: Pace = .playgroundDefault
  ) throws(ModelError) {
    precondition(!configurations.isEmpty, "a race has runs")
    self.setting = setting
    subject = configurations[0].dataset.name
    summary = nil
    self.pace = pace
    recipes = configurations.map { .network($0) }
    var lanes: [RaceLane] = []
    for configuration in configurations {
      lanes.append(RaceLane(label: setting.label(of: configuration), session: try TrainingSession(configuration: configuration)))
    }
    self.lanes = lanes
    // Sampled only where it is drawn: over a larger network it would cost a forward pass over
    // the data per grid point, for nothing.
    let sharedSurface = lanes.allSatisfy { $0.session?.network.parameterCount == 2 }
    bowl = sharedSurface ? lanes[0].session.flatMap { RaceBowl(session: $0, pair: bowlPair) } : nil
    let hasBowl = bowl != nil
    let shown = (views ?? [.bowl, .loss]).filter { $0 == .loss || ($0 == .bowl && hasBowl) }
    panes = shown.isEmpty ? [.loss] : shown
  }

  /// A race down `surface` from its start: one run per (optimizer, learning rate) in `runs`,
  /// which differ in `setting` (the optimizer or the learning rate).
  public init(
    surface: OptimizationSurface, setting: RaceSetting, runs: [(optimizer: OptimizerKind, learningRate: Double)],
    pace: Pace = .playgroundDefault
  ) {
    precondition(!runs.isEmpty, "a race has runs")
    self.setting = setting
    subject = surface.rawValue
    summary = surface.summary
    self.pace = pace
    recipes = runs.map { .surface(surface, $0.optimizer, learningRate: $0.learningRate) }
    lanes = runs.map { run in
      let label = setting == .learningRate ? formatLearningRate(run.learningRate) : run.optimizer.rawValue
      return RaceLane(label: label, descent: SurfaceDescent(surface: surface, optimizer: run.optimizer, learningRate: run.learningRate))
    }
    bowl = RaceBowl(surface: surface)
    panes = [.bowl, .loss]
  }

  public var focusedPane: LabView? { panes.isEmpty ? nil : panes[min(focusedPaneIndex, panes.count - 1)] }

  /// True while frames must keep coming: playing with a run still going.
  public var isAnimating: Bool { isPlaying && lanes.contains { !$0.hasDiverged } }
}

// MARK: - Update

extension Race {
  /// Applies one message; the returned command tells the loop what else to do.
  public mutating func update(_ message: Message) -> Command {
    switch message {
    case .tick(let stepBudget):
      guard isAnimating else { return .none }
      let steps = paceCarry.steps(at: pace, within: stepBudget)
      if steps > 0 { advance(by: steps) }
      return .none
    case .resize:
      return .none
    case .warning(let text):
      notice = Notice(text, kind: .warning)
      return .none
    case .notice(let text):
      notice = Notice(text)
      return .none
    case .key(let key):
      return handle(key)
    }
  }

  private mutating func handle(_ key: Key) -> Command {
    if showsHelp {
      if key == .character("q") { return .quit }
      showsHelp = false
      return .none
    }
    switch key {
    case .character("q"): return .quit
    case .character("?"): showsHelp = true
    case .character(" "): togglePlay()
    case .character("n"), .right:
      isPlaying = false
      notice = nil
      advance(by: 1)
    case .character("s"): setPace(pace.faster)
    case .character("S"): setPace(pace.slower)
    case .character("r"): restart()
    case .character("y"):
      usesLogScale.toggle()
      notice = Notice(usesLogScale ? "loss axis: log scale" : "loss axis: linear scale")
    case .character(let digit) where digit.wholeNumberValue.map({ (1...RaceLaneLook.capacity).contains($0) }) == true:
      toggleLane((digit.wholeNumberValue ?? 1) - 1)
    case .tab: if !panes.isEmpty { focusedPaneIndex = (focusedPaneIndex + 1) % panes.count }
    case .backTab: if !panes.isEmpty { focusedPaneIndex = (focusedPaneIndex + panes.count - 1) % panes.count }
    case .enter: maximisedPane = maximisedPane == nil ? focusedPane : nil
    case .escape: maximisedPane = nil
    default: break
    }
    return .none
  }

  /// Every run still going takes `steps` steps; a run that diverges now is announced.
  private mutating func advance(by steps: Int) {
    guard lanes.contains(where: { !$0.hasDiverged }) else {
      notice = Notice("every run diverged — press r to start them again", kind: .warning)
      return
    }
    let divergedBefore = lanes.map(\.hasDiverged)
    for index in lanes.indices { lanes[index].step(count: steps) }
    stepCount += steps
    let newlyDiverged = lanes.indices.filter { lanes[$0].hasDiverged && !divergedBefore[$0] }
    if let first = newlyDiverged.first, let step = lanes[first].divergedAtStep {
      let names = newlyDiverged.map { lanes[$0].label }.joined(separator: ", ")
      notice = Notice("\(names) diverged at step \(step) and stopped; the others go on", kind: .warning)
    }
    if !lanes.contains(where: { !$0.hasDiverged }) { isPlaying = false }
  }

  private mutating func togglePlay() {
    if !isPlaying, !lanes.contains(where: { !$0.hasDiverged }) {
      notice = Notice("every run diverged — press r to start them again", kind: .warning)
      return
    }
    isPlaying.toggle()
    if isPlaying { paceCarry.startNow() }
    notice = nil
  }

  private mutating func setPace(_ newPace: Pace) {
    pace = newPace
    let words = newPace.stepsPerSecond == nil ? "as fast as this machine allows" : "\(newPace.description.dropLast(2)) steps a second"
    notice = Notice("pace \(newPace): \(words) (s faster, S slower)")
  }

  /// `1`–`6`: hides or shows a run (it keeps training either way).
  private mutating func toggleLane(_ index: Int) {
    guard lanes.indices.contains(index) else {
      notice = Notice("there is no run \(index + 1) (this race has \(lanes.count))", kind: .warning)
      return
    }
    if hiddenLanes.contains(index) {
      hiddenLanes.remove(index)
      notice = Notice("run \(index + 1) (\(lanes[index].label)) shown")
    } else {
      hiddenLanes.insert(index)
      notice = Notice("run \(index + 1) (\(lanes[index].label)) hidden; it keeps training — \(index + 1) shows it")
    }
  }

  /// `r`: every run back to the shared start, paused.
  private mutating func restart() {
    var fresh: [RaceLane] = []
    for (lane, recipe) in zip(lanes, recipes) {
      switch recipe {
      case .network(let configuration):
        // The configuration built once already, so it builds again.
        guard let session = try? TrainingSession(configuration: configuration) else { return }
        fresh.append(RaceLane(label: lane.label, session: session))
      case .surface(let surface, let kind, let learningRate):
        fresh.append(RaceLane(label: lane.label, descent: SurfaceDescent(surface: surface, optimizer: kind, learningRate: learningRate)))
      }
    }
    lanes = fresh
    stepCount = 0
    isPlaying = false
    notice = Notice("every run reset to the same start")
  }
}
