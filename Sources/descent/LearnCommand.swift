import ArgumentParser

/// `descent learn <id>`: opens one lesson at the page where the learner left it.
struct LearnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "learn", abstract: "Open one lesson by its id.")

  @Argument(help: "The lesson id, e.g. house-prices (see 'descent lessons').")
  var id: String

  @OptionGroup var options: LessonOptions

  func run() throws {
    let catalog = try options.catalog()
    guard catalog.lesson(id: id) != nil else {
      throw ValidationError("no lesson '\(id)' (lessons: \(catalog.lessons.map(\.id).joined(separator: ", ")))")
    }
    try LessonRunner.run(options: options, startLesson: id)
  }
}
