import LessonKit
import NeuralEngine
import SnapshotSupport
import Testing
import TerminalUI

@testable import DescentApp

/// The per-neuron thumbnails and the reshaped network pane: goldens at 80×24 and 120×40 in
/// colour, monochrome and ASCII, the thumbnails' colours against the network's own outputs,
/// and layouts that shrink, cut or give way but never draw outside their area.
@Suite struct NeuronThumbnailsTests {
  enum ThemeName: String, CaseIterable { case colour, monochrome, ascii }

  static func theme(_ name: ThemeName) -> Theme {
    switch name {
    case .colour: Fixture.colour
    case .monochrome: Fixture.monochrome
    case .ascii: Fixture.ascii
    }
  }

  /// `circle` reshaped by keys to 2→x₁² features, hidden [4, 3, 2], and trained 150 steps.
  static func reshaped() -> Playground {
    var playground = PlaygroundReshapeTests.circle()
    playground.press(.character("]"), .character("{"), .character("i"), .character("3"), .character("4"), .character("i"))
    for _ in 0..<150 { playground.press(.character("n")) }
    return playground
  }

  static func expectPlain(_ buffer: Buffer, _ theme: ThemeName) {
    if theme != .colour {
      #expect(buffer.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default }, "no colour in \(theme)")
    }
    if theme == .ascii {
      #expect(buffer.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "ASCII only")
    }
  }

  // MARK: - Whole screens

  /// 80×24: the network pane is too small to share, so the diagram shows alone, its focused
  /// layer marked; maximised (Enter), the thumbnails sit beside it.
  @Test(arguments: ThemeName.allCases) func reshapedAt80x24(theme: ThemeName) {
    var playground = Self.reshaped()
    let small = screen(playground, 80, 24, theme: Self.theme(theme))
    assertSnapshot(small, named: "reshape-circle-80x24-\(theme.rawValue)")
    Self.expectPlain(small, theme)
    playground.press(.tab, .tab, .enter)
    let maximised = screen(playground, 80, 24, theme: Self.theme(theme))
    assertSnapshot(maximised, named: "reshape-circle-network-maximised-80x24-\(theme.rawValue)")
    Self.expectPlain(maximised, theme)
    #expect(screenText(maximised).contains("L1") && screenText(maximised).contains("L3"))
  }

  @Test(arguments: ThemeName.allCases) func reshapedAt120x40(theme: ThemeName) {
    let buffer = screen(Self.reshaped(), 120, 40, theme: Self.theme(theme))
    assertSnapshot(buffer, named: "reshape-circle-120x40-\(theme.rawValue)")
    Self.expectPlain(buffer, theme)
    #expect(screenText(buffer).contains("L1"), "the pane has room for thumbnails")
  }

  @Test(arguments: ThemeName.allCases) func featureChooserAt80x24(theme: ThemeName) {
    var playground = Self.reshaped()
    playground.press(.character("i"))
    let buffer = screen(playground, 80, 24, theme: Self.theme(theme))
    assertSnapshot(buffer, named: "reshape-feature-chooser-80x24-\(theme.rawValue)")
    Self.expectPlain(buffer, theme)
  }

  // MARK: - The view alone

  /// Each thumbnail pixel is the neuron's own output at that point of the plane, coloured as the
  /// decision boundary colours a probability.
  @Test func pixelsAreTheNeuronsOutputsInTheBoundarysColours() throws {
    let playground = Self.reshaped()
    let theme = Fixture.colour
    let buffer = drawView(30, 13) { area, buffer in
      NeuronThumbnailsView(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
    let layout = try #require(NeuronThumbnailsView.layout(sizes: [4, 3, 2], width: 30, height: 13))
    #expect(layout == .init(thumbnailWidth: 4, thumbnailHeight: 2, gap: 1, hasHeader: true, shown: [4, 3, 2]))
    let network = playground.session.network
    let stage = network.denseStages[1]
    let dataset = playground.configuration.dataset
    let first = DecisionBoundaryView.range(dataset, column: 0), second = DecisionBoundaryView.range(dataset, column: 1)
    // Layer 2, neuron 3, cell (column 1, row 1): upper pixel row 2, lower pixel row 3 of 4.
    let x0 = (30 - layout.width) / 2 + (4 + 1), y0 = 1 + 2 * 3
    func output(column: Int, pixelRow: Int) -> Double {
      let x1 = first.lowerBound + (first.upperBound - first.lowerBound) * (Double(column) + 0.5) / 4
      let x2 = second.upperBound - (second.upperBound - second.lowerBound) * (Double(pixelRow) + 0.5) / 4
      let inputs = InputFeature.row(playground.activeInputFeatures, x1: x1, x2: x2)
      return network.trace(inputs).layerOutput(network.activatedLayer(of: stage)).values[2]
    }
    let shading = PlaneShading(theme: theme)
    let cell = buffer[x0 + 1, y0 + 1]
    #expect(cell.symbol == theme.symbols.upperHalf)
    #expect(cell.style.foreground == shading.color(NeuronThumbnailsView.score(output(column: 1, pixelRow: 2), activation: .tanh)))
    #expect(cell.style.background == shading.color(NeuronThumbnailsView.score(output(column: 1, pixelRow: 3), activation: .tanh)))
  }

  @Test func scoresSpreadEachActivationOverTheScale() {
    #expect(NeuronThumbnailsView.score(-1, activation: .tanh) == 0)
    #expect(NeuronThumbnailsView.score(0, activation: .tanh) == 0.5)
    #expect(NeuronThumbnailsView.score(0.25, activation: .sigmoid) == 0.25)
    #expect(NeuronThumbnailsView.score(7, activation: .relu) == 1)
    #expect(NeuronThumbnailsView.score(.nan, activation: .relu) == 0.5)
  }

  @Test func layoutsShrinkThenCutThenGiveWay() {
    #expect(NeuronThumbnailsView.layout(sizes: [4, 2], width: 20, height: 16)?.thumbnailHeight == 3)
    #expect(NeuronThumbnailsView.layout(sizes: [4, 2], width: 20, height: 12)?.thumbnailHeight == 2)
    let cut = NeuronThumbnailsView.layout(sizes: [8, 2], width: 20, height: 10)
    #expect(cut?.shown == [2, 2])
    #expect(NeuronThumbnailsView.layout(sizes: [4, 2], width: 8, height: 16) == nil, "two columns need 9 cells")
    #expect(NeuronThumbnailsView.layout(sizes: [4], width: 4, height: 3) == nil)
  }

  @Test func aCutColumnSaysHowManyMore() {
    var playground = PlaygroundReshapeTests.circle(layers: [8, 2])
    playground.press(.character("n"))
    let buffer = drawView(12, 10) { area, buffer in
      NeuronThumbnailsView(playground: playground).render(in: area, buffer: &buffer, theme: Fixture.ascii)
    }
    assertSnapshot(buffer, named: "thumbnails-cut-12x10-ascii")
    #expect(screenText(buffer).contains("+6"))
  }

  @Test func nothingForDataWithoutTwoInputs() {
    #expect(NeuronThumbnailsView.hiddenSizes(of: Fixture.house()) == nil)
    #expect(NeuronThumbnailsView.hiddenSizes(of: PlaygroundReshapeTests.circle(layers: [])) == nil)
  }

  @Test func everySizeStaysInside() {
    let playground = Self.reshaped()
    for width in [1, 3, 9, 14, 30, 60] {
      for height in [1, 2, 5, 9, 16, 30] {
        for theme in ThemeName.allCases {
          var buffer = sentinelBuffer(width + 2, height + 2)
          NetworkPaneView(playground: playground).render(
            in: Rect(x: 1, y: 1, width: width, height: height), buffer: &buffer, theme: Self.theme(theme))
          expectFrameUntouched(buffer)
        }
      }
    }
  }
}
