import DescentApp
import LessonKit
import NeuralEngine
import TerminalUI
import Testing

@testable import DescentApp

/// Drives the whole app with seeded random input in every screen — the menu, lesson text, quizzes,
/// labs, the playground, help — and checks after every event that nothing trapped and the model
/// still makes sense, and on every drawn frame that no control character reaches a cell.
///
/// 100,000+ events a run, deterministic (same seed, same events). A failure names the seed and the
/// event number; rerun with that seed alone to replay it.
@Suite struct AppFuzzTests {
  static let eventsPerSession = 10_100
  static let theme = Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true))
  static let catalog = DescentModel.embeddedCatalog()

  /// Ten sessions: the menu, three lessons opened directly (text, quizzes and labs), and six
  /// playgrounds (classification with hidden layers, one-input regression with the bowl, a
  /// regression with a hidden layer, a deep narrow net, and two that once crashed: a subnormal
  /// learning rate, and saturated sigmoids from Adam at rate 100).
  @Test(arguments: 0..<10)
  func randomInputKeepsTheAppSound(session: Int) {
    var events = FuzzEvents(seed: 0xD1CE_0000 + UInt64(session))
    var size = Size(width: 80, height: 24)
    var failures = 0
    func report(_ what: String, event: Int) {
      failures += 1
      if failures <= 5 { Issue.record("seed \(0xD1CE_0000 + UInt64(session)), event \(event): \(what)") }
    }
    if session < 4 {
      let start: [String?] = [nil, "neuron", "house-prices", "hidden-layers"]
      var model = makeLessons(start[session], size: size)
      for event in 0..<Self.eventsPerSession {
        switch events.next() {
        case .message(let message):
          if model.update(message) == .quit { model = makeLessons(start[session], size: size) }
        case .resize(let newSize):
          size = newSize
          _ = model.update(.resize(newSize))
          checkFrame(of: model, size: size) { report($0, event: event) }
        case .render:
          checkFrame(of: model, size: size) { report($0, event: event) }
        case .renderAt(let common):
          _ = model.update(.resize(common))
          checkFrame(of: model, size: common) { report($0, event: event) }
          _ = model.update(.resize(size))
        }
        checkLessons(model) { report($0, event: event) }
      }
    } else {
      var app = makePlayground(session - 4)
      for event in 0..<Self.eventsPerSession {
        switch events.next() {
        case .message(let message):
          if app.update(message) == .quit { app = makePlayground(session - 4) }
        case .resize(let newSize):
          size = newSize
          _ = app.update(.resize(newSize))
          checkFrame(of: app, size: size) { report($0, event: event) }
        case .render:
          checkFrame(of: app, size: size) { report($0, event: event) }
        case .renderAt(let common):
          checkFrame(of: app, size: common) { report($0, event: event) }
        }
        checkPlayground(app.playground) { report($0, event: event) }
      }
    }
  }

  // MARK: - Apps

  private func makeLessons(_ startLesson: String?, size: Size) -> DescentModel {
    var model = DescentModel(
      catalog: Self.catalog, progress: Progress(), theme: Self.theme, startLesson: startLesson,
      warning: "fuzz \u{1B}[2J warning")
    _ = model.update(.resize(size))
    return model
  }

  private func makePlayground(_ kind: Int) -> PlaygroundApp {
    // Small data sets keep a debug-build step cheap; the screens are the same.
    func data(_ name: DatasetName, _ seed: UInt64) -> Dataset { .builtIn(name, seed: seed, sampleCount: 100) }
    let configurations = [
      TrainingConfiguration(dataset: data(.circle, 1), hiddenLayers: [4, 2], learningRate: 0.1, seed: 1),
      TrainingConfiguration(dataset: data(.line, 2), learningRate: 0.5, seed: 2),
      TrainingConfiguration(dataset: data(.house, 3), hiddenLayers: [3], learningRate: 0.05, seed: 3),
      TrainingConfiguration(dataset: data(.spiral, 4), hiddenLayers: [5, 5, 5], learningRate: 0.03, seed: 4),
      TrainingConfiguration(dataset: data(.line, 5), learningRate: .leastNonzeroMagnitude, seed: 5),
      TrainingConfiguration(
        dataset: data(.spiral, 6), hiddenLayers: [3], activation: .sigmoid, optimizer: .adam, learningRate: 100, seed: 6),
    ]
    return PlaygroundApp(playground: try! Playground(configuration: configurations[kind]), theme: Self.theme)
  }

  // MARK: - Invariants

  /// Draws into a buffer of `size`; every cell must hold printable text.
  func checkFrame(of app: some App, size: Size, _ fail: (String) -> Void) {
    var buffer = Buffer(size: size)
    app.render(into: &buffer)
    guard buffer.size == size else { return fail("render changed the buffer size to \(buffer.size)") }
    for line in buffer.lines {
      if let bad = line.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
        return fail("a cell holds control character U+\(String(bad.value, radix: 16))")
      }
    }
  }

  private func checkLessons(_ model: DescentModel, _ fail: (String) -> Void) {
    let lessons = model.catalog.lessons
    if !(lessons.isEmpty || lessons.indices.contains(model.menu.selectedIndex)) {
      fail("menu selection \(model.menu.selectedIndex) outside \(lessons.count) lessons")
    }
    for (id, record) in model.progress.lessons {
      guard let lesson = model.catalog.lesson(id: id) else { return fail("progress for unknown lesson \(id)") }
      if record.completedPages.contains(where: { !lesson.pages.indices.contains($0) }) {
        fail("progress of \(id) has pages outside 0..<\(lesson.pages.count): \(record.completedPages)")
      }
      if record.completedPages != record.completedPages.sorted() || Set(record.completedPages).count != record.completedPages.count {
        fail("progress of \(id) is not a sorted set: \(record.completedPages)")
      }
    }
    guard let player = model.player else { return }
    if !player.lesson.pages.indices.contains(player.pageIndex) { fail("page \(player.pageIndex) does not exist") }
    if player.scroll < 0 { fail("negative scroll") }
    for (index, state) in player.quizzes {
      guard let quiz = player.quizSpec(at: index) else { return fail("quiz state for a checkpoint that is no quiz") }
      if let answered = state.answered, !quiz.choices.indices.contains(answered) { fail("answer outside the choices") }
    }
    if let lab = player.playground { checkPlayground(lab, fail) }
  }

  private func checkPlayground(_ playground: Playground, _ fail: (String) -> Void) {
    let rate = playground.session.learningRate
    if !(rate.isFinite && rate > 0) { fail("learning rate \(rate)") }
    if !playground.panes.isEmpty, !playground.panes.indices.contains(playground.focusedPaneIndex) {
      fail("focused pane \(playground.focusedPaneIndex) of \(playground.panes.count)")
    }
    if let pane = playground.maximisedPane, !playground.panes.contains(pane) { fail("maximised pane \(pane) not shown") }
    let samples = playground.configuration.dataset.trainInputs.count
    if playground.shownSampleIndex < 0 || playground.shownSampleIndex >= max(1, samples) {
      fail("shown sample \(playground.shownSampleIndex) of \(samples)")
    }
    if let entry = playground.learningRateEntry, entry.count > 16 { fail("learning-rate entry grew to \(entry.count)") }
    if playground.isAnimating, !playground.isPlaying { fail("animating while paused") }
  }
}

