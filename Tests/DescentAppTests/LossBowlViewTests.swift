import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

@Suite struct LossBowlViewTests {
  private func render(_ playground: Playground, _ width: Int, _ height: Int, theme: Theme) -> (buffer: Buffer, area: Rect) {
    plotRender(width, height, theme: theme) { area, buffer, theme in
      LossBowlView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  private func marker(_ buffer: Buffer, _ area: Rect, _ symbol: String) -> (x: Int, y: Int)? {
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX where buffer[x, y].symbol == symbol { return (x, y) }
    }
    return nil
  }

  @Test func lineAtEightyByTwentyFour() {
    var playground = plotPlayground(.line)
    plotSteps(&playground, 12)
    let (buffer, area) = render(playground, 38, 9, theme: plotUnicodeTheme)
    plotExpectUntouchedOutside(buffer, area)
    assertSnapshot(plotCrop(buffer, area), named: "bowl-line-38x9")
    // The current point wears the marker style.
    let current = marker(buffer, area, "●")
    #expect(current.map { buffer[$0.x, $0.y].style.foreground } == plotUnicodeTheme.marker.foreground)
  }

  @Test func lineAtOneTwentyByForty() {
    var playground = plotPlayground(.line)
    plotSteps(&playground, 25)
    let (buffer, area) = render(playground, 58, 17, theme: plotUnicodeTheme)
    assertSnapshot(plotCrop(buffer, area), named: "bowl-line-58x17")
  }

  @Test func asciiShowsShadeRings() {
    var playground = plotPlayground(.line)
    plotSteps(&playground, 12)
    let (buffer, area) = render(playground, 58, 17, theme: plotASCIITheme)
    let isASCII = buffer.lines.joined().unicodeScalars.allSatisfy { $0.isASCII }
    #expect(isASCII)
    assertSnapshot(plotCrop(buffer, area), named: "bowl-line-ascii-58x17")
  }

  @Test func currentPointIsAtTheCellOfTheCurrentParameters() throws {
    var playground = plotPlayground(.line)
    plotSteps(&playground, 7)
    let (buffer, area) = render(playground, 58, 17, theme: plotUnicodeTheme)
    let pair = try #require(playground.bowlPair)
    let session = playground.session
    let current = (session.network[pair.0], session.network[pair.1])
    let ranges = try #require(playground.bowlSurface).ranges
    let layout = LossBowlView.Layout(area: area, ranges: ranges, symbols: .unicode)
    let expected = try #require(layout.cell(of: current))
    let found = try #require(marker(buffer, area, "●"))
    #expect(found.x == expected.x && found.y == expected.y)
    // And it is where w and b say: w between the horizontal ends, b between the vertical ends.
    #expect(ranges.0.contains(current.0) && ranges.1.contains(current.1))
    #expect(ranges.0.contains(2) && ranges.1.contains(1), "the bowl's bottom (w≈2, b≈1) is in view")
  }

  @Test func pathMovesTowardsTheMinimumAndTheRangeHoldsStill() throws {
    var playground = plotPlayground(.line)
    #expect(playground.bowlPair != nil)
    var distances: [Double] = []
    var rangesSeen: [String] = []
    for _ in 0..<6 {
      let (buffer, area) = render(playground, 58, 17, theme: plotUnicodeTheme)
      let current = try #require(marker(buffer, area, "●"))
      let bottom = try #require(marker(buffer, area, "×"), "the lowest point stays visible until reached")
      distances.append(Double(abs(current.x - bottom.x) + 2 * abs(current.y - bottom.y)))
      let ranges = try #require(playground.bowlSurface).ranges
      rangesSeen.append("\(ranges.0) \(ranges.1)")
      plotSteps(&playground, 3)
    }
    #expect(zip(distances, distances.dropFirst()).allSatisfy { $0.1 <= $0.0 })
    #expect(distances.last ?? 0 < distances.first ?? 0)
    #expect(Set(rangesSeen).count == 1, "ranges: \(rangesSeen)")
  }

  @Test func monochromeUsesShadesNotColours() {
    let playground = plotPlayground(.line)
    let (buffer, area) = render(playground, 38, 9, theme: plotMonochromeTheme)
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX {
        #expect(buffer[x, y].style.foreground == .default && buffer[x, y].style.background == .default)
      }
    }
  }

  @Test func sizeSweepStaysInside() {
    var trained = plotPlayground(.line)
    plotSteps(&trained, 5)
    let playgrounds = [trained, plotPlayground(.house), plotPlayground(.circle, hidden: [4])]
    for playground in playgrounds {
      for theme in [plotUnicodeTheme, plotASCIITheme, plotMonochromeTheme] {
        for (width, height) in plotSweepSizes {
          let (buffer, area) = render(playground, width, height, theme: theme)
          plotExpectUntouchedOutside(buffer, area)
        }
      }
    }
  }
}
