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

  @Option(parsing: .unconditional, help: "Number of epochs (passes over the training set).")
  var epochs: Int = 200

  @Option(help: "Output format: table, csv or json.")
  var format: ReportFormat = .table

  func validate() throws {
    guard (1...1_000_000).contains(epochs) else {
      throw ValidationError("--epochs must be between 1 and 1000000 (got \(epochs))")
    }
  }

  func run() throws {
    let options = try model.validated()
    let configuration = try options.trainingConfiguration()
    var session = try TrainingSession(configuration: configuration)
    HeadlessTraining.run(&session, epochs: epochs, format: format) { TerminalOutput.print($0) }
    if format == .table, case .csv(let path, let target) = options.source {
      TerminalOutput.print("""

        note: the features of \(TextSanitizer.inline(path)) were min-max scaled to [0, 1] over the training \
        rows, so each weight is the change in \(TextSanitizer.inline(target)) across that feature's whole range.
        """)
    }
  }
}

extension ReportFormat: ExpressibleByArgument {}
