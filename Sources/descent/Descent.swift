import ArgumentParser

@main
struct Descent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "descent", abstract: "Learn neural networks by training real ones in the terminal.")
}
