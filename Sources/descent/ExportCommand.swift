import ArgumentParser
import NeuralEngine

/// `descent export model.json --pytorch > model.py`: the saved network as a runnable script.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a saved model as a runnable PyTorch or Keras script.",
    discussion: "The script builds the same network with the same weights (float64) and, given a CSV file, prints its predictions in exactly the format of `descent predict`: python3 model.py points.csv. A model trained on input features computed from its columns (x1-squared and the like) is refused: the scripts read the columns as they are.")

  @Argument(help: "A model file written by `descent train … --save FILE`.")
  var model: String

  @Flag(help: "Write a PyTorch script.")
  var pytorch = false

  @Flag(help: "Write a Keras (TensorFlow) script.")
  var keras = false

  func validate() throws {
    guard pytorch != keras else { throw ValidationError("give one of --pytorch or --keras") }
  }

  func run() throws {
    let saved = try SavedModel.read(path: model)
    let network = try saved.network(fileName: model)
    if let features = saved.inputFeatures {
      // The scripts read the CSV columns straight into the network; they do not compute features.
      throw ValidationError(
        "\(model): the network reads input features computed from its columns (\(features.joined(separator: ", "))), which export does not write into a script yet; descent predict reads it")
    }
    TerminalOutput.print(
      pytorch ? PyTorchExport.script(for: saved, network: network) : KerasExport.script(for: saved, network: network))
  }
}
