import NeuralEngine

/// A lab: the engine and screen configuration of a ```` ```lab ```` block.
///
/// Optional fields left `nil` mean "the playground's default"; the app decides those.
public struct LabSpec: Equatable, Sendable {
  public var dataset: DatasetName
  /// The network as a description (`model:`); when nil, `hiddenLayers` and the activations
  /// describe a dense network.
  public var model: ModelDescription?
  /// Hidden layer sizes, first to last; empty for a single neuron.
  public var hiddenLayers: [Int]
  /// Activation of the hidden layers.
  public var activation: Activation?
  /// Activation of the output layer.
  public var outputActivation: Activation?
  public var loss: LossFunction?
  public var optimizer: OptimizerKind?
  public var learningRate: Double?
  public var batch: BatchMode?
  public var seed: UInt64?
  public var regularization: Regularization?
  /// Probability of dropping a hidden unit during training, in `0 ..< 1`.
  public var dropout: Double?
  public var initialisation: WeightInitialisation?
  /// Keep only this many training rows (`train-samples`); the test rows stay as they are.
  public var trainSamples: Int?
  /// Standard deviation of the noise on a regression target (`noise`), replacing the dataset's own.
  public var noise: Double?
  /// Training steps per second while the lab plays (`pace`); `.infinity` for `pace: max` (as
  /// many as the machine fits in each frame). The older `steps-per-tick` (or `speed`) gives
  /// steps per screen tick, converted at `ticksPerSecond`.
  public var pace: Double?
  /// Keep only the samples of these classes, in both splits (`classes`).
  public var classes: [Int]?
  /// Move every test image this many pixels right (`test-shift`; negative: left).
  public var testShift: Int?
  /// Training the lab's network gets before it starts, whose weights the `transfer` items begin
  /// from (`pretrain`).
  public var pretraining: Pretraining?
  /// Items of the model (counting from 1) that start from the pretrained network (`transfer`).
  public var transferredItems: [Int] = []
  /// Items of the model (counting from 1) whose weights never move (`freeze`).
  public var frozenItems: [Int] = []
  /// Time steps per sequence (`length`) of a sequence dataset; nil keeps the dataset's default.
  public var length: Int?
  /// The networks the learner switches between with `m` (`models`), in order; the first is
  /// `model`. Empty when the lab has a single network.
  public var modelChoices: [ModelDescription] = []
  /// The optimizers `o` cycles through (`optimizers`), in order; empty means every optimizer.
  public var optimizerChoices: [OptimizerKind] = []
  /// The input features the network reads, computed from 2-D data (`features`); nil for the
  /// coordinates themselves.
  public var features: [InputFeature]?
  /// Views shown beside the text, in the order given. Default: `[.loss]`.
  public var views: [LabView]
  /// Controls the learner may use. Default: play, step, reset.
  public var controls: Set<LabControl>
  /// The two parameters the `bowl` view plots the loss over (x then y), if given.
  public var bowlParameters: [ParameterID]?
  /// The runs of a race (`race`): the lab trains one run per value, side by side, instead of
  /// one network; nil for a single run.
  public var race: RaceVariation?
  /// File line of the block's opening fence.
  public var line: Int

  public init(
    dataset: DatasetName, model: ModelDescription? = nil, hiddenLayers: [Int] = [], activation: Activation? = nil,
    outputActivation: Activation? = nil, loss: LossFunction? = nil,
    optimizer: OptimizerKind? = nil, learningRate: Double? = nil, batch: BatchMode? = nil,
    seed: UInt64? = nil, regularization: Regularization? = nil, dropout: Double? = nil,
    initialisation: WeightInitialisation? = nil, pace: Double? = nil,
    views: [LabView] = LabSpec.defaultViews, controls: Set<LabControl> = LabSpec.defaultControls,
    bowlParameters: [ParameterID]? = nil, line: Int = 0
  ) {
    self.dataset = dataset
    self.model = model
    self.hiddenLayers = hiddenLayers
    self.activation = activation
    self.outputActivation = outputActivation
    self.loss = loss
    self.optimizer = optimizer
    self.learningRate = learningRate
    self.batch = batch
    self.seed = seed
    self.regularization = regularization
    self.dropout = dropout
    self.initialisation = initialisation
    self.pace = pace
    self.views = views
    self.controls = controls
    self.bowlParameters = bowlParameters
    self.line = line
  }

  public static let defaultViews: [LabView] = [.loss]
  /// Screen ticks a second, for converting `steps-per-tick` into a pace.
  public static let ticksPerSecond = 30.0
  /// The fastest pace a lab may name, in steps per second (`max` means no limit).
  public static let maximumPace = 100_000.0
  public static let defaultControls: Set<LabControl> = [.play, .step, .reset]

  /// The `bowl` view's axes: `bowlParameters`, or `[w1[0,0], b1[0]]` for a network with exactly
  /// two parameters (one neuron on one input); nil when neither applies.
  public func effectiveBowlParameters(in network: Network) -> [ParameterID]? {
    if let bowlParameters { return bowlParameters }
    guard network.parameterCount == 2, ParameterName.isSingleNeuron(network) else { return nil }
    return [.weight(layer: 0, output: 0, input: 0), .bias(layer: 0, output: 0)]
  }

  /// Whether the learner may use `control`.
  public func unlocks(_ control: LabControl) -> Bool { controls.contains(control) }
}

/// A view a lab can show beside the lesson text.
public enum LabView: String, CaseIterable, Equatable, Hashable, Sendable, Codable {
  /// Loss over steps (train and test).
  case loss
  /// The weights and biases as numbers and bars.
  case weights
  /// The network diagram.
  case network
  /// The loss surface over two parameters (`bowl-parameters`).
  case bowl
  /// The decision boundary or fitted curve over the data.
  case boundary
  /// Train and test accuracy over steps (classification).
  case accuracy
  /// The current image with its label and the model's guess, and the next few (image data).
  case digit
  /// Every kernel of the first convolution as a small signed heatmap.
  case filters
  /// The current image's feature maps after the convolution, the activation and the pooling.
  case featureMaps = "feature-maps"
  /// The convolution window over the current image, one position at a time, with its sum.
  case convolution
  /// The model's probability of each class for the current image.
  case probabilities
  /// The confusion matrix on the test split.
  case confusion
  /// The test images the model still gets wrong.
  case mistakes
  /// A pad to draw an image on, with the model's probabilities.
  case draw
  /// The current sequence along a time axis: inputs, hidden state per step, output.
  case unrolled
  /// An LSTM's forget, input and output gates per time step, with its cell and hidden state.
  case gates
  /// The gradient reaching each layer (deep networks) or each time step (recurrent ones), log scale.
  case gradientFlow = "gradient-flow"
  /// A series and the model's next-step predictions (`sine-wave`).
  case sequenceFit = "sequence-fit"
}

/// A control (key) a lab can unlock.
public enum LabControl: String, CaseIterable, Equatable, Hashable, Sendable, Codable {
  case play, step
  case learningRate = "learning-rate"
  case batch, optimizer, activation, speed, reset, seed
  /// `m`: the next network of the lab's `models`, rebuilt and trained from the start.
  case model
  /// `[` `]`: remove or add a hidden layer (rebuilds and restarts).
  case layers
  /// `{` `}`: remove or add a neuron in the focused hidden layer (rebuilds and restarts).
  case neurons
  /// `i`: the input features computed from 2-D data (rebuilds and restarts).
  case features
  /// `g`: the kind of regularisation (none, L1, L2); `k` `K`: its rate.
  case regularization
  /// `D`: the dropout rate.
  case dropout
  /// `j` `J`: the noise in the data (draws it again and restarts).
  case noise
  /// `t` `T`: the share of the data kept for training (draws it again and restarts).
  case split
  /// `G`: a new draw of the data, from the next data seed (restarts).
  case data
  /// `e`: choose a weight or bias and type a new value for it.
  case editWeights = "edit-weights"
}

