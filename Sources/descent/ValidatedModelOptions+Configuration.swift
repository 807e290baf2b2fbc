import ArgumentParser
import NeuralEngine

extension ValidatedModelOptions {
  /// Loads the data and assembles the engine's configuration, checking that the network can be
  /// built for it; a problem becomes one line.
  func trainingConfiguration() throws -> TrainingConfiguration {
    try trainingSetup().configuration
  }

  /// How a built-in dataset is drawn (the playground draws it again with its data keys); nil
  /// for a CSV file.
  var datasetRecipe: DatasetRecipe? {
    guard case .builtIn(let name) = source else { return nil }
    return DatasetRecipe(name: name, seed: seed, length: length)
  }

  /// The configuration, and how a CSV file's features were scaled (for a saved model).
  func trainingSetup() throws -> (configuration: TrainingConfiguration, scaling: FeatureScaling?) {
    let dataset: Dataset
    var scaling: FeatureScaling?
    var suggestedBatch = BatchMode.fullBatch
    switch source {
    case .builtIn(let name):
      if let length {
        guard name.isSequence else {
          throw ValidationError("--length applies to sequence datasets (\(DatasetName.allCases.filter(\.isSequence).map(\.rawValue).joined(separator: ", "))), not '\(name.rawValue)'")
        }
        if let problem = name.lengthProblem(length) { throw ValidationError("--length: \(problem)") }
      }
      dataset = DatasetRecipe(name: name, seed: seed, length: length).dataset
      suggestedBatch = name.suggestedBatchMode
    case .csv(let path, let target):
      if length != nil { throw ValidationError("--length applies to the built-in sequence datasets, not to --csv files") }
      do {
        let file = try CSVDataset.read(path: path, target: target, seed: seed)
        dataset = file.dataset
        scaling = file.scaling
      } catch {
        throw ValidationError("\(error)")
      }
    }
    if dataset.task == .regression, let loss, loss != .meanSquaredError, loss != .square {
      throw ValidationError(
        "--loss \(loss.rawValue) needs a classification dataset; '\(dataset.name)' is regression (use --loss mse or square)")
    }
    var configuration = TrainingConfiguration(
      dataset: dataset, model: model, hiddenLayers: hiddenLayers, activation: activation, loss: loss,
      optimizer: optimizer, learningRate: learningRate, batchMode: batchMode ?? suggestedBatch, seed: seed)
    if let clip { configuration.gradientClip = clip > 0 ? .norm(clip) : .off }
    do {
      _ = try configuration.buildNetwork()
    } catch {
      throw ValidationError(model != nil ? "--model: \(error)" : "\(error)")
    }
    return (configuration, scaling)
  }
}
