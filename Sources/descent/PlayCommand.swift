import Foundation
import ArgumentParser
import DescentApp
import NeuralEngine

/// `descent play`: the playground with the given settings.
struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Open the playground: train a network live and change its settings as it runs.")

  @OptionGroup var model: ModelOptions

  @Flag(help: "Use plain ASCII (no braille or block graphics).")
  var ascii = false

  func run() throws {
    let setup = try model.validated()
    let (configuration, scaling) = try setup.checkedTrainingSetup(fromSetupString: model.setup != nil)
    let playground = try Playground(configuration: configuration, dataRecipe: setup.data, featureScaling: scaling)
    try InteractiveSession.run(
      ascii: ascii, makeApp: { theme in PlaygroundApp(playground: playground, theme: theme) },
      onCommand: { command, _ in
        guard case .saveRun(let run) = command else { return nil }
        return run.write(in: FileManager.default.currentDirectoryPath)
      })
  }
}
