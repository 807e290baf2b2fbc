import NeuralEngine

/// The playground's reshaping side: which hidden layer the neuron keys act on, whether the
/// input-feature chooser is open, and the regularisation rate `g` turns on with. (How the data
/// was drawn, which the data keys change, is the playground's `dataRecipe`.)
public struct ReshapeState: Equatable, Sendable {
  /// Index into the configuration's hidden layers of the layer `{` and `}` change (`<` `>` move it).
  public var focusedLayer = 0
  /// True while `i`'s chooser is open and digits toggle input features.
  public var choosesFeatures = false
  /// The rate `g` turns regularisation on with: the last one used.
  public var regularizationRate = ReshapeState.regularizationRates[0]

  public init() {}

  // MARK: - Ranges

  /// Hidden layers the keys build up to (TF Playground's range); a network given with more keeps them.
  public static let maximumHiddenLayers = 6
  /// Neurons a layer grows to with `}` (TF Playground's range).
  public static let maximumNeurons = 8
  /// The regularisation rates `k` and `K` step through (TF Playground's list).
  public static let regularizationRates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
  /// The dropout rates `D` cycles through.
  public static let dropoutRates = [0, 0.1, 0.2, 0.3, 0.5]
  /// The noise levels `j` and `J` step through (standard deviations).
  public static let noiseLevels = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1]
  /// The training shares `t` and `T` step through (TF Playground's 10 % to 90 %).
  public static let trainShares = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]

  /// The first of `ladder` above `value` (`up`) or below it, nil past the end: a value between
  /// two rungs (a lab's own setting) goes to the nearer rung in the direction asked.
  static func next(after value: Double, in ladder: [Double], up: Bool) -> Double? {
    let tolerance = 1e-9 * max(1, abs(value))
    return up ? ladder.first { $0 > value + tolerance } : ladder.last { $0 < value - tolerance }
  }
}
