import NeuralEngine

extension LabSpec {
  /// The engine configuration this lab trains, with the playground's defaults where it is silent.
  public var trainingConfiguration: TrainingConfiguration {
    let seed = seed ?? 1
    let data = datasetRecipe.dataset
    var configuration = TrainingConfiguration(dataset: data, model: model, hiddenLayers: hiddenLayers)
    configuration.seed = seed
    if let activation { configuration.activation = activation }
    configuration.outputActivation = outputActivation
    configuration.loss = loss
    if let optimizer { configuration.optimizer = optimizer }
    if let learningRate { configuration.learningRate = learningRate }
    if let batch { configuration.batchMode = batch }
    if let regularization { configuration.regularization = regularization }
    if let dropout { configuration.dropoutRate = dropout }
    configuration.initialisation = initialisation
    configuration.inputFeatures = features
    return configuration
  }

  /// How the lab's data is drawn (seeded like the weights, with `seed`).
  public var datasetRecipe: DatasetRecipe {
    DatasetRecipe(
      name: dataset, seed: seed ?? 1, noise: noise, length: length, classes: classes.map(Set.init),
      trainSamples: trainSamples, testShift: testShift)
  }

  /// The names of the dataset's input features (for `w.<feature>`).
  public var featureNames: [String] {
    Dataset.builtIn(dataset, seed: 1, sampleCount: 8, length: length).featureNames
  }
}
