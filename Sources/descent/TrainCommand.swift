import Foundation
import ArgumentParser
import DescentApp
import NeuralEngine
import SafeText

/// `descent train`: trains with no terminal UI and prints the report.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train a network headless: loss per epoch, then the learned weights.")

  @OptionGroup var model: ModelOptions

  @Option(parsing: .unconditional, help: "Number of epochs (passes over the training set; default: 200).")
  var epochs: Int?

  @Option(help: "Output format: table, csv or json.")
  var format: ReportFormat = .table

  @Option(help: "Save the trained model to this file (JSON), for `descent predict` and `descent export`.")
  var save: String?

  @Option(help: "Write every step's and epoch's losses, accuracy and learning rate to this CSV file.")
  var history: String?

  @Option(help: "Draw the loss (and accuracy) per epoch as an SVG chart in this file.")
  var plot: String?

  /// Epochs when none are given.
  static let defaultEpochs = 200

  func validate() throws {
    if let epochs, !(1...1_000_000).contains(epochs) {
      throw ValidationError("--epochs must be between 1 and 1000000 (got \(epochs))")
    }
    if epochs != nil, model.setup != nil {
      throw ValidationError("--setup holds every setting: give the epochs inside it (epochs=N), not with --epochs")
    }
  }

  func run() throws {
    var setup = try model.validated()
    if let epochs { setup.epochs = epochs }
    let epochs = setup.epochs ?? Self.defaultEpochs
    setup.epochs = epochs
    let (configuration, scaling) = try setup.checkedTrainingSetup(fromSetupString: model.setup != nil)
    var session = try TrainingSession(configuration: configuration)
    var historyFile = try history.map { path in
      do {
        return try HistoryFile(path: path)
      } catch {
        throw ValidationError("--history: \(error)")
      }
    }
    var lossPlot = plot.map { _ in
      LossPlot(title: "\(configuration.dataset.name) · \(session.network.modelDescription) · \(configuration.optimizer.rawValue) lr \(configuration.learningRate)")
    }
    HeadlessTraining.run(&session, epochs: epochs, format: format, setup: TextSanitizer.inline(setup.text), write: { TerminalOutput.print($0) }) { event in
      historyFile?.record(event)
      if case .epoch(let record, _) = event { lossPlot?.record(record) }
    }
    historyFile?.close()
    if let plot, let lossPlot {
      do {
        try lossPlot.svg.write(toFile: plot, atomically: true, encoding: .utf8)
      } catch {
        throw ValidationError("--plot: \(plot): cannot be written")
      }
    }
    if let save {
      try SavedModel(
        network: session.network, dataset: configuration.dataset, loss: session.lossFunction, scaling: scaling,
        inputFeatures: configuration.inputFeatures
      ).write(to: save)
    }
    if format == .table, case .csv(let path, let target) = setup.data.source {
      TerminalOutput.print("""

        note: the features of \(TextSanitizer.inline(path)) were min-max scaled to [0, 1] over the training \
        rows, so each weight is the change in \(TextSanitizer.inline(target)) across that feature's whole range.
        """)
    }
  }
}

extension ReportFormat: ExpressibleByArgument {}
