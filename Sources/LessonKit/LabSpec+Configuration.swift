import NeuralEngine

extension LabSpec {
  /// How this lab's data is drawn: its dataset with the lab's seed and variations.
  public var dataRecipe: DataRecipe {
    DataRecipe(
      source: .builtIn(dataset), seed: seed ?? 1, noise: noise, length: length, trainSamples: trainSamples,
      classes: classes, testShift: testShift)
  }

  /// The engine configuration this lab trains, with the playground's defaults where it is silent.
  public var trainingConfiguration: TrainingConfiguration {
    let data = dataRecipe.builtInDataset(dataset)
    var configuration = TrainingConfiguration(dataset: data, model: model, hiddenLayers: hiddenLayers)
    configuration.seed = seed ?? 1
    if let activation { configuration.activation = activation }
    configuration.outputActivation = outputActivation
    configuration.loss = loss
    if let optimizer { configuration.optimizer = optimizer }
    if let learningRate { configuration.learningRate = learningRate }
    if let batch { configuration.batchMode = batch }
    if let regularization { configuration.regularization = regularization }
    if let dropout { configuration.dropoutRate = dropout }
    configuration.initialisation = initialisation
    configuration.frozenItems = Set(frozenItems)
    configuration.inputFeatures = features
    return configuration
  }

  /// The names of the dataset's input features (for `w.<feature>`).
  public var featureNames: [String] {
    Dataset.builtIn(dataset, seed: 1, sampleCount: 8, length: length).featureNames
  }
}
