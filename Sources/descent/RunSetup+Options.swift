import ArgumentParser
import NeuralEngine

extension RunSetup {
  /// The configuration and CSV scaling, or a one-line `ValidationError` naming the option at
  /// fault: as a flag (`--model: …`) when the options were given one by one, inside `--setup`
  /// otherwise.
  func checkedTrainingSetup(fromSetupString: Bool) throws -> (configuration: TrainingConfiguration, scaling: FeatureScaling?) {
    do {
      return try trainingSetup()
    } catch {
      if fromSetupString { throw ValidationError("--setup: \(error)") }
      throw ValidationError(error.field.map { "--\(Self.flag(for: $0)): \(error.problem)" } ?? error.problem)
    }
  }

  /// The command-line flag of a setup field.
  private static func flag(for field: String) -> String {
    switch field {
    case "lr": "lr"
    case "opt": "optimizer"
    case "act": "activation"
    default: field
    }
  }
}
