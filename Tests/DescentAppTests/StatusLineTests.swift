import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// The status line: fields by priority, the notice, typing, and a stopped run.
@Suite struct StatusLineTests {
  private func status(_ playground: Playground, _ width: Int, _ height: Int = 2, theme: Theme = Fixture.colour) -> Buffer {
    drawView(width, height) { area, buffer in
      StatusLine(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  @Test func widths() {
    let playground = Fixture.circle()
    var lines: [String] = []
    for width in [120, 80, 60, 40, 24] {
      lines += status(playground, width).lines.map { $0.padding(toLength: 120, withPad: "x", startingAt: 0) }
    }
    var buffer = Buffer(width: 120, height: lines.count)
    for (row, line) in lines.enumerated() { buffer.write(line, x: 0, y: row) }
    assertSnapshot(buffer, named: "status-line-widths")
  }

  @Test func oneRowCarriesTheNotice() {
    var playground = Fixture.house()
    playground.press(.character("o"))
    assertSnapshot(status(playground, 80, 1), named: "status-line-one-row-notice")
  }

  @Test func typingALearningRate() {
    var playground = Fixture.house()
    playground.press(.character("l"))
    playground.type("0.0")
    let text = screenText(status(playground, 60))
    #expect(text.contains("lr: 0.0█"))
  }

  @Test func warningNoticeUsesTheWarningStyle() {
    var playground = Fixture.house()
    playground.press(.character("l"))
    playground.type("500")
    playground.press(.enter)
    let buffer = status(playground, 80)
    #expect(buffer[1, 1].style == Fixture.colour.warning)
  }

  @Test func divergedShowsItsReason() {
    var playground = Fixture.line(learningRate: 50)
    playground.press(.character(" "))
    for _ in 0..<100 where playground.isPlaying { _ = playground.update(.tick(stepBudget: 10)) }
    playground.press(.character("y"))  // a newer notice: the reason still shows on the bar
    let oneRow = status(playground, 120, 1)
    #expect(screenText(oneRow).contains("diverged"))
    assertSnapshot(status(playground, 80), named: "status-line-diverged")
  }

  @Test func playingAndASCII() {
    var playground = Fixture.house()
    playground.press(.character(" "))
    assertSnapshot(status(playground, 80, theme: Fixture.ascii), named: "status-line-playing-ascii")
  }
}
