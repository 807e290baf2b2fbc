import Foundation
import LessonKit
import NeuralEngine
import TerminalUI

/// Measures how fast training runs where a learner meets it, as `descent bench live` reports it:
/// `descent train`'s loop (every epoch evaluated) and the playground at maximum speed drawing a
/// 120×40 frame after every tick, each against the same network on the same data (W3's
/// shape); then a playground alone against the same playground inside a lesson page and against
/// an identical twin of itself (how far two equal runs differ on the machine).
public enum LiveBenchmark {
  public static func run(seconds: Double = 2) throws -> String {
    try trainAgainstPlayground(seconds: seconds) + "\n" + labAgainstPlayground(seconds: seconds)
  }

  /// What a stretch of play trained, and in how long.
  private struct PlayMeasure {
    var samples = 0.0
    var seconds = 0.0
    var frames = 0

    var samplesPerSecond: Double { samples / Swift.max(seconds, 1e-9) }
    var framesPerSecond: Double { Double(frames) / Swift.max(seconds, 1e-9) }

    static func + (left: Self, right: Self) -> Self {
      Self(samples: left.samples + right.samples, seconds: left.seconds + right.seconds, frames: left.frames + right.frames)
    }
  }

  /// Plays `app` at maximum speed for `seconds`, a tick then a full frame drawn, as the program
  /// loop does. A run that converges pauses, as a learner sees it do; it is played on (space),
  /// as a learner would, and the tick that paused is not counted, so the figure is the speed of
  /// training, not of how soon the network learns.
  private static func play<Model: App>(
    _ app: inout Model, seconds: Double, budget: inout StepBudget, trained: (Model) -> Double
  ) -> PlayMeasure {
    let clock = ContinuousClock()
    func elapsed(since start: ContinuousClock.Instant) -> Double { start.duration(to: clock.now).inSeconds }
    var measure = PlayMeasure()
    let start = clock.now
    while elapsed(since: start) < seconds {
      let steps = app.completedSteps
      let samples = trained(app)
      let tickStart = clock.now
      _ = app.update(.tick(stepBudget: budget.steps))
      let stepsTaken = app.completedSteps - steps
      budget.record(steps: stepsTaken, seconds: elapsed(since: tickStart))
      var buffer = Buffer(size: Size(width: 120, height: 40))
      app.render(into: &buffer)
      guard stepsTaken > 0 else {
        _ = app.update(.key(.character(" ")))
        continue
      }
      measure.samples += trained(app) - samples
      measure.seconds += elapsed(since: tickStart)
      measure.frames += 1
    }
    return measure
  }

  /// Samples `session` has trained on so far (0 without one).
  private static func samplesTrained(_ session: TrainingSession?) -> Double {
    guard let session else { return 0 }
    return Double(session.epochCount * session.trainCount + session.positionInEpoch)
  }

  /// Starts `app`'s run (space) and raises its pace to the maximum (s), as a learner would;
  /// `pace` reads the pace of the playground inside `app`.
  private static func startAtMaximumSpeed<Model: App>(_ app: inout Model, pace: (Model) -> Pace?) {
    _ = app.update(.key(.character(" ")))
    while pace(app) != .maximum { _ = app.update(.key(.character("s"))) }
  }

  /// A step budget as the program loop keeps one.
  private static func frameBudget() -> StepBudget {
    StepBudget(secondsPerFrame: Double(ProgramLoop.frameMilliseconds) / 1000 * ProgramLoop.trainingShare)
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

  /// The lab of `labBlock` alone in the playground against the same lab on a lesson page (its
  /// text beside it), measured in turns; a twin of the playground, measured in the same turns,
  /// shows how far two identical runs differ here (`twin_over_playground`), so that the lesson's
  /// ratio can be read against it.
  private static func labAgainstPlayground(seconds: Double) throws -> String {
    let text = "---\nid: bench\ntitle: Bench\norder: 1\nsummary: A lab to time.\n---\n\n# A lab\n\nText beside the lab.\n\n"
      + labBlock + "\n"
    let catalog = LessonCatalog(sources: [(fileName: "bench.md", text: text)])
    guard let lesson = catalog.lessons.first, let lab = lesson.pages.first?.lab else {
      throw ModelError(reason: "the benchmark lesson did not parse: \(catalog.problems)")
    }
    let theme = Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true))
    func playgroundAtMaximumSpeed() throws -> PlaygroundApp {
      var app = PlaygroundApp(
        playground: try Playground(configuration: lab.trainingConfiguration, panes: lab.views), theme: theme)
      startAtMaximumSpeed(&app) { $0.playground.pace }
      return app
    }
    var playgroundApp = try playgroundAtMaximumSpeed()
    var twinApp = try playgroundAtMaximumSpeed()
    var model = DescentModel(catalog: catalog, progress: Progress(), theme: theme, startLesson: "bench")
    _ = model.update(.resize(Size(width: 120, height: 40)))
    startAtMaximumSpeed(&model) { $0.player?.playground?.pace }
    // In turns, so that the shared machine's changing load falls on all alike.
    var alone = PlayMeasure()
    var twin = PlayMeasure()
    var inLesson = PlayMeasure()
    var aloneBudget = frameBudget()
    var twinBudget = frameBudget()
    var lessonBudget = frameBudget()
    for _ in 0..<4 {
      alone = alone
        + play(&playgroundApp, seconds: seconds / 4, budget: &aloneBudget) { samplesTrained($0.playground.session) }
      inLesson = inLesson
        + play(&model, seconds: seconds / 4, budget: &lessonBudget) { samplesTrained($0.player?.playground?.session) }
      twin = twin + play(&twinApp, seconds: seconds / 4, budget: &twinBudget) { samplesTrained($0.playground.session) }
    }
    return "live lab playground_samples_per_s=\(BenchmarkResult.compact(alone.samplesPerSecond))"
      + " playground_frames_per_s=\(String(format: "%.1f", alone.framesPerSecond))"
      + " lesson_samples_per_s=\(BenchmarkResult.compact(inLesson.samplesPerSecond))"
      + " lesson_frames_per_s=\(String(format: "%.1f", inLesson.framesPerSecond))"
      + " lesson_over_playground=\(String(format: "%.2f", inLesson.samplesPerSecond / alone.samplesPerSecond))"
      + " twin_over_playground=\(String(format: "%.2f", twin.samplesPerSecond / alone.samplesPerSecond))"
  }

  private static func trainAgainstPlayground(seconds: Double) throws -> String {
    let configuration = BenchmarkWorkload.w3.configuration
    let samplesPerEpoch = Double(configuration.dataset.trainInputs.count)
    let clock = ContinuousClock()

    // `descent train`: whole epochs, both splits evaluated after each, the report written.
    var session = try TrainingSession(configuration: configuration)
    var epochs = 0
    var headlessSeconds = 0.0
    var reportLength = 0
    while headlessSeconds < seconds {
      let start = clock.now
      HeadlessTraining.run(&session, epochs: 10, format: .table) { reportLength += $0.count }
      headlessSeconds += start.duration(to: clock.now).inSeconds
      epochs += 10
      session = try TrainingSession(configuration: configuration)
    }
    let headless = Double(epochs) * samplesPerEpoch / headlessSeconds

    // The playground: play at maximum speed, one tick then one full frame, as the program loop.
    var app = PlaygroundApp(
      playground: try Playground(configuration: configuration),
      theme: Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true)))
    startAtMaximumSpeed(&app) { $0.playground.pace }
    var budget = frameBudget()
    let live = play(&app, seconds: seconds, budget: &budget) { samplesTrained($0.playground.session) }
    return "live w3 train_samples_per_s=\(BenchmarkResult.compact(headless))"
      + " play_samples_per_s=\(BenchmarkResult.compact(live.samplesPerSecond))"
      + " play_frames_per_s=\(String(format: "%.1f", live.framesPerSecond))"
      + " play_over_train=\(String(format: "%.2f", live.samplesPerSecond / headless)) report_chars=\(reportLength)"
  }
}
