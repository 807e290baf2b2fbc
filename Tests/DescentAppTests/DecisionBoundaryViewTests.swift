import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

@Suite struct DecisionBoundaryViewTests {
  private func render(_ playground: Playground, _ width: Int, _ height: Int, theme: Theme) -> (buffer: Buffer, area: Rect) {
    plotRender(width, height, theme: theme) { area, buffer, theme in
      DecisionBoundaryView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  private static var trainedCircle: Playground {
    var playground = plotPlayground(.circle, hidden: [8], learningRate: 0.5, batch: .fullBatch)
    plotSteps(&playground, 300)
    return playground
  }

  @Test func circleAtEightyByTwentyFour() {
    let (buffer, area) = render(Self.trainedCircle, 38, 9, theme: plotUnicodeTheme)
    plotExpectUntouchedOutside(buffer, area)
    assertSnapshot(plotCrop(buffer, area), named: "boundary-circle-38x9")
  }

  @Test func circleAtOneTwentyByFortyInASCII() {
    let (buffer, area) = render(Self.trainedCircle, 58, 17, theme: plotASCIITheme)
    let isASCII = buffer.lines.joined().unicodeScalars.allSatisfy { $0.isASCII }
    #expect(isASCII)
    assertSnapshot(plotCrop(buffer, area), named: "boundary-circle-ascii-58x17")
  }

  @Test func trainedCirclePutsClassOneInTheMiddle() {
    let (buffer, area) = render(Self.trainedCircle, 58, 17, theme: plotUnicodeTheme)
    let scale = plotUnicodeTheme.signedScale(limit: 1)
    // The centre cell's colours lean to class 1 (orange side), the corners to class 0 (blue side).
    let centre = buffer[area.x + area.width / 2, area.y + (area.height - 1) / 2]
    let corner = buffer[area.x, area.y]
    let classOneRegion = scale.color(0.6), classZeroRegion = scale.color(-0.6)
    #expect(centre.style.background == classOneRegion || centre.style.foreground == classOneRegion, "centre: \(centre)")
    #expect(corner.style.background == classZeroRegion || corner.style.foreground == classZeroRegion, "corner: \(corner)")
    // Class markers: class 1 filled in its deep colour, class 0 hollow in the other.
    var seen: [String: Style] = [:]
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX where ["●", "○"].contains(buffer[x, y].symbol) && buffer[x, y].style.bold {
        seen[buffer[x, y].symbol] = buffer[x, y].style
      }
    }
    #expect(seen["●"]?.foreground == scale.color(1))
    #expect(seen["○"]?.foreground == scale.color(-1))
  }

  @Test func sineShowsTheFittedCurve() {
    var playground = plotPlayground(.sine, hidden: [8], learningRate: 0.1)
    plotSteps(&playground, 200)
    let (buffer, area) = render(playground, 58, 17, theme: plotUnicodeTheme)
    assertSnapshot(plotCrop(buffer, area), named: "boundary-sine-curve-58x17")
  }

  @Test func houseSaysWhatItNeeds() {
    let (buffer, area) = render(plotPlayground(.house), 38, 9, theme: plotUnicodeTheme)
    #expect(buffer.lines[area.y].contains("needs 1 or 2 inputs"))
  }

  @Test func sizeSweepStaysInside() {
    let playgrounds = [plotPlayground(.circle, hidden: [4]), plotPlayground(.line), plotPlayground(.house)]
    for playground in playgrounds {
      for theme in [plotUnicodeTheme, plotASCIITheme, plotMonochromeTheme, plotEightColorTheme] {
        for (width, height) in plotSweepSizes {
          let (buffer, area) = render(playground, width, height, theme: theme)
          plotExpectUntouchedOutside(buffer, area)
        }
      }
    }
  }
}
