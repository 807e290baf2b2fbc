import Foundation
import LessonKit
import NeuralEngine
import Testing
import TerminalUI

@testable import DescentApp

/// What the learning-rate and batches pages say the learner will see, checked on the labs as
/// they open, at their own pace: a crawl that moves, jumps from wall to wall, single samples
/// visibly noisier than the full batch.
@Suite struct LabPromisesTests {
  /// The lab of page `page` of lesson `lessonID`, opened as the app opens it.
  static func player(_ lessonID: String, page: Int) throws -> LessonPlayer {
    let lesson = try #require(DescentModel.embeddedCatalog().lesson(id: lessonID))
    var progress = LessonKit.Progress()
    return LessonPlayer(lesson: lesson, page: page, progress: &progress)
  }

  /// Presses `keys`, then ticks `seconds` of the program loop's clock.
  static func run(_ player: inout LessonPlayer, keys: [Key] = [], seconds: Double) {
    var progress = LessonKit.Progress()
    for key in keys { _ = player.update(.key(key), progress: &progress) }
    for _ in 0..<Int((seconds / Pace.secondsPerTick).rounded()) {
      _ = player.update(.tick(stepBudget: 1_000), progress: &progress)
    }
  }

  /// The (w, b) path of the single neuron so far, start first.
  static func path(_ player: LessonPlayer) -> [(w: Double, b: Double)] {
    guard let session = player.playground?.session else { return [] }
    let w = session.parameterHistory(.weight(layer: 0, output: 0, input: 0))
    let b = session.parameterHistory(.bias(layer: 0, output: 0))
    return zip(w, b).map { (w: $0, b: $1) }
  }

  static func distance(_ first: (w: Double, b: Double), _ second: (w: Double, b: Double)) -> Double {
    ((first.w - second.w) * (first.w - second.w) + (first.b - second.b) * (first.b - second.b)).squareRoot()
  }

  /// How many times the steps of `values` change direction.
  static func turns(_ values: [Double]) -> Int {
    let steps = zip(values.dropFirst(), values).map { $0 - $1 }.filter { $0 != 0 }
    return zip(steps.dropFirst(), steps).filter { ($0 > 0) != ($1 > 0) }.count
  }

  // MARK: - Learning rate

  /// "watch for ten seconds: the dot creeps across the bowl": it moves, but covers well under
  /// half the way to the bottom.
  @Test func theCrawlMovesButSlowly() throws {
    var player = try Self.player("learning-rate", page: 1)
    Self.run(&player, keys: [.character(" ")], seconds: 10)
    let path = Self.path(player)
    let start = try #require(path.first), now = try #require(path.last)
    let bottom = (w: 2.0, b: 1.0)
    let covered = Self.distance(start, now) / Self.distance(start, bottom)
    #expect(covered > 0.1 && covered < 0.5, "covered \(covered) of the way in 10 s")
    #expect(player.playground?.session.stepCount == 30, "3 steps a second")
  }

  /// At η = 0.3 the dot slides straight down; after three `+` and `r` (η = 0.68) it jumps from
  /// wall to wall on its way down; at η = 1 it keeps jumping and never settles.
  @Test func raisingTheRateJumpsFromWallToWall() throws {
    var player = try Self.player("learning-rate", page: 2)
    Self.run(&player, keys: [.character(" ")], seconds: 8)
    #expect(Self.turns(Self.path(player).map(\.b)) == 0, "η = 0.3 slides straight down")

    Self.run(&player, keys: "+++r ".map { .character($0) }, seconds: 8)
    #expect(player.playground?.session.learningRate == 0.68)
    let zigZag = Self.path(player).map(\.b)
    #expect(Self.turns(Array(zigZag.prefix(8))) >= 4, "η = 0.68 jumps wall to wall: \(zigZag.prefix(8))")

    Self.run(&player, keys: "+r ".map { .character($0) }, seconds: 15)
    #expect(player.playground?.session.learningRate == 1)
    let bouncing = Self.path(player).map(\.b)
    #expect(Self.turns(bouncing) >= bouncing.count - 6, "η = 1 keeps jumping: \(bouncing)")
    let lastJump = abs((bouncing.last ?? 0) - bouncing[bouncing.count - 2])
    #expect(lastJump > 0.5, "and never settles: the last jump is \(lastJump)")
    #expect(player.playground?.isPlaying == true, "still running after 15 s")
  }

  // MARK: - Batches

  /// Full batch: a smooth path and loss curve. Single sample (`b`, `r`): the path staggers
  /// (far longer than the distance it covers) and the loss curve is ragged.
  @Test func singleSamplesAreVisiblyNoisierThanTheFullBatch() throws {
    var player = try Self.player("batches", page: 2)
    Self.run(&player, keys: [.character(" ")], seconds: 20)
    let full = try #require(player.playground?.session)
    let fullPath = Self.path(player)
    let fullLength = zip(fullPath.dropFirst(), fullPath).map { Self.distance($0, $1) }.reduce(0, +)
    let fullLoss = full.history.trainLoss.points.map(\.value)

    Self.run(&player, keys: "br ".map { .character($0) }, seconds: 20)
    let single = try #require(player.playground?.session)
    #expect(single.batchMode == .stochastic)
    let singlePath = Self.path(player)
    let singleLength = zip(singlePath.dropFirst(), singlePath).map { Self.distance($0, $1) }.reduce(0, +)
    let singleLoss = single.history.trainLoss.points.map(\.value)

    let fullStraightness = fullLength / Self.distance(fullPath[0], fullPath[fullPath.count - 1])
    let singleStraightness = singleLength / Self.distance(singlePath[0], singlePath[singlePath.count - 1])
    #expect(fullStraightness < 1.2, "full batch goes nearly straight: \(fullStraightness)")
    #expect(singleStraightness > 2 * fullStraightness, "single samples stagger: \(singleStraightness)")
    #expect(Self.turns(fullLoss) <= 2, "the full-batch loss falls smoothly: \(fullLoss)")
    #expect(Self.turns(singleLoss) >= 20, "the single-sample loss is ragged: \(Self.turns(singleLoss)) turns")
  }
}
