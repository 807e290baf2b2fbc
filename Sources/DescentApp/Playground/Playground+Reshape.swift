import LessonKit
import NeuralEngine
import TerminalUI

/// Reshaping and tuning live, TF Playground's controls as keys: hidden layers and neurons,
/// engineered input features, regularisation, dropout, and how the data is drawn (noise,
/// train/test split, a new draw). Each says in a notice what changed and from when.
extension Playground {
  /// Whether the network is the dense one of `hiddenLayers` (a `model` description is not
  /// reshaped: its layers are the lab author's).
  var reshapesNetwork: Bool { configuration.model == nil }

  /// Whether the data has the two inputs features are computed from.
  var takesInputFeatures: Bool { configuration.dataset.inputShape == [2] }

  /// The hidden layer `{` and `}` act on, clamped to the network; nil without hidden layers.
  var focusedHiddenLayer: Int? {
    let count = configuration.hiddenLayers.count
    guard reshapesNetwork, count > 0 else { return nil }
    return min(max(0, reshape.focusedLayer), count - 1)
  }

  /// The features the network reads now (`x₁`, `x₂` when none are engineered).
  var activeInputFeatures: [InputFeature] { configuration.inputFeatures ?? InputFeature.plain }

  // MARK: - Keys

  /// The reshaping keys; returns false when `key` is not one of them.
  mutating func handleReshapeKey(_ key: Key) -> Bool {
    switch key {
    case .character("]"): if unlocked(.layers) { addHiddenLayer() }
    case .character("["): if unlocked(.layers) { removeHiddenLayer() }
    case .character("}"): if unlocked(.neurons) { changeNeurons(by: 1) }
    case .character("{"): if unlocked(.neurons) { changeNeurons(by: -1) }
    case .character(">"): moveLayerFocus(by: 1)
    case .character("<"): moveLayerFocus(by: -1)
    case .character("i"): if unlocked(.features) { openFeatureChooser() }
    case .character("g"): if unlocked(.regularization) { cycleRegularizationKind() }
    case .character("k"): if unlocked(.regularization) { stepRegularizationRate(up: true) }
    case .character("K"): if unlocked(.regularization) { stepRegularizationRate(up: false) }
    case .character("D"): if unlocked(.dropout) { cycleDropout() }
    case .character("j"): if unlocked(.noise) { stepNoise(up: true) }
    case .character("J"): if unlocked(.noise) { stepNoise(up: false) }
    case .character("t"): if unlocked(.split) { stepTrainShare(up: true) }
    case .character("T"): if unlocked(.split) { stepTrainShare(up: false) }
    case .character("G"): if unlocked(.data) { drawNewData() }
    default: return false
    }
    return true
  }

  /// Keys while the feature chooser is open: digits toggle, `i`, Enter or Esc close, `q` quits.
  mutating func handleFeatureChooserKey(_ key: Key) -> Command {
    switch key {
    case .character("q"):
      return .quit
    case .character("i"), .enter, .escape:
      reshape.choosesFeatures = false
      notice = Notice("inputs: \(activeInputFeatures.map(\.name).joined(separator: ", ")) (i changes them)")
    case .character(let character):
      guard let number = character.wholeNumberValue, (1...InputFeature.allCases.count).contains(number) else {
        notice = Notice(Self.featureChooserHelp)
        return .none
      }
      toggle(InputFeature.allCases[number - 1])
    default:
      notice = Notice(Self.featureChooserHelp)
    }
    return .none
  }

  static let featureChooserHelp = "inputs: digits 1–7 switch a feature on or off; i, Enter or Esc done"

  // MARK: - Shape

  private mutating func addHiddenLayer() {
    guard requireDenseNetwork() else { return }
    var layers = configuration.hiddenLayers
    guard layers.count < ReshapeState.maximumHiddenLayers else {
      notice = Notice("at most \(ReshapeState.maximumHiddenLayers) hidden layers here ([ removes one)", kind: .warning)
      return
    }
    // The new layer goes after the focused one, as wide, so the network stays balanced.
    let position = focusedHiddenLayer.map { $0 + 1 } ?? 0
    let size = focusedHiddenLayer.map { min(layers[$0], ReshapeState.maximumNeurons) } ?? 2
    layers.insert(size, at: position)
    reshapeNetwork(to: layers, focusing: position, saying: "layer \(position + 1) (\(size) neuron\(size == 1 ? "" : "s")) added")
  }

  private mutating func removeHiddenLayer() {
    guard requireDenseNetwork() else { return }
    guard let focused = focusedHiddenLayer else {
      notice = Notice("no hidden layer to remove (] adds one)", kind: .warning)
      return
    }
    var layers = configuration.hiddenLayers
    layers.remove(at: focused)
    reshapeNetwork(to: layers, focusing: max(0, focused - 1), saying: "layer \(focused + 1) removed")
  }

  private mutating func changeNeurons(by change: Int) {
    guard requireDenseNetwork() else { return }
    guard let focused = focusedHiddenLayer else {
      notice = Notice("no hidden layer to change (] adds one)", kind: .warning)
      return
    }
    var layers = configuration.hiddenLayers
    let size = layers[focused] + change
    guard size >= 1 else {
      notice = Notice("a layer keeps at least one neuron ([ removes the layer)", kind: .warning)
      return
    }
    guard change < 0 || size <= ReshapeState.maximumNeurons else {
      notice = Notice("at most \(ReshapeState.maximumNeurons) neurons a layer here", kind: .warning)
      return
    }
    layers[focused] = size
    let what = change > 0 ? "neuron added to" : "neuron removed from"
    reshapeNetwork(to: layers, focusing: focused, saying: "\(what) layer \(focused + 1)")
  }

  private mutating func moveLayerFocus(by step: Int) {
    guard requireDenseNetwork() else { return }
    let count = configuration.hiddenLayers.count
    guard count > 0, let focused = focusedHiddenLayer else {
      notice = Notice("no hidden layers to pick from (] adds one)", kind: .warning)
      return
    }
    reshape.focusedLayer = (focused + step + count) % count
    let layer = reshape.focusedLayer
    notice = Notice("layer \(layer + 1) of \(count) focused: \(configuration.hiddenLayers[layer]) neurons ({ } change them)")
  }

  /// A `model` description is the lab author's network: the shape keys say what they work on
  /// instead of rewriting it.
  private mutating func requireDenseNetwork() -> Bool {
    guard reshapesNetwork else {
      notice = Notice(
        "reshaping works on dense networks given as layers; this one is a model description (\(configuration.model.map(\.compactDescription) ?? ""))",
        kind: .warning)
      return false
    }
    return true
  }

  private mutating func reshapeNetwork(to layers: [Int], focusing focus: Int, saying change: String) {
    var candidate = configuration
    candidate.hiddenLayers = layers
    let shape = ([configuration.networkInputShape.count] + layers).map(String.init).joined(separator: "→")
    rebuild(with: candidate, saying: "\(change): network \(shape)→out rebuilt, training restarted")
    if configuration == candidate { reshape.focusedLayer = focus }
  }

  // MARK: - Input features

  private mutating func openFeatureChooser() {
    guard takesInputFeatures else {
      notice = Notice("input features are computed from 2-D data; \(configuration.dataset.name) has \(configuration.dataset.inputShape.count) inputs", kind: .warning)
      return
    }
    reshape.choosesFeatures = true
    notice = Notice(Self.featureChooserHelp)
  }

  private mutating func toggle(_ feature: InputFeature) {
    var features = activeInputFeatures
    if let index = features.firstIndex(of: feature) {
      guard features.count > 1 else {
        notice = Notice("the network needs at least one input: switch another on first", kind: .warning)
        return
      }
      features.remove(at: index)
    } else {
      features = InputFeature.ordered(features + [feature])
    }
    var candidate = configuration
    candidate.inputFeatures = features == InputFeature.plain ? nil : features
    let change = features.contains(feature) ? "\(feature.name) on" : "\(feature.name) off"
    rebuild(with: candidate, saying: "\(change): inputs \(features.map(\.name).joined(separator: ", ")), network rebuilt, training restarted")
  }

  // MARK: - Regularisation and dropout

  private mutating func cycleRegularizationKind() {
    let rate = reshape.regularizationRate
    let next: Regularization
    switch session.regularization {
    case .none: next = .l1(rate)
    case .l1(let current): next = .l2(current)
    case .l2: next = .none
    }
    setRegularization(next)
  }

  private mutating func stepRegularizationRate(up: Bool) {
    let kind = session.regularization
    let current: Double
    switch kind {
    case .none:
      notice = Notice("regularisation is off: g turns on L1 or L2, then k and K set its rate", kind: .warning)
      return
    case .l1(let rate), .l2(let rate): current = rate
    }
    guard let rate = ReshapeState.next(after: current, in: ReshapeState.regularizationRates, up: up) else {
      let end = up ? ReshapeState.regularizationRates.last ?? current : ReshapeState.regularizationRates.first ?? current
      notice = Notice("regularisation rate is at its \(up ? "highest" : "lowest") here (\(Self.amount(end)))", kind: .warning)
      return
    }
    if case .l1 = kind { setRegularization(.l1(rate)) } else { setRegularization(.l2(rate)) }
  }

  private mutating func setRegularization(_ regularization: Regularization) {
    session.regularization = regularization
    configuration.regularization = regularization
    pausedForConvergence = false
    switch regularization {
    case .none:
      notice = Notice("regularisation off from step \(session.stepCount + 1)")
    case .l1(let rate), .l2(let rate):
      reshape.regularizationRate = rate
      let kind = if case .l1 = regularization { "L1 (λ·Σ|w|)" } else { "L2 (λ·Σw²)" }
      notice = Notice("regularisation \(kind), rate \(Self.amount(rate)) from step \(session.stepCount + 1)")
    }
  }

  /// `D`: the next dropout rate. Between two rates above zero the network keeps training; to or
  /// from zero the dense network gains or loses its dropout layers, so it is rebuilt.
  private mutating func cycleDropout() {
    let current = session.dropoutRate
    let rates = ReshapeState.dropoutRates
    let next = ReshapeState.next(after: current, in: rates, up: true) ?? rates[0]
    let hasDropoutLayers = session.network.layers.contains { $0.isDropout }
    if hasDropoutLayers, next > 0 || !reshapesNetwork {
      session.dropoutRate = next
      configuration.dropoutRate = next
      pausedForConvergence = false
      notice = Notice("dropout \(StatusLine.percent(next)) of hidden neurons from step \(session.stepCount + 1)")
      return
    }
    guard reshapesNetwork else {
      notice = Notice("this model description has no dropout layer for D to change", kind: .warning)
      return
    }
    var candidate = configuration
    candidate.dropoutRate = next
    let words = next > 0 ? "dropout \(StatusLine.percent(next)) of hidden neurons" : "dropout off"
    rebuild(with: candidate, saying: "\(words): network rebuilt, training restarted")
  }

  // MARK: - Data

  private mutating func stepNoise(up: Bool) {
    guard var recipe = requireRecipe(), let current = recipe.resolvedNoise else {
      if redrawableRecipe != nil {
        notice = Notice("\(configuration.dataset.name) is drawn without noise to change", kind: .warning)
      }
      return
    }
    guard let level = ReshapeState.next(after: current, in: ReshapeState.noiseLevels, up: up) else {
      notice = Notice("noise is at its \(up ? "highest" : "lowest") here (\(Self.amount(current)))", kind: .warning)
      return
    }
    recipe.noise = level
    redraw(recipe, saying: "noise \(Self.amount(level))")
  }

  private mutating func stepTrainShare(up: Bool) {
    guard var recipe = requireRecipe(), let testFraction = recipe.resolvedTestFraction else {
      if redrawableRecipe != nil {
        notice = Notice("\(configuration.dataset.name) keeps its own train/test split", kind: .warning)
      }
      return
    }
    guard let share = ReshapeState.next(after: 1 - testFraction, in: ReshapeState.trainShares, up: up) else {
      notice = Notice("training share is at its \(up ? "highest" : "lowest") here (\(StatusLine.percent(1 - testFraction)))", kind: .warning)
      return
    }
    // In whole percent, so the setup string reads `test-fraction=0.3`, not 0.30000000000000004.
    recipe.testFraction = ((1 - share) * 100).rounded() / 100
    redraw(recipe, saying: "training share \(StatusLine.percent(share)), test \(StatusLine.percent(1 - share))")
  }

  private mutating func drawNewData() {
    guard var recipe = requireRecipe() else { return }
    recipe.seed &+= 1
    redraw(recipe, saying: "new data (data seed \(recipe.seed))")
  }

  /// The recipe the data keys draw again: one of a built-in dataset (a file is read as it is).
  var redrawableRecipe: DataRecipe? {
    guard let dataRecipe, case .builtIn = dataRecipe.source else { return nil }
    return dataRecipe
  }

  private mutating func requireRecipe() -> DataRecipe? {
    guard let recipe = redrawableRecipe else {
      notice = Notice("this data was read from a file: noise, split and new draws need a built-in dataset", kind: .warning)
      return nil
    }
    return recipe
  }

  /// Draws the data from `recipe` and trains on it from the start.
  private mutating func redraw(_ recipe: DataRecipe, saying change: String) {
    guard case .builtIn(let name) = recipe.source else { return }
    var candidate = configuration
    candidate.dataset = recipe.builtInDataset(name)
    rebuild(with: candidate, saying: "\(change): data drawn again, training restarted")
    if configuration == candidate { dataRecipe = recipe }
  }

  /// Trains `candidate` from the start, playing on if it was playing; keeps the run and says
  /// why when it cannot be built.
  private mutating func rebuild(with candidate: TrainingConfiguration, saying text: String) {
    let wasPlaying = isPlaying
    restart(with: candidate, saying: text)
    if configuration == candidate { isPlaying = wasPlaying }
  }

  /// A rate or level as typed: `0`, `0.001`, `0.25`.
  static func amount(_ value: Double) -> String { value == 0 ? "0" : formatLearningRate(value) }

}
