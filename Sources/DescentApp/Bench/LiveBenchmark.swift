import Foundation
import LessonKit
import NeuralEngine
import TerminalUI

/// Measures how fast training runs where a learner meets it, as `descent bench live` reports it:
/// `descent train`'s loop (every epoch evaluated) and the playground at maximum speed drawing a
/// 120×40 frame after every tick, each against the same network on the same data (W3's
/// shape); then a playground alone against the same playground inside a lesson page.
public enum LiveBenchmark {
  public static func run(seconds: Double = 2) throws -> String {
    try trainAgainstPlayground(seconds: seconds) + "\n" + labAgainstPlayground(seconds: seconds)
  }

  /// Samples per second of `app` playing at maximum speed for `seconds`, drawing each frame.
  private static func playingRate<Model: App>(
    _ app: inout Model, seconds: Double, samplesTrained: (Model) -> Double
  ) -> (samplesPerSecond: Double, framesPerSecond: Double) {
    let clock = ContinuousClock()
    func elapsed(since start: ContinuousClock.Instant) -> Double {
      let duration = start.duration(to: clock.now).components
      return Double(duration.seconds) + Double(duration.attoseconds) * 1e-18
    }
    var budget = StepBudget(secondsPerFrame: Double(ProgramLoop.frameMilliseconds) / 1000 * ProgramLoop.trainingShare)
    let samplesBefore = samplesTrained(app)
    let start = clock.now
    var frames = 0
    while elapsed(since: start) < seconds {
      let steps = app.completedSteps
      let tickStart = clock.now
      _ = app.update(.tick(stepBudget: budget.steps))
      budget.record(steps: app.completedSteps - steps, seconds: elapsed(since: tickStart))
      var buffer = Buffer(size: Size(width: 120, height: 40))
      app.render(into: &buffer)
      frames += 1
    }
    let total = elapsed(since: start)
    return ((samplesTrained(app) - samplesBefore) / total, Double(frames) / total)
  }

  /// A 2-64-64-1 tanh network on `spiral` in mini-batches of 32, as a lesson lab writes it.
  static let labBlock = """
    ```lab
    dataset: spiral
    layers: [64, 64]
    activation: tanh
    batch: 32
    learning-rate: 0.03
    views: [loss, network, weights]
    controls: all
    ```
    """

  /// The lab of `labBlock` alone in the playground, then on a lesson page (its text beside it).
  private static func labAgainstPlayground(seconds: Double) throws -> String {
    let text = "---\nid: bench\ntitle: Bench\norder: 1\nsummary: A lab to time.\n---\n\n# A lab\n\nText beside the lab.\n\n"
      + labBlock + "\n"
    let catalog = LessonCatalog(sources: [(fileName: "bench.md", text: text)])
    guard let lesson = catalog.lessons.first, let lab = lesson.pages.first?.lab else {
      throw ModelError(reason: "the benchmark lesson did not parse: \(catalog.problems)")
    }
    let theme = Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true))
    var playgroundApp = PlaygroundApp(
      playground: try Playground(configuration: lab.trainingConfiguration, panes: lab.views), theme: theme)
    _ = playgroundApp.update(.key(.character(" ")))
    while playgroundApp.playground.pace != .maximum { _ = playgroundApp.update(.key(.character("s"))) }
    let samplesPerEpoch = Double(lab.trainingConfiguration.dataset.trainInputs.count)
    let alone = playingRate(&playgroundApp, seconds: seconds) { app in
      Double(app.playground.session.epochCount) * samplesPerEpoch + Double(app.playground.session.positionInEpoch)
    }
    var model = DescentModel(catalog: catalog, progress: Progress(), theme: theme, startLesson: "bench")
    _ = model.update(.resize(Size(width: 120, height: 40)))
    _ = model.update(.key(.character(" ")))
    while model.player?.playground?.pace != .maximum { _ = model.update(.key(.character("s"))) }
    let inLesson = playingRate(&model, seconds: seconds) { model in
      guard let session = model.player?.playground?.session else { return 0 }
      return Double(session.epochCount) * samplesPerEpoch + Double(session.positionInEpoch)
    }
    return "live lab playground_samples_per_s=\(BenchmarkResult.compact(alone.samplesPerSecond))"
      + " lesson_samples_per_s=\(BenchmarkResult.compact(inLesson.samplesPerSecond))"
      + " lesson_over_playground=\(String(format: "%.2f", inLesson.samplesPerSecond / alone.samplesPerSecond))"
  }

  private static func trainAgainstPlayground(seconds: Double) throws -> String {
    let configuration = BenchmarkWorkload.w3.configuration
    let samplesPerEpoch = Double(configuration.dataset.trainInputs.count)
    let clock = ContinuousClock()
    func elapsed(since start: ContinuousClock.Instant) -> Double {
      let duration = start.duration(to: clock.now).components
      return Double(duration.seconds) + Double(duration.attoseconds) * 1e-18
    }

    // `descent train`: whole epochs, both splits evaluated after each, the report written.
    var session = try TrainingSession(configuration: configuration)
    var epochs = 0
    var headlessSeconds = 0.0
    var reportLength = 0
    while headlessSeconds < seconds {
      let start = clock.now
      HeadlessTraining.run(&session, epochs: 10, format: .table) { reportLength += $0.count }
      headlessSeconds += elapsed(since: start)
      epochs += 10
      session = try TrainingSession(configuration: configuration)
    }
    let headless = Double(epochs) * samplesPerEpoch / headlessSeconds

    // The playground: play at maximum speed, one tick then one full frame, as the program loop.
    var app = PlaygroundApp(
      playground: try Playground(configuration: configuration),
      theme: Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true)))
    _ = app.update(.key(.character(" ")))
    while app.playground.pace != .maximum { _ = app.update(.key(.character("s"))) }
    let live = playingRate(&app, seconds: seconds) { app in
      Double(app.playground.session.epochCount) * samplesPerEpoch + Double(app.playground.session.positionInEpoch)
    }
    return "live w3 train_samples_per_s=\(BenchmarkResult.compact(headless))"
      + " play_samples_per_s=\(BenchmarkResult.compact(live.samplesPerSecond))"
      + " play_frames_per_s=\(String(format: "%.1f", live.framesPerSecond))"
      + " play_over_train=\(String(format: "%.2f", live.samplesPerSecond / headless)) report_chars=\(reportLength)"
  }
}
