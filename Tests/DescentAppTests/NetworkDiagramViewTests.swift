import Foundation
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

// MARK: - Helpers shared by the plot view tests

/// A playground on a built-in dataset with the given hidden layers.
func plotPlayground(
  _ name: DatasetName, hidden: [Int] = [], learningRate: Double = 0.1, batch: BatchMode = .fullBatch,
  seed: UInt64 = 1
) -> Playground {
  let configuration = TrainingConfiguration(
    dataset: .builtIn(name, seed: seed), hiddenLayers: hidden, learningRate: learningRate,
    batchMode: batch, seed: seed)
  return try! Playground(configuration: configuration)
}

/// Advances `playground` by `count` steps through its own `n` key.
func plotSteps(_ playground: inout Playground, _ count: Int) {
  for _ in 0..<count { _ = playground.update(.key(.character("n"))) }
}

let plotUnicodeTheme = Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true))
let plotASCIITheme = Theme(capabilities: TerminalCapabilities(colorCount: 0, unicode: false))
let plotMonochromeTheme = Theme(capabilities: TerminalCapabilities(colorCount: 0, unicode: true))
let plotEightColorTheme = Theme(capabilities: TerminalCapabilities(colorCount: 8, unicode: true))

/// Renders into a sentinel-filled buffer one cell larger than `area` on every side.
func plotRender(
  _ width: Int, _ height: Int, theme: Theme, margin: Int = 1,
  draw: (Rect, inout Buffer, Theme) -> Void
) -> (buffer: Buffer, area: Rect) {
  var buffer = Buffer(width: width + 2 * margin, height: height + 2 * margin, filling: Cell("x"))
  let area = Rect(x: margin, y: margin, width: width, height: height)
  draw(area, &buffer, theme)
  return (buffer, area)
}

/// Only what lies inside `area`, as a buffer of its own.
func plotCrop(_ buffer: Buffer, _ area: Rect) -> Buffer {
  var cropped = Buffer(width: area.width, height: area.height)
  for y in 0..<area.height {
    for x in 0..<area.width { cropped[x, y] = buffer[area.x + x, area.y + y] }
  }
  return cropped
}

/// Every cell outside `area` still holds the sentinel.
func plotExpectUntouchedOutside(
  _ buffer: Buffer, _ area: Rect, sourceLocation: SourceLocation = #_sourceLocation
) {
  for y in 0..<buffer.size.height {
    for x in 0..<buffer.size.width where !area.contains(x: x, y: y) {
      if buffer[x, y] != Cell("x") {
        Issue.record("drew outside the area at (\(x), \(y)): \(buffer[x, y].symbol)", sourceLocation: sourceLocation)
        return
      }
    }
  }
}

/// Sizes from empty to large, including very thin and very flat ones.
let plotSweepSizes: [(Int, Int)] = [
  (0, 0), (1, 1), (2, 1), (1, 5), (5, 1), (3, 3), (8, 2), (10, 4), (20, 5), (38, 9), (58, 17),
  (80, 3), (4, 40), (120, 40), (200, 60),
]

// MARK: - Network diagram

@Suite struct NetworkDiagramViewTests {
  private func render(_ playground: Playground, _ width: Int, _ height: Int, theme: Theme) -> (buffer: Buffer, area: Rect) {
    plotRender(width, height, theme: theme) { area, buffer, theme in
      NetworkDiagramView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  @Test func circle2881AtEightyByTwentyFour() {
    var playground = plotPlayground(.circle, hidden: [8, 8], learningRate: 0.3)
    plotSteps(&playground, 20)
    let (buffer, area) = render(playground, 38, 9, theme: plotUnicodeTheme)
    plotExpectUntouchedOutside(buffer, area)
    assertSnapshot(plotCrop(buffer, area), named: "network-circle-2881-38x9")
  }

  @Test func houseSingleNeuronAtOneTwentyByForty() {
    var playground = plotPlayground(.house, learningRate: 0.1)
    plotSteps(&playground, 30)
    let (buffer, area) = render(playground, 58, 17, theme: plotUnicodeTheme)
    assertSnapshot(plotCrop(buffer, area), named: "network-house-58x17")
  }

  @Test func asciiMode() {
    var playground = plotPlayground(.xor, hidden: [4], learningRate: 0.3)
    plotSteps(&playground, 10)
    let (buffer, area) = render(playground, 38, 9, theme: plotASCIITheme)
    plotExpectUntouchedOutside(buffer, area)
    let text = buffer.lines.joined()
    let isASCII = text.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(isASCII)
    assertSnapshot(plotCrop(buffer, area), named: "network-xor-241-ascii-38x9")
  }

  @Test func largeNetworkIsSummarised() {
    let playground = plotPlayground(.circle, hidden: [64, 64])
    let (buffer, area) = render(playground, 38, 9, theme: plotUnicodeTheme)
    assertSnapshot(plotCrop(buffer, area), named: "network-circle-2-64-64-1-38x9")
    #expect(buffer.lines.joined().contains("+57"))
  }

  @Test func manyLayersBecomeAList() {
    let playground = plotPlayground(.circle, hidden: [16, 16, 16, 16, 16, 16, 16, 16])
    let (buffer, area) = render(playground, 30, 9, theme: plotUnicodeTheme)
    plotExpectUntouchedOutside(buffer, area)
    assertSnapshot(plotCrop(buffer, area), named: "network-deep-list-30x9")
  }

  @Test func connectionsShowTheirSign() {
    // A single neuron x → ŷ on `line` (y ≈ 2x + 1): one connection, positive after a few steps.
    var positive = plotPlayground(.line)
    plotSteps(&positive, 5)
    let weight = positive.session.network.denseStages[0].weights[0]
    let (buffer, area) = render(positive, 38, 9, theme: plotUnicodeTheme)
    let styles = (area.y..<area.maxY).flatMap { y in
      (area.x..<area.maxX).compactMap { x -> Style? in
        let cell = buffer[x, y]
        guard let scalar = cell.symbol.unicodeScalars.first, (0x2801...0x28FF).contains(scalar.value) else { return nil }
        return cell.style
      }
    }
    #expect(!styles.isEmpty)
    #expect(weight > 0)
    #expect(styles.allSatisfy { $0.foreground == plotUnicodeTheme.positive.foreground })
  }

  @Test func negativeWeightsUseTheNegativeStyle() {
    var playground = plotPlayground(.xor, hidden: [4], learningRate: 0.3)
    plotSteps(&playground, 5)
    let (buffer, area) = render(playground, 38, 9, theme: plotUnicodeTheme)
    var foregrounds = Set<Color>()
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX {
        let cell = buffer[x, y]
        if let scalar = cell.symbol.unicodeScalars.first, (0x2801...0x28FF).contains(scalar.value) {
          foregrounds.insert(cell.style.foreground)
        }
      }
    }
    #expect(foregrounds.contains(plotUnicodeTheme.positive.foreground))
    #expect(foregrounds.contains(plotUnicodeTheme.negative.foreground))
  }

  @Test func sizeSweepStaysInside() {
    let playgrounds = [plotPlayground(.line), plotPlayground(.circle, hidden: [8, 8]), plotPlayground(.circle, hidden: [64, 64])]
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

/// The diagram of every network a lab draws, as a learner sees it at 80×24: nodes, signs and
/// the strongest links readable, the rest counted.
@Suite struct NetworkDiagramInLabsTests {
  /// (lesson, page index, Tab presses to show the network pane, golden name)
  static let labs: [(String, Int, Int, String)] = [
    ("hidden-layers", 2, 1, "network-lab-circle-2-4-2-1"),
    ("activations", 5, 2, "network-lab-xor-2-4-1"),
    ("backprop", 6, 0, "network-lab-gaussians-2-2-1"),
    ("house-prices", 3, 1, "network-lab-house-3-1"),
  ]

  @Test(arguments: 0..<labs.count)
  func labNetworkAt80x24(index: Int) throws {
    let (id, page, tabs, name) = Self.labs[index]
    var model = LessonFixture.model(progress: LessonFixture.progress([id: ([], page)]), startLesson: id)
    let views = try #require(model.player?.page?.lab?.views)
    #expect(views.contains(.network))
    LessonFixture.press(Array(repeating: .tab, count: tabs) + Array(repeating: .character("n"), count: 60), on: &model)
    let buffer = LessonFixture.screen(model)
    assertSnapshot(buffer, named: name)
    #expect(screenText(buffer).contains("Network"))
  }

  @Test func onlyTheStrongestLinksAreKeptAndEveryNodeKeepsItsStrongestInput() {
    let links: [(source: Int, target: Int, weight: Double)] = [
      (0, 0, 1.0), (1, 0, -0.1), (0, 1, 0.05), (1, 1, -0.2), (0, 2, 0.9), (1, 2, 0.5), (0, 3, -0.8), (1, 3, 0.01),
    ]
    let kept = NetworkDiagramView.legibleLinks(links, largest: 1, targets: 4, room: 5)
    #expect(kept.map(\.weight) == [1.0, -0.2, 0.9, 0.5, -0.8])
    #expect(NetworkDiagramView.LinkStrength(relative: 0.9) == .strong)
    #expect(NetworkDiagramView.LinkStrength(relative: 0.5) == .medium)
    #expect(NetworkDiagramView.LinkStrength(relative: 0.1) == .weak)
  }
}
