import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// The weights view alone: rows when they fit, heatmaps when they do not.
@Suite struct WeightsViewTests {
  private func weights(_ playground: Playground, _ width: Int, _ height: Int, theme: Theme = Fixture.colour) -> Buffer {
    drawView(width, height) { area, buffer in
      WeightsView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  @Test func houseRowsWide() {
    assertSnapshot(weights(Fixture.house(), 64, 4), named: "weights-house-rows")
  }

  @Test func sparklinesShareOneScale() {
    let buffer = weights(Fixture.house(steps: 30), 64, 4)
    // The last cell of each sparkline is each weight's latest value on the pane's one scale:
    // three different weights end at three different heights.
    let ends = (0..<3).map { buffer[63, $0].symbol }
    #expect(Set(ends).count == 3, "\(ends)")
    #expect(WeightsView.sharedRange([[0.1, 0.3], [-0.5, .nan], []]) == -0.5...0.3)
    #expect(WeightsView.sharedRange([[.nan]]) == nil)
  }

  @Test func houseRowsNarrow() {
    assertSnapshot(weights(Fixture.house(), 30, 4), named: "weights-house-rows-narrow")
  }

  @Test func houseRowsASCII() {
    assertSnapshot(weights(Fixture.house(), 64, 4, theme: Fixture.ascii), named: "weights-house-rows-ascii")
  }

  @Test func circleRows() {
    assertSnapshot(weights(Fixture.circle(), 64, 25), named: "weights-circle-rows")
  }

  @Test func spiralHeatmapMonochrome() {
    assertSnapshot(weights(Fixture.spiral(), 40, 16, theme: Fixture.monochrome), named: "weights-spiral-heatmap-monochrome")
  }

  @Test func spiralHeatmapColourUsesHalfBlocks() {
    let buffer = weights(Fixture.spiral(), 40, 16)
    assertSnapshot(buffer, named: "weights-spiral-heatmap")
    let halves = buffer.cells.filter { $0.symbol == Fixture.colour.symbols.upperHalf }
    #expect(!halves.isEmpty)
    #expect(halves.allSatisfy { $0.style.foreground != .default })
  }

  @Test func heatmapsThatDoNotFitAreCounted() {
    let buffer = weights(Fixture.spiral(), 40, 6)
    assertSnapshot(buffer, named: "weights-spiral-heatmap-short")
    #expect(screenText(buffer).contains("more layer"))
  }

  @Test func changeText() {
    let symbols = Fixture.colour.symbols
    #expect(WeightsView.changeText(0.0021, symbols: symbols) == "↑2.1e-3")
    #expect(WeightsView.changeText(-0.012, symbols: symbols) == "↓0.012")
    #expect(WeightsView.changeText(0, symbols: symbols) == "0")
    #expect(WeightsView.changeText(-0.5, symbols: Fixture.ascii.symbols) == "v0.5")
  }
}
