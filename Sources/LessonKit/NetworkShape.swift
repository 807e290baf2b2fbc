import NeuralEngine

/// The layer sizes a lab builds, computed from its dataset and hidden layers, so goals can be
/// checked against the parameters that will exist.
public struct NetworkShape: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Number of input features.
  public var inputCount: Int
  /// Neurons per hidden layer, first to last.
  public var hiddenSizes: [Int]
  /// Number of outputs (1 for every built-in dataset).
  public var outputCount: Int
  /// Feature names, one per input, used by the single-neuron aliases `w.<feature>`.
  public var featureNames: [String]

  public init(inputCount: Int, hiddenSizes: [Int], outputCount: Int = 1, featureNames: [String]) {
    self.inputCount = inputCount
    self.hiddenSizes = hiddenSizes
    self.outputCount = outputCount
    self.featureNames = featureNames
  }

  /// The shape of a lab on `dataset` with `hiddenSizes`, as the engine will build it.
  public init(dataset: DatasetName, hiddenSizes: [Int]) {
    let sample = Self.sample(of: dataset)
    let outputs = TrainingConfiguration(dataset: sample, hiddenLayers: hiddenSizes).outputCount
    self.init(
      inputCount: sample.featureNames.count, hiddenSizes: hiddenSizes, outputCount: outputs,
      featureNames: sample.featureNames)
  }

  /// The engine's feature names for a built-in dataset.
  public static func featureNames(of dataset: DatasetName) -> [String] {
    sample(of: dataset).featureNames
  }

  /// Whether the dataset is a classification task (so `accuracy-above` makes sense).
  public static func isClassification(_ dataset: DatasetName) -> Bool {
    if case .classification = sample(of: dataset).task { return true }
    return false
  }

  /// A few rows of the dataset: enough to read its names and task from the engine itself.
  private static func sample(of dataset: DatasetName) -> Dataset {
    Dataset.builtIn(dataset, seed: 1, sampleCount: 8)
  }

  /// Neurons per layer including the input layer: `[inputs, hidden…, outputs]`.
  public var layerSizes: [Int] { [inputCount] + hiddenSizes + [outputCount] }

  /// Number of weight layers (hidden layers plus the output layer).
  public var layerCount: Int { hiddenSizes.count + 1 }

  /// Whether the model is one neuron on the inputs (where `w.<feature>` and `b` work).
  public var isSingleNeuron: Bool { hiddenSizes.isEmpty && outputCount == 1 }

  /// Total number of weights and biases.
  public var parameterCount: Int {
    zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
  }

  /// Whether `reference` names a parameter of this network.
  public func contains(_ reference: ParameterReference) -> Bool {
    guard (1...layerCount).contains(reference.layer) else { return false }
    let inputs = layerSizes[reference.layer - 1]
    let outputs = layerSizes[reference.layer]
    switch reference.kind {
    case .weight(let output, let input):
      return (0..<outputs).contains(output) && (0..<inputs).contains(input)
    case .bias(let output):
      return (0..<outputs).contains(output)
    }
  }

  /// `3 → 4 → 2 → 1`.
  public var description: String { layerSizes.map(String.init).joined(separator: " → ") }
}
