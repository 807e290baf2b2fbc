import ArgumentParser
import NeuralEngine

/// `descent predict model.json --csv points.csv`: a saved model's outputs for new rows.
struct PredictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "predict",
    abstract: "Print a saved model's predictions for the rows of a CSV file.",
    discussion: "The CSV needs the model's feature columns (by name, any order; other columns are ignored). Rows are scaled as the training data was, and the input features a model was trained on (x1-squared and the like) are computed from them. Prints a header, then one row per input: the outputs, or for classification the predicted class and each class's probability.")

  @Argument(help: "A model file written by `descent train … --save FILE`.")
  var model: String

  @Option(help: "The rows to predict.")
  var csv: String

  func run() throws {
    let saved = try SavedModel.read(path: model)
    let network = try saved.network(fileName: model)
    let inputs: Samples
    do {
      inputs = try CSVDataset.readColumns(path: csv, columns: saved.featureNames)
    } catch {
      throw ValidationError("\(error)")
    }
    let outputs = network.predictions(saved.networkInputs(inputs))
    var lines = [PredictionTable.header(for: saved)]
    lines.reserveCapacity(outputs.count + 1)
    for row in 0..<outputs.count { lines.append(PredictionTable.row(outputs[row], for: saved)) }
    TerminalOutput.print(lines.joined(separator: "\n"))
  }
}
