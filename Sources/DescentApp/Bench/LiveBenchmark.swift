import Foundation
import LessonKit
import NeuralEngine
import TerminalUI

/// Measures how fast training runs where a learner meets it, as `descent bench live` reports it:
/// `descent train`'s loop (every epoch evaluated) and the playground at maximum speed drawing a
/// 120×40 frame after every tick, each against the same network on the same data (W3's shape).
public enum LiveBenchmark {
  public static func run(seconds: Double = 2) throws -> String {
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
    while app.playground.speed != .maximum { _ = app.update(.key(.character("s"))) }
    var budget = StepBudget(secondsPerFrame: Double(ProgramLoop.frameMilliseconds) / 1000 * ProgramLoop.trainingShare)
    func samplesTrained() -> Double {
      let session = app.playground.session
      return Double(session.epochCount) * samplesPerEpoch + Double(session.positionInEpoch)
    }
    let samplesBefore = samplesTrained()
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
    let liveSeconds = elapsed(since: start)
    let live = (samplesTrained() - samplesBefore) / liveSeconds
    return "live w3 train_samples_per_s=\(BenchmarkResult.compact(headless))"
      + " play_samples_per_s=\(BenchmarkResult.compact(live)) play_frames_per_s=\(String(format: "%.1f", Double(frames) / liveSeconds))"
      + " play_over_train=\(String(format: "%.2f", live / headless)) report_chars=\(reportLength)"
  }
}
