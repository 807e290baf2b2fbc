import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// The help box: every key, locked ones marked, centred, clearing what is under it.
@Suite struct HelpOverlayTests {
  private func help(_ playground: Playground, _ width: Int, _ height: Int, theme: Theme = Fixture.colour) -> Buffer {
    drawView(width, height) { area, buffer in
      HelpOverlay(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  @Test func listsEveryKey() {
    let text = screenText(help(Fixture.house(), 80, 24))
    for needle in ["space", "n  →", "+  -", "l ", "b ", "o ", "a ", "s ", "r ", "R ", "y ", "p ", "x ", "Tab", "Enter", "Esc", "?", "q "] {
      #expect(text.contains(needle), "missing \(needle)")
    }
    for needle in ["[  ]", "{  }", "<  >", "g ", "k  K", "D "] {
      #expect(text.contains(needle), "missing \(needle)")
    }
    #expect(screenText(help(Fixture.house(), 120, 40)).contains("restarts"), "one column has room for the full actions")
  }

  @Test func lockedKeysAreMarked() {
    let configuration = TrainingConfiguration(dataset: .builtIn(.line, seed: 1), seed: 1)
    let playground = try! Playground(configuration: configuration, unlockedControls: [.play, .step, .reset])
    assertSnapshot(help(playground, 80, 24), named: "help-overlay-locked")
  }

  @Test func asciiShortAndWide() {
    let buffer = help(Fixture.house(), 120, 16, theme: Fixture.ascii)
    assertSnapshot(buffer, named: "help-overlay-ascii-two-columns")
    #expect(buffer.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "ASCII only")
  }

  @Test func smallAreasStayInside() {
    for (width, height) in [(1, 1), (4, 3), (20, 6), (60, 18)] {
      var buffer = sentinelBuffer(width + 2, height + 2)
      HelpOverlay(playground: Fixture.house()).render(
        in: Rect(x: 1, y: 1, width: width, height: height), buffer: &buffer, theme: Fixture.colour)
      expectFrameUntouched(buffer)
    }
  }
}
