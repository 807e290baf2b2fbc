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
    let options = try model.validated()
    let playground = try Playground(configuration: try options.trainingConfiguration(), dataRecipe: options.datasetRecipe)
    try InteractiveSession.run(ascii: ascii) { theme in
      PlaygroundApp(playground: playground, theme: theme)
    }
  }
}
