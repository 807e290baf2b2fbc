import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// The loss chart alone, drawn into a sentinel buffer.
@Suite struct LossChartViewTests {
  /// House trained 20 steps at 0.5, then 20 at 0.15 (three `-` presses).
  private func houseWithLearningRateChange() -> Playground {
    var playground = Fixture.house(steps: 20)
    playground.press(.character("-"), .character("-"), .character("-"))
    for _ in 0..<20 { playground.press(.character("n")) }
    return playground
  }

  private func chart(_ playground: Playground, _ width: Int, _ height: Int, theme: Theme = Fixture.colour) -> Buffer {
    drawView(width, height) { area, buffer in
      LossChartView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  @Test func linearWithLearningRateChange() {
    assertSnapshot(chart(houseWithLearningRateChange(), 60, 14), named: "loss-chart-house-lr-change")
  }

  @Test func logarithmic() {
    var playground = houseWithLearningRateChange()
    playground.press(.character("y"))
    assertSnapshot(chart(playground, 60, 14), named: "loss-chart-house-log")
  }

  @Test func asciiCircle() {
    assertSnapshot(chart(Fixture.circle(), 50, 12, theme: Fixture.ascii), named: "loss-chart-circle-ascii")
  }

  @Test func beforeTheFirstStep() {
    assertSnapshot(chart(Fixture.house(steps: 0), 40, 8), named: "loss-chart-house-step-0")
  }

  @Test func learningRateMarkIsTheMarkerStyle() {
    let buffer = chart(houseWithLearningRateChange(), 60, 14)
    let marks = buffer.cells.filter { $0.symbol == Fixture.colour.symbols.dashedVertical }
    #expect(!marks.isEmpty)
    #expect(marks.allSatisfy { $0.style == Fixture.colour.marker })
    #expect(screenText(buffer).contains("lr 0.22"))
  }

  @Test func tinyAreasStayInside() {
    for (width, height) in [(1, 1), (3, 2), (8, 3), (12, 4), (13, 5)] {
      var buffer = sentinelBuffer(width + 2, height + 2)
      LossChartView(playground: Fixture.house()).render(
        in: Rect(x: 1, y: 1, width: width, height: height), buffer: &buffer, theme: Fixture.colour)
      expectFrameUntouched(buffer)
    }
  }
}

/// Expects the outermost ring of cells to still hold the sentinel `x`.
func expectFrameUntouched(_ buffer: Buffer, sourceLocation: SourceLocation = #_sourceLocation) {
  let lines = buffer.lines
  guard let first = lines.first, let last = lines.last else { return }
  let allX = { (text: String) in text.allSatisfy { $0 == "x" } }
  let edges = lines.allSatisfy { $0.first == "x" && $0.last == "x" }
  #expect(allX(first) && allX(last) && edges, "drew outside its area:\n\(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
}
