import NeuralEngine
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
