import NeuralEngine

extension LabSpec {
  /// The engine configuration this lab trains, with the playground's defaults where it is silent.
  public var trainingConfiguration: TrainingConfiguration {
    let seed = seed ?? 1
    // Only the chosen classes, before `train-samples` counts the training rows kept.
    func drawn(sampleCount: Int? = nil) -> Dataset {
      let data = Dataset.builtIn(dataset, seed: seed, sampleCount: sampleCount, noise: noise, length: length)
      return classes.map { data.keepingClasses(Set($0)) } ?? data
    }
    var data = drawn()
    if let trainSamples {
      if trainSamples > data.trainInputs.count, data.trainInputs.count > 0 {
        // Draw enough rows for the training split to hold them all.
        let scale = (trainSamples + data.trainInputs.count - 1) / data.trainInputs.count
        data = drawn(sampleCount: Dataset.defaultSampleCount(dataset) * scale)
      }
      data = data.limitingTraining(to: trainSamples)
    }
    if let testShift { data = data.shiftingTestImages(right: testShift) }
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
    configuration.frozenItems = Set(frozenItems)
    return configuration
  }

  /// The names of the dataset's input features (for `w.<feature>`).
  public var featureNames: [String] {
    Dataset.builtIn(dataset, seed: 1, sampleCount: 8, length: length).featureNames
  }
}
