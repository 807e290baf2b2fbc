import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// Whole-screen goldens: the playground as `descent play` shows it.
@Suite struct PlaygroundScreenTests {
  @Test func house80x24() {
    assertSnapshot(screen(Fixture.house(), 80, 24), named: "playground-house-80x24")
  }

  @Test func house120x40() {
    assertSnapshot(screen(Fixture.house(), 120, 40), named: "playground-house-120x40")
  }

  @Test func circle80x24() {
    assertSnapshot(screen(Fixture.circle(), 80, 24), named: "playground-circle-80x24")
  }

  @Test func circle120x40() {
    assertSnapshot(screen(Fixture.circle(), 120, 40), named: "playground-circle-120x40")
  }

  @Test func houseMonochrome() {
    assertSnapshot(screen(Fixture.house(), 80, 24, theme: Fixture.monochrome), named: "playground-house-80x24-monochrome")
  }

  @Test func houseASCII() {
    assertSnapshot(screen(Fixture.house(), 80, 24, theme: Fixture.ascii), named: "playground-house-80x24-ascii")
  }

  @Test func help80x24() {
    var playground = Fixture.house()
    playground.press(.character("?"))
    assertSnapshot(screen(playground, 80, 24), named: "playground-help-80x24")
  }

  @Test func tooSmall() {
    assertSnapshot(screen(Fixture.house(), 50, 12), named: "playground-too-small-50x12")
  }

  @Test func maximisedWeights() {
    var playground = Fixture.house()
    playground.press(.tab, .enter)
    assertSnapshot(screen(playground, 80, 24), named: "playground-house-maximised-weights")
  }

  @Test func embeddedSmallArea() {
    var buffer = sentinelBuffer(42, 18)
    Fixture.house().render(in: Rect(x: 1, y: 1, width: 40, height: 16), buffer: &buffer, theme: Fixture.colour)
    assertSnapshot(buffer, named: "playground-embedded-40x16")
  }
}

/// Every size from 1×1 to 300×100: no crash, nothing outside the area, no "nan".
@Suite struct PlaygroundSizeSweepTests {
  @Test func fullScreenAtEverySize() {
    var playgrounds = [Fixture.house(), Fixture.circle(steps: 20), Fixture.spiral(steps: 3)]
    var helpShown = Fixture.house()
    helpShown.press(.character("?"))
    playgrounds.append(helpShown)
    var sizes: [(Int, Int)] = []
    for width in stride(from: 1, through: 300, by: 23) {
      for height in stride(from: 1, through: 100, by: 9) { sizes.append((width, height)) }
    }
    sizes += [(300, 100), (59, 17), (60, 18), (80, 24), (2, 1), (1, 2)]
    for playground in playgrounds {
      for (width, height) in sizes {
        let text = screenText(screen(playground, width, height)).lowercased()
        #expect(!text.contains("nan"), "\(width)×\(height)")
      }
    }
  }

  @Test func embeddedNeverDrawsOutsideItsArea() {
    let playgrounds = [Fixture.house(), Fixture.circle(steps: 20), Fixture.spiral(steps: 3)]
    for playground in playgrounds {
      for width in [1, 2, 5, 10, 20, 39, 40, 61, 90] {
        for height in [1, 2, 3, 5, 8, 12, 16, 21, 30] {
          var buffer = sentinelBuffer(width + 2, height + 2)
          playground.render(in: Rect(x: 1, y: 1, width: width, height: height), buffer: &buffer, theme: Fixture.colour)
          expectFrameUntouched(buffer)
        }
      }
    }
  }

  @Test func appContract() {
    var app = PlaygroundApp(playground: Fixture.house(steps: 3), theme: Fixture.colour)
    #expect(app.completedSteps == 3)
    #expect(!app.wantsFrames)
    #expect(app.update(.resize(Size(width: 100, height: 30))) == .none)
    #expect(app.update(.key(.character(" "))) == .none)
    #expect(app.wantsFrames)
    _ = app.update(.tick(stepBudget: 100))
    #expect(app.completedSteps == 4, "play takes its first step on the next tick")
    #expect(app.update(.key(.character("q"))) == .quit)
  }

  @Test func recoversWhenTheTerminalGrows() {
    let playground = Fixture.house()
    #expect(screenText(screen(playground, 40, 10)).contains("Enlarge the terminal"))
    #expect(screenText(screen(playground, 40, 10)).contains("(now 40×10)"))
    #expect(!screenText(screen(playground, 80, 24)).contains("Enlarge"))
  }
}
