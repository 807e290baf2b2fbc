import LessonKit
import NeuralEngine
import TerminalUI

/// A live training run and everything the learner controls about how it is shown.
///
/// Used alone by `descent play` and inside every lab page of a lesson. `update` is the only place
/// it changes; `render` (in `Playground+Render.swift`) only reads it.
public struct Playground {
  public internal(set) var configuration: TrainingConfiguration
  public internal(set) var session: TrainingSession
  /// The same network trained from scratch, step for step beside `session`, when the lab
  /// transfers layers (`comparesWithScratch`): what the transferred layers are measured against.
  public private(set) var scratchSession: TrainingSession?
  /// Views shown, in layout order.
  public private(set) var panes: [LabView]
  /// Controls whose keys work; the rest say they are locked. The pace (`s`, `S`) is never locked.
  public private(set) var unlockedControls: Set<LabControl>
  /// Whether the learner can train here at all; a still lab (neither `play` nor `step`) is
  /// there to be looked at, and its status line and hints say so instead of offering keys that
  /// are locked.
  public var trains: Bool { unlockedControls.contains(.play) || unlockedControls.contains(.step) }
  public internal(set) var isPlaying = false
  /// How many steps a second training takes while playing.
  public private(set) var pace: Pace
  /// Status fields the page is about, kept in view ahead of the others.
  public let emphasis: Set<StatusField>
  /// Index into `panes` of the pane Tab has selected.
  public internal(set) var focusedPaneIndex = 0
  /// The pane Enter has enlarged to fill the screen, if any.
  public internal(set) var maximisedPane: LabView?
  public private(set) var showsHelp = false
  /// Text typed after `l`, while the learner enters a learning rate.
  public private(set) var learningRateEntry: String?
  public internal(set) var notice: Notice?
  /// Loss chart y axis: logarithmic when true.
  public private(set) var usesLogScale = false
  /// Index of the bowl's parameter pair in `bowlPairs`.
  public private(set) var bowlPairIndex = 0
  /// Training sample whose activations the network diagram shows.
  public private(set) var shownSampleIndex = 0
  /// The loss surface under the bowl, when the bowl is shown.
  public private(set) var bowlSurface: BowlSurface?
  /// The image views' choices: test digit, convolution window, drawing pad.
  public internal(set) var digitLab = DigitLabState()
  /// The shape keys' focused layer and the feature chooser.
  public internal(set) var reshape = ReshapeState()
  /// The networks `m` switches between (a lab's `models`); empty when there is one network.
  public private(set) var modelChoices: [ModelDescription]
  /// Index into `modelChoices` of the network being trained.
  public private(set) var modelChoiceIndex = 0
  /// The optimizers `o` cycles through; empty means every optimizer.
  public private(set) var optimizerChoices: [OptimizerKind]
  /// The hidden unit the sequence views single out (`u`); nil picks the unit holding the most
  /// memory at the last step.
  public private(set) var shownUnit: Int?
  /// How the data was drawn (for the setup string, and for the data keys to draw it again);
  /// nil when the playground was handed a dataset without its recipe.
  public internal(set) var dataRecipe: DataRecipe?
  /// How a CSV file's features were scaled (saved with the model so `predict` scales alike).
  let featureScaling: FeatureScaling?
  /// The run's steps and measurements, for the history file `w` writes.
  var runLog: RunLog
  /// The weight being chosen or typed after `e`; nil otherwise.
  public internal(set) var weightEditor: WeightEditor?
  /// The parameter chosen when `e` was last left, where the next `e` starts.
  var lastEditedWeight: ParameterID?
  /// Whether the setup string is shown over the screen (`v`).
  public internal(set) var showsSetup = false
  /// Whether a parameter was set by hand since the run started (the setup string cannot say so).
  public internal(set) var editedWeights = false
  /// The step of the last `w` while nothing was changed by hand since, so pressing `w` again (or
  /// a paste full of them) does not write the same run twice.
  var savedAtStep: Int?

  /// The pair a lab chose for the bowl (`bowl-parameters`); shown first, before the defaults.
  private let chosenBowlPair: (ParameterID, ParameterID)?
  /// The fraction of a step owed from earlier ticks at a pace slower than the ticks.
  private var paceCarry = Pace.Carry()
  /// True once this run paused itself because it converged. Playing on is then the learner's
  /// choice, so flatness does not pause it again until the run restarts or a hyperparameter
  /// changes.
  var pausedForConvergence = false

  public init(
    configuration: TrainingConfiguration, panes: [LabView]? = nil,
    unlockedControls: Set<LabControl> = Set(LabControl.allCases),
    bowlPair: (ParameterID, ParameterID)? = nil, pace: Pace = .playgroundDefault, emphasis: Set<StatusField> = [],
    models: [ModelDescription] = [], optimizers: [OptimizerKind] = [], dataRecipe: DataRecipe? = nil,
    featureScaling: FeatureScaling? = nil, comparesWithScratch: Bool = false
  ) throws(ModelError) {
    self.configuration = configuration
    session = try TrainingSession(configuration: configuration)
    scratchSession = comparesWithScratch ? try TrainingSession(configuration: configuration.fromScratch) : nil
    runLog = RunLog(session: session)
    self.dataRecipe = dataRecipe
    self.featureScaling = featureScaling
    modelChoices = models
    modelChoiceIndex = configuration.model.flatMap { models.firstIndex(of: $0) } ?? 0
    optimizerChoices = optimizers
    self.panes = panes ?? Playground.defaultPanes(for: configuration)
    self.unlockedControls = unlockedControls
    chosenBowlPair = bowlPair
    self.pace = pace
    self.emphasis = emphasis
    refreshBowl()
  }

  /// The views that teach most for this kind of problem.
  public static func defaultPanes(for configuration: TrainingConfiguration) -> [LabView] {
    if configuration.dataset.inputShape.rank == 3 {
      return [.digit, .probabilities, .accuracy, .filters, .featureMaps, .draw, .confusion, .mistakes, .loss]
    }
    if let sequencePanes = sequencePanes(for: configuration) { return sequencePanes }
    switch configuration.dataset.task {
    case .classification where configuration.dataset.featureNames.count == 2:
      return [.boundary, .loss, .network, .weights]
    case .classification:
      return [.loss, .network, .weights]
    case .regression where configuration.dataset.featureNames.count == 1 && configuration.hiddenLayers.isEmpty
      && configuration.model == nil:
      return [.bowl, .loss, .weights, .network]
    case .regression:
      return [.loss, .weights, .network]
    }
  }

  public var focusedPane: LabView? { panes.isEmpty ? nil : panes[min(focusedPaneIndex, panes.count - 1)] }

  /// Pairs of parameters the loss bowl can show: each weight of the first layer with that
  /// neuron's bias, so the default for `line` is (w, b).
  var bowlPairs: [(ParameterID, ParameterID)] {
    // A lab's pair is left out while a reshaped network lacks one of its parameters.
    var pairs: [(ParameterID, ParameterID)] =
      chosenBowlPair.flatMap { session.network.contains($0.0) && session.network.contains($0.1) ? [$0] : nil } ?? []
    guard let layer = session.network.denseStages.first else { return pairs }
    for output in 0..<layer.outputCount {
      for input in 0..<layer.inputCount {
        let pair = (ParameterID.weight(layer: 0, output: output, input: input), ParameterID.bias(layer: 0, output: output))
        if let chosen = chosenBowlPair, chosen.0 == pair.0, chosen.1 == pair.1 { continue }
        pairs.append(pair)
      }
    }
    return pairs
  }

  var bowlPair: (ParameterID, ParameterID)? {
    let pairs = bowlPairs
    return pairs.isEmpty ? nil : pairs[bowlPairIndex % pairs.count]
  }
}

// MARK: - Update

extension Playground {
  /// Applies one message; the returned command tells the loop what else to do.
  public mutating func update(_ message: Message) -> Command {
    switch message {
    case .tick(let stepBudget):
      advance(stepBudget: stepBudget)
      return .none
    case .resize:
      return .none
    case .mouse:
      // Finding the cell needs where the playground is drawn: its app calls `handleMouse`.
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

  /// True while frames must keep coming (training or typing); otherwise the loop may block.
  public var isAnimating: Bool { isPlaying && !hasDiverged }

  /// A diverged run cannot take another step; a converged one can (it only stalled).
  private var hasDiverged: Bool {
    if case .diverged = session.state { return true }
    return false
  }

  private mutating func advance(stepBudget: Int) {
    guard isAnimating else { return }
    let steps = paceCarry.steps(at: pace, within: stepBudget)
    guard steps > 0 else { return }
    let before = session.state
    takeSteps(steps)
    stepScratch(count: steps)
    refreshBowl()
    noteStateChange(from: before)
  }

  /// Keeps the from-scratch run level with the main one: the same number of steps.
  private mutating func stepScratch(count: Int) {
    guard scratchSession != nil else { return }
    scratchSession?.step(count: count)
    scratchSession?.refreshMetrics()
  }

  /// Brings the bowl's surface up to date with the session; nothing when no bowl is shown.
  mutating func refreshBowl() {
    guard panes.contains(.bowl), let pair = bowlPair else {
      bowlSurface = nil
      return
    }
    bowlSurface = BowlSurface.refreshed(bowlSurface, session: session, pair: pair)
  }

  /// Pauses and explains when the run has just converged or diverged. Convergence pauses a run
  /// once: a learner who plays on after it is not stopped again for flatness until the run
  /// restarts or a hyperparameter changes.
  mutating func noteStateChange(from before: TrainingState) {
    guard session.state != before else { return }
    switch session.state {
    case .running: break
    case .converged:
      if isPlaying {
        guard !pausedForConvergence else { return }
        isPlaying = false
        pausedForConvergence = true
        notice = Notice("converged: the loss has been flat for a while — paused (space trains on)")
      } else {
        notice = Notice("converged: the loss has been flat for a while (n or space trains on)")
      }
    case .diverged(let reason):
      isPlaying = false
      notice = Notice("diverged: \(reason) — press r to reset", kind: .warning)
    }
  }

  private mutating func handle(_ key: Key) -> Command {
    if learningRateEntry != nil { return handleLearningRateEntry(key) }
    if digitLab.isDrawing { return handleDrawingKey(key) }
    if reshape.choosesFeatures { return handleFeatureChooserKey(key) }
    if weightEditor != nil, let command = handleWeightEditorKey(key) { return command }
    if showsHelp || showsSetup {
      if key == .character("q") { return .quit }
      showsHelp = false
      showsSetup = false
      return .none
    }
    switch key {
    case .character("q"): return .quit
    case .character("?"): showsHelp = true
    case .character(" "): if unlocked(.play) { togglePlay() }
    case .character("n"), .right: if unlocked(.step) { stepOnce() }
    case .character("+"), .character("="): if unlocked(.learningRate) { setLearningRate(LearningRateLadder.above(session.learningRate)) }
    case .character("-"), .character("_"): if unlocked(.learningRate) { setLearningRate(LearningRateLadder.below(session.learningRate)) }
    case .character("l"): if unlocked(.learningRate) { learningRateEntry = "" }
    case .character("b"): if unlocked(.batch) { cycleBatchMode() }
    case .character("o"): if unlocked(.optimizer) { cycleOptimizer() }
    case .character("a"): if unlocked(.activation) { cycleActivation() }
    case .character("s"): setPace(pace.faster)
    case .character("S"): setPace(pace.slower)
    case .character("m"): if unlocked(.model) { cycleModel() }
    case .character("u"): cycleShownUnit()
    case .character("r"): if unlocked(.reset) { restart(seed: configuration.seed, saying: "reset with seed \(configuration.seed)") }
    case .character("R"): if unlocked(.seed) { restart(seed: configuration.seed &+ 1, saying: "new seed \(configuration.seed &+ 1)") }
    case .character("y"): usesLogScale.toggle(); notice = Notice(usesLogScale ? "loss axis: log scale" : "loss axis: linear scale")
    case .character("p"): cycleBowlPair()
    case .character("e"): if unlocked(.editWeights) { startEditingWeights() }
    case .character("v"): showSetup()
    case .character("w"): return saveRun()
    case .character("x"):
      shownSampleIndex = (shownSampleIndex + 1) % max(1, configuration.dataset.trainInputs.count)
      showNextTestImage()
    case .tab: if !panes.isEmpty { focusedPaneIndex = (focusedPaneIndex + 1) % panes.count }
    case .backTab: if !panes.isEmpty { focusedPaneIndex = (focusedPaneIndex + panes.count - 1) % panes.count }
    case .enter: maximisedPane = maximisedPane == nil ? focusedPane : nil
    case .escape: maximisedPane = nil
    default: if !handleReshapeKey(key) { _ = handleDigitKey(key) }
    }
    return .none
  }

  mutating func unlocked(_ control: LabControl) -> Bool {
    if unlockedControls.contains(control) { return true }
    notice = Notice("\(control.rawValue) is locked on this page", kind: .warning)
    return false
  }

  private mutating func togglePlay() {
    if !isPlaying, hasDiverged {
      notice = Notice("the run diverged — press r to reset", kind: .warning)
      return
    }
    isPlaying.toggle()
    if isPlaying { paceCarry.startNow() }
    notice = nil
  }

  private mutating func setPace(_ newPace: Pace) {
    pace = newPace
    notice = newPace.announcement
  }

  private mutating func stepOnce() {
    isPlaying = false
    guard !hasDiverged else {
      notice = Notice("the run diverged — press r to reset", kind: .warning)
      return
    }
    let before = session.state
    takeSteps(1)
    stepScratch(count: 1)
    refreshBowl()
    notice = nil
    noteStateChange(from: before)
  }

  private mutating func setLearningRate(_ rate: Double) {
    session.learningRate = rate
    scratchSession?.learningRate = rate
    configuration.learningRate = rate
    pausedForConvergence = false
    notice = Notice("learning rate \(formatLearningRate(rate)) from step \(session.stepCount + 1)")
  }

  private mutating func handleLearningRateEntry(_ key: Key) -> Command {
    guard var text = learningRateEntry else { return .none }
    switch key {
    case .enter:
      learningRateEntry = nil
      if let rate = Double(text), rate.isFinite, LearningRateLadder.range.contains(rate) {
        setLearningRate(rate)
      } else {
        notice = Notice("'\(text)' is not a learning rate between 1e-6 and 100", kind: .warning)
      }
      return .none
    case .escape:
      learningRateEntry = nil
      return .none
    case .backspace, .delete:
      if !text.isEmpty { text.removeLast() }
    case .character(let character) where "0123456789.eE-+".contains(character) && text.count < 16:
      text.append(character)
    default:
      break
    }
    learningRateEntry = text
    return .none
  }

  private mutating func cycleBatchMode() {
    let count = configuration.dataset.trainInputs.count
    let miniBatch = BatchMode.miniBatch(size: max(2, min(32, count / 4)))
    let next: BatchMode
    // The order the batches lesson teaches them: all the data, one sample, then the middle way.
    switch session.batchMode {
    case .fullBatch: next = .stochastic
    case .stochastic: next = miniBatch
    case .miniBatch: next = .fullBatch
    }
    session.batchMode = next
    scratchSession?.batchMode = next
    configuration.batchMode = next
    pausedForConvergence = false
    notice = Notice("batch mode: \(next.label) from the next step")
  }

  private mutating func cycleOptimizer() {
    let all = optimizerChoices.isEmpty ? OptimizerKind.allCases : optimizerChoices
    let next = all[((all.firstIndex(of: session.optimizerKind) ?? 0) + 1) % all.count]
    session.optimizerKind = next
    scratchSession?.optimizerKind = next
    configuration.optimizer = next
    pausedForConvergence = false
    notice = Notice("optimizer: \(next.rawValue) from the next step")
  }

  private mutating func cycleActivation() {
    let choices: [Activation] = [.tanh, .relu, .sigmoid, .leakyRelu, .linear]
    let next = choices[((choices.firstIndex(of: configuration.activation) ?? -1) + 1) % choices.count]
    configuration.activation = next
    restart(seed: configuration.seed, saying: "activation \(next.rawValue): the network was rebuilt and training restarted")
  }

  /// `m`: the next of the lab's networks, built fresh and trained from the start (playing on if
  /// it was playing).
  private mutating func cycleModel() {
    guard modelChoices.count > 1 else {
      notice = Notice("this lab has one network: nothing to switch to", kind: .warning)
      return
    }
    let nextIndex = (modelChoiceIndex + 1) % modelChoices.count
    var candidate = configuration
    candidate.model = modelChoices[nextIndex]
    let wasPlaying = isPlaying
    let description = modelChoices[nextIndex].compactDescription
    restart(with: candidate, saying: "network \(nextIndex + 1)/\(modelChoices.count) rebuilt: \(description)")
    guard configuration == candidate else { return }
    modelChoiceIndex = nextIndex
    isPlaying = wasPlaying
  }

  /// `u`: the next hidden unit of the first recurrent layer; after the last, the automatic choice.
  private mutating func cycleShownUnit() {
    guard let units = SequenceProbe.recurrentUnitCount(of: session.network) else {
      notice = Notice("u picks a unit of a recurrent layer; this network has none", kind: .warning)
      return
    }
    switch shownUnit {
    case .none: shownUnit = 0
    case .some(let unit) where unit + 1 < units: shownUnit = unit + 1
    case .some: shownUnit = nil
    }
    notice = Notice(shownUnit.map { "sequence views: unit \($0 + 1) of \(units)" } ?? "sequence views: the unit holding the most memory")
  }

  private mutating func cycleBowlPair() {
    let count = bowlPairs.count
    guard count > 1 else { return }
    bowlPairIndex = (bowlPairIndex + 1) % count
    refreshBowl()
    if let pair = bowlPair { notice = Notice("bowl shows \(pair.0) and \(pair.1)") }
  }

  private mutating func restart(seed: UInt64, saying text: String) {
    var candidate = configuration
    candidate.seed = seed
    restart(with: candidate, saying: text)
  }

  /// Starts training `candidate` from scratch; keeps the current run when it cannot be built.
  mutating func restart(with candidate: TrainingConfiguration, saying text: String) {
    do {
      let rebuilt = try TrainingSession(configuration: candidate)
      scratchSession = try scratchSession.map { _ in try TrainingSession(configuration: candidate.fromScratch) }
      session = rebuilt
    } catch {
      notice = Notice("cannot rebuild the network: \(error)", kind: .warning)
      return
    }
    configuration = candidate
    runLog = RunLog(session: session)
    editedWeights = false
    savedAtStep = nil
    isPlaying = false
    pausedForConvergence = false
    bowlSurface = nil
    refreshBowl()
    notice = Notice(text)
  }
}

// MARK: - Labels

extension BatchMode {
  var label: String {
    switch self {
    case .fullBatch: "full batch"
    case .miniBatch(let size): "mini-batch \(size)"
    case .stochastic: "single sample"
    }
  }
}

/// A learning rate as the learner typed or would type it: `0.03`, `1.5e-05`.
func formatLearningRate(_ rate: Double) -> String {
  if rate >= 0.001 && rate < 1000 {
    var text = String(rate)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }
  return String(rate)
}
