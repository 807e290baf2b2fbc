import Foundation
import LessonKit
import NeuralEngine
import Testing

@testable import DescentApp

/// What the race pages say the learner will see, checked on the labs as they open, at their own
/// pace.
@Suite struct LessonRaceTests {
  /// Every race lab of the shipped lessons is one of the pages checked here.
  @Test func everyShippedRaceLabIsChecked() {
    let raced = DescentModel.embeddedCatalog().lessons.flatMap { lesson in
      lesson.pages.filter { $0.lab?.race != nil }.map { "\(lesson.id)/\($0.index)" }
    }
    #expect(raced == ["learning-rate/4", "hidden-layers/5"])
    for key in raced {
      let lessonID = String(key.split(separator: "/")[0])
      let page = DescentModel.embeddedCatalog().lesson(id: lessonID)?.pages.first { "\(lessonID)/\($0.index)" == key }
      #expect(page?.lab?.pace != nil, "\(key) names its pace")
    }
  }

  /// "0.01 crawls; 0.3 slides to the bottom; 0.9 arrives hopping wall to wall; 1.1 diverges and
  /// is stopped while the others carry on."
  @Test func theFourLearningRatesBehaveAsThePageSays() throws {
    var player = try LabPromisesTests.player("learning-rate", page: 4)
    var race = try #require(player.race, "the page's lab is a race")
    #expect(race.lanes.map(\.label) == ["0.01", "0.3", "0.9", "1.1"])
    #expect(race.panes == [.bowl, .loss])
    LabPromisesTests.run(&player, keys: [.character(" ")], seconds: 20)
    race = try #require(player.race)
    #expect(race.stepCount == 100, "5 steps a second")
    let crawl = race.lanes[0], right = race.lanes[1], hopping = race.lanes[2], blowUp = race.lanes[3]
    #expect(crawl.loss > 10 * right.loss, "0.01 is still high on the wall: \(crawl.loss)")
    #expect(right.loss < 0.01 && hopping.loss < 0.01, "0.3 and 0.9 reach the bottom")
    #expect(blowUp.hasDiverged && !crawl.hasDiverged && !right.hasDiverged && !hopping.hasDiverged)
    #expect(race.isPlaying, "the other three carry on")
    // 0.9 hops from wall to wall: its bias changes direction at nearly every step at first.
    let bias = try #require(hopping.session).parameterHistory(.bias(layer: 0, output: 0))
    #expect(LabPromisesTests.turns(Array(bias.prefix(10))) >= 6, "0.9 zig-zags: \(bias.prefix(10))")
    #expect(LabPromisesTests.turns(try #require(right.session).parameterHistory(.bias(layer: 0, output: 0))) <= 1)
  }

  /// "For the first hundred steps or so they fall together. Then Adam breaks away … after about
  /// 600 steps Adam has nearly every training point right; the other two are stuck around six in
  /// ten."
  @Test func adamBreaksAwayOnTheSpiral() throws {
    var player = try LabPromisesTests.player("hidden-layers", page: 5)
    var race = try #require(player.race)
    #expect(race.lanes.map(\.label) == ["sgd", "momentum", "adam"])
    LabPromisesTests.run(&player, keys: [.character(" ")], seconds: 4)
    race = try #require(player.race)
    let early = race.lanes.map(\.loss)
    #expect((early.max() ?? 0) - (early.min() ?? 0) < 0.05, "together at step \(race.stepCount): \(early)")
    LabPromisesTests.run(&player, seconds: 16)
    race = try #require(player.race)
    #expect(race.stepCount == 600, "30 steps a second for 20 s")
    let accuracy = race.lanes.map { $0.session?.trainAccuracy ?? 0 }
    #expect(accuracy[2] > 0.9, "adam: \(accuracy)")
    #expect(accuracy[0] < 0.7 && accuracy[1] < 0.7, "sgd and momentum: \(accuracy)")
  }
}
