import ArgumentParser
import Foundation
import NeuralEngine

/// The model and training settings shared by `train`, `play` and `race`.
///
/// The settings a race may vary (`--lr`, `--optimizer`, `--batch`, `--activation`) are read as
/// text, so `descent race` can take a comma list in any one of them; `validated()` accepts one
/// value each.
struct ModelOptions: ParsableArguments {
  @Option(help: "Built-in dataset: \(DatasetName.allCases.map(\.rawValue).joined(separator: ", ")) (default: house).")
  var dataset: String?

  // Numeric options parse `-1` as their value (`.unconditional`), so a negative number is named in
  // the error instead of ArgumentParser's "Missing value".
  @Option(name: .customLong("lr"), parsing: .unconditional, help: "Learning rate (> 0; default: 0.1).")
  var learningRate: String?

  @Option(
    parsing: .unconditional,
    help: "Batch mode: full, 1 (single sample) or a mini-batch size N (default: 32 for digits and the sequence datasets, full otherwise).")
  var batch: String?

  @Option(help: "Optimizer: \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: sgd).")
  var optimizer: String?

  @Option(parsing: .unconditional, help: "Hidden layer sizes of a dense network, e.g. 4,2. Omit for a single neuron.")
  var layers: String?

  @Option(
    help: ArgumentHelp(
      "The network as a list of layers, e.g. \"conv 8 3x3 relu, maxpool 2, dense 10 softmax\".",
      discussion: "Layers: dense N [act], conv N KxK [stride S] [pad P|same] [act], maxpool K, avgpool K, flatten, dropout R, rnn N [sequences], lstm N [sequences], residual N [act], batchnorm, or an activation name."))
  var model: String?

  @Option(
    parsing: .unconditional,
    help: "Longest gradient a step may use (its norm): 0 turns clipping off; default 1 for recurrent models, off otherwise.")
  var clip: Double?

  @Option(parsing: .unconditional, help: "Time steps per sequence for the sequence datasets (adding, recall, sine-wave).")
  var length: Int?

  @Option(help: "Hidden activation: \(Activation.allCases.map(\.rawValue).joined(separator: ", ")) (default: tanh).")
  var activation: String?

  @Option(help: "Loss: mse, bce or ce (default: mse for regression, bce/ce for classification).")
  var loss: String?

  @Option(parsing: .unconditional, help: "Random seed: the same seed gives the same run (default: 1).")
  var seed: UInt64?

  @Option(help: "Train on your own CSV file instead of a built-in dataset.")
  var csv: String?

  @Option(help: "With --csv: the column to predict.")
  var target: String?

  @Option(
    help: ArgumentHelp(
      "Every setting of the run as one string, e.g. 'circle;4,2;tanh;opt=sgd;lr=0.03;batch=10;seed=1' (the playground shows it with v; train prints it in its table's header).",
      discussion: "Give it alone: with --setup, the other model and training options are refused. See the README for every field."))
  var setup: String?

  /// The options given besides `--setup`, by their flags.
  private var givenOptions: [String] {
    let given: [(String, Bool)] = [
      ("--dataset", dataset != nil), ("--lr", learningRate != nil), ("--batch", batch != nil),
      ("--optimizer", optimizer != nil), ("--layers", layers != nil), ("--model", model != nil), ("--clip", clip != nil),
      ("--length", length != nil), ("--activation", activation != nil), ("--loss", loss != nil), ("--seed", seed != nil),
      ("--csv", csv != nil), ("--target", target != nil),
    ]
    return given.filter(\.1).map(\.0)
  }

  /// Every setting checked, as one setup; throws a one-line `ValidationError` otherwise.
  /// `--setup` stands alone: given with any other model option, it is refused, naming them.
  func validated() throws -> RunSetup {
    if let setup {
      let others = givenOptions
      guard others.isEmpty else {
        throw ValidationError("--setup holds every setting: give it alone, without \(others.joined(separator: ", "))")
      }
      do {
        return try RunSetup(parsing: setup)
      } catch {
        throw ValidationError("--setup: \(error)")
      }
    }
    for (name, text) in raceableOptions where text?.contains(",") == true {
      throw ValidationError("\(name) takes one value here (got '\(text ?? "")'); `descent race` compares several")
    }
    let learningRateText = (self.learningRate ?? "0.1").trimmingCharacters(in: .whitespaces)
    guard let learningRate = Double(learningRateText) else {
      throw ValidationError("--lr must be a number greater than 0 (got '\(learningRateText)')")
    }
    guard learningRate.isFinite, learningRate > 0 else {
      throw ValidationError("--lr must be a number greater than 0 (got \(learningRate))")
    }
    var batchMode: BatchMode?
    if let batch {
      guard let mode = BatchMode(argument: batch) else {
        throw ValidationError("--batch must be 'full', '1' or a mini-batch size ≥ 2 (got '\(batch)')")
      }
      batchMode = mode
    }
    let optimizer = optimizer ?? OptimizerKind.sgd.rawValue
    guard let optimizerKind = OptimizerKind(rawValue: optimizer) else {
      throw ValidationError(
        "unknown optimizer '\(optimizer)' (choose \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    let activation = activation ?? Activation.tanh.rawValue
    guard let hiddenActivation = Activation(rawValue: activation) else {
      throw ValidationError(
        "unknown activation '\(activation)' (choose \(Activation.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    var lossFunction: LossFunction?
    if let loss {
      guard let parsed = LossFunction(rawValue: loss) else {
        throw ValidationError("unknown loss '\(loss)' (choose mse, bce, ce)")
      }
      lossFunction = parsed
    }
    let hiddenLayers = try parsedLayers()
    var description: ModelDescription?
    if let model {
      guard layers == nil else { throw ValidationError("give --model or --layers, not both") }
      do {
        description = try ModelDescription(parsing: model)
      } catch {
        throw ValidationError("--model: \(error)")
      }
    }
    if let clip, !(clip.isFinite && clip >= 0) {
      throw ValidationError("--clip must be a number 0 or above (got \(clip))")
    }
    if let length, !(2...1000).contains(length) {
      throw ValidationError("--length must be from 2 to 1000 time steps (got \(length))")
    }
    let seed = seed ?? 1
    let source: DataRecipe.Source
    if let csv {
      guard let target else { throw ValidationError("--csv needs --target COLUMN (the column to predict)") }
      guard dataset == nil else { throw ValidationError("give --dataset or --csv, not both") }
      source = .csv(path: csv, target: target)
    } else {
      guard target == nil else { throw ValidationError("--target only applies with --csv FILE") }
      let dataset = dataset ?? DatasetName.house.rawValue
      guard let name = DatasetName(rawValue: dataset) else {
        throw ValidationError(
          "unknown dataset '\(dataset)' (choose \(DatasetName.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      source = .builtIn(name)
    }
    var gradientClip = GradientClip.automatic
    if let clip { gradientClip = clip > 0 ? .norm(clip) : .off }
    return RunSetup(
      data: DataRecipe(source: source, seed: seed, length: length), model: description, hiddenLayers: hiddenLayers,
      activation: hiddenActivation, loss: lossFunction, optimizer: optimizerKind, learningRate: learningRate,
      batchMode: batchMode, seed: seed, gradientClip: gradientClip)
  }

  /// The options a race may vary, by their command-line names, with the text given.
  var raceableOptions: [(name: String, text: String?)] {
    [("--lr", learningRate), ("--optimizer", optimizer), ("--batch", batch), ("--activation", activation)]
  }

  private func parsedLayers() throws -> [Int] {
    guard let layers, !layers.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
    return try layers.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let text = part.trimmingCharacters(in: .whitespaces)
      guard let size = Int(text), (1...ModelLimits.width).contains(size) else {
        throw ValidationError(
          "--layers must be sizes from 1 to \(ModelLimits.width) separated by commas, e.g. 4,2 (got '\(layers)')")
      }
      return size
    }
  }
}
