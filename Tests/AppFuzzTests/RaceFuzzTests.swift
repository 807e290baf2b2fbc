import DescentApp
import LessonKit
import NeuralEngine
import TerminalUI
import Testing

@testable import DescentApp

/// Seeded random input through a race: the learning-rate race (one run diverges) and a surface
/// race, checking after every event that the runs stay in step and every frame is clean.
@Suite struct RaceFuzzTests {
  static let eventsPerSession = 4_000

  private func makeRace(_ kind: Int) -> RaceApp {
    let race: Race
    if kind == 0 {
      let base = TrainingConfiguration(
        dataset: .builtIn(.line, seed: 1), loss: .meanSquaredError, learningRate: 0.1, batchMode: .fullBatch, seed: 1)
      race = try! Race(
        setting: .learningRate, configurations: RaceVariation.learningRates([0.01, 0.3, 0.9, 1.1]).configurations(from: base))
    } else {
      race = Race(
        surface: .localMinimum, setting: .optimizer,
        runs: [OptimizerKind.sgd, .momentum, .rmsprop, .adam, .nesterov, .adagrad].map { (optimizer: $0, learningRate: 0.1) })
    }
    return RaceApp(race: race, theme: AppFuzzTests.theme)
  }

  @Test(arguments: 0..<2)
  func randomInputKeepsARaceSound(kind: Int) {
    var events = FuzzEvents(seed: 0xACE_0000 + UInt64(kind))
    var size = Size(width: 80, height: 24)
    var app = makeRace(kind)
    var failures = 0
    func report(_ what: String, event: Int) {
      failures += 1
      if failures <= 5 { Issue.record("seed \(0xACE_0000 + UInt64(kind)), event \(event): \(what)") }
    }
    let checker = AppFuzzTests()
    for event in 0..<Self.eventsPerSession {
      switch events.next() {
      case .message(let message):
        if app.update(message) == .quit { app = makeRace(kind) }
      case .resize(let newSize):
        size = newSize
        _ = app.update(.resize(newSize))
        checker.checkFrame(of: app, size: size) { report($0, event: event) }
      case .render:
        checker.checkFrame(of: app, size: size) { report($0, event: event) }
      case .renderAt(let common):
        checker.checkFrame(of: app, size: common) { report($0, event: event) }
      }
      let race = app.race
      for (index, lane) in race.lanes.enumerated() {
        if lane.hasDiverged ? lane.stepCount > race.stepCount : lane.stepCount != race.stepCount {
          report("run \(index + 1) at step \(lane.stepCount), the race at \(race.stepCount)", event: event)
        }
      }
      if !race.hiddenLanes.allSatisfy(race.lanes.indices.contains) {
        report("hidden runs \(race.hiddenLanes) outside \(race.lanes.count)", event: event)
      }
    }
  }
}
