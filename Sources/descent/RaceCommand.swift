import ArgumentParser
import DescentApp
import LessonKit
import NeuralEngine

/// `descent race`: several runs from one start, differing in one setting, trained together.
struct RaceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "race",
    abstract: "Race 2 to 6 runs from the same start that differ in one setting, step for step.",
    discussion: """
      Give one of --lr, --optimizer, --batch or --activation as a comma list (2 to 6 values); every \
      other setting is shared, and the one seed gives every run the same data and the same \
      initial weights (an activation race scales them for each activation, as train does). \
      A run that diverges stops; the others go on. Examples:
        descent race --dataset line --lr 0.01,0.1,0.9
        descent race --dataset spiral --layers 8,8 --optimizer sgd,momentum,adam
        descent race --surface valley --optimizer sgd,momentum,rmsprop,adam
      Keys: space play/pause, n one step, s/S pace, r reset, 1-6 hide/show a run, y log/linear \
      loss axis, Tab/Enter/Esc panes, ? help, q quit.
      """)

  @OptionGroup var model: ModelOptions

  @Option(
    help: "Race on a formula surface instead of a dataset: \(OptimizationSurface.allCases.map(\.rawValue).joined(separator: ", ")) (vary --optimizer or --lr).")
  var surface: String?

  @Flag(help: "Use plain ASCII (no braille or block graphics).")
  var ascii = false

  func run() throws {
    let race = try makeRace()
    try InteractiveSession.run(ascii: ascii) { theme in
      RaceApp(race: race, theme: theme)
    }
  }

  /// The race the options describe; a problem is one `ValidationError` line.
  func makeRace() throws -> Race {
    let described = try model.raceRuns()
    guard let surface else {
      let configurations = try described.runs.map { try $0.checkedTrainingSetup(fromSetupString: false).configuration }
      do {
        return try Race(setting: described.setting, configurations: configurations)
      } catch {
        throw ValidationError("\(error)")
      }
    }
    guard let chosen = OptimizationSurface(rawValue: surface) else {
      throw ValidationError(
        "unknown surface '\(surface)' (choose \(OptimizationSurface.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    guard described.setting == .learningRate || described.setting == .optimizer else {
      throw ValidationError("\(described.optionName) does not apply on a surface; vary --optimizer or --lr")
    }
    let networkOptions: [(String, Bool)] = [
      ("--layers", model.layers != nil), ("--model", model.model != nil), ("--csv", model.csv != nil),
      ("--loss", model.loss != nil), ("--clip", model.clip != nil), ("--length", model.length != nil),
      ("--batch", model.batch != nil),
    ]
    if let given = networkOptions.first(where: \.1) {
      throw ValidationError("\(given.0) does not apply with --surface: a surface is a formula, not a network")
    }
    return Race(
      surface: chosen, setting: described.setting,
      runs: described.runs.map { (optimizer: $0.optimizer, learningRate: $0.learningRate) })
  }
}
