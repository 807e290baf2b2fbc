import SnapshotSupport
import Testing

@testable import TerminalUI

@Suite struct ColorScaleTests {
  @Test func divergingIsSymmetricAroundZero() {
    let scale = ColorScale.diverging(limit: 2, colorCount: 256)
    #expect(scale.fraction(0) == 0.5)
    #expect(scale.fraction(-2) == 0)
    #expect(scale.fraction(10) == 1)
    #expect(scale.fraction(.nan) == nil)
    #expect(scale.color(0) == .indexed(231))  // white
    #expect(scale.color(-2) == .indexed(26))  // blue
    #expect(scale.color(2) == .indexed(202))  // orange
  }

  @Test func eightColoursAndMonochrome() {
    let eight = ColorScale.diverging(limit: 1, colorCount: 8)
    #expect([-1, -0.5, 0, 0.5, 1].map(eight.color) == [.blue, .cyan, .white, .yellow, .red])
    let mono = ColorScale.diverging(limit: 1, colorCount: 0)
    #expect(mono.color(1) == .default)
    #expect(mono.shade(-1, symbols: .unicode) == " ")
    #expect(mono.shade(1, symbols: .unicode) == "█")
    #expect(mono.shade(0, symbols: .ascii) == "+")
  }

  @Test func logarithmicSequentialForLosses() {
    let scale = ColorScale.sequential(fitting: [0.01, 0.1, 1, 0, -3, .nan], logarithmic: true, colorCount: 256)
    #expect(scale.fraction(0.1) == 0.5)
    #expect(scale.fraction(0) == 0)
    #expect(scale.fraction(1) == 1)
    let flat = ColorScale.sequential(fitting: [3, 3], colorCount: 8)
    #expect(flat.fraction(3) == 0.5)
    #expect(ColorScale.sequential(fitting: [], colorCount: 8).fraction(0.5) == 0.5)
  }
}

@Suite struct HeatmapTests {
  /// A 2×2 signed grid: negative on the left, positive on the right, stronger at the bottom.
  let grid: [Double] = [-0.5, 0.5, -1, 1]

  @Test func halfBlocksCarryTwoPixelsPerCell() {
    var buffer = sentinelBuffer(4, 1)
    let map = Heatmap(rows: 2, columns: 2, values: grid, scale: .diverging(limit: 1, colorCount: 8))
    map.render(in: Rect(x: 1, y: 0, width: 2, height: 1), buffer: &buffer)
    expectLines(buffer, ["x▀▀x"])
    #expect(buffer[1, 0].style == Style(foreground: .cyan, background: .blue))
    #expect(buffer[2, 0].style == Style(foreground: .yellow, background: .red))
  }

  @Test func monochromeUsesShadesOnePerCell() {
    var buffer = sentinelBuffer(6, 3)
    let map = Heatmap(rows: 2, columns: 2, values: grid, scale: .diverging(limit: 1, colorCount: 0))
    map.render(in: Rect(x: 1, y: 1, width: 4, height: 2), buffer: &buffer)
    expectLines(buffer, ["xxxxxx", "x░░▓▓x", "x  ██x"])
  }

  @Test func asciiWithColoursUsesRampCharactersInColour() {
    var buffer = sentinelBuffer(2, 2)
    let map = Heatmap(rows: 2, columns: 2, values: grid, scale: .diverging(limit: 1, colorCount: 8), symbols: .ascii)
    #expect(!map.usesHalfBlocks)
    map.render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, [":#", " @"])
    #expect(buffer[1, 1].style.foreground == .red)
  }

  @Test func pointsAndPathInDataCoordinates() {
    var buffer = sentinelBuffer(10, 5)
    let map = Heatmap(
      rows: 1, columns: 1, values: [0], scale: .diverging(limit: 1, colorCount: 0), symbols: .ascii,
      xRange: -1...1, yRange: -1...1,
      points: [.init(x: -1, y: 1, symbol: "o"), .init(x: 1, y: -1, symbol: "v"), .init(x: 5, y: 5, symbol: "!")],
      path: [(-0.9, -0.9), (0.1, 0.1), (0.5, 0.9)])
    map.render(in: Rect(x: 1, y: 0, width: 8, height: 5), buffer: &buffer)
    expectLines(buffer, [
      "xo+++++o+x",
      "x+++++.++x",
      "x+++..+++x",
      "x+..+++++x",
      "x.++++++vx",
    ])
  }

  @Test func markersKeepTheBackgroundOfTheirPixel() {
    var buffer = Buffer(width: 2, height: 1)
    let map = Heatmap(
      rows: 2, columns: 2, values: grid, scale: .diverging(limit: 1, colorCount: 8), xRange: 0...2, yRange: 0...2,
      points: [.init(x: 1.5, y: 0.2, symbol: "●", style: Style(foreground: .black))])
    map.render(in: buffer.area, buffer: &buffer)
    #expect(buffer[1, 0] == Cell("●", style: Style(foreground: .black, background: .red)))
  }

  @Test func resamplesLargeGridsAndSurvivesDegenerateInput() {
    let values = (0..<400).map { Double($0 % 20) / 10 - 1 }
    let big = Heatmap(rows: 20, columns: 20, values: values, scale: .diverging(limit: 1, colorCount: 256))
    for (width, height) in [(0, 0), (1, 1), (3, 2), (40, 12)] {
      var buffer = sentinelBuffer(width + 2, height + 2)
      big.render(in: Rect(x: 1, y: 1, width: width, height: height), buffer: &buffer)
      #expect(buffer.lines.first == String(repeating: "x", count: width + 2))
      #expect(buffer.lines.last == String(repeating: "x", count: width + 2))
    }
    var buffer = sentinelBuffer(3, 3)
    Heatmap(rows: 3, columns: 3, values: [1], scale: .diverging(limit: 1, colorCount: 0)).render(in: buffer.area, buffer: &buffer)
    Heatmap(rows: 0, columns: 0, values: [], scale: .diverging(limit: 1, colorCount: 0)).render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["   ", "   ", "   "])
  }

  @Test func lossBowlSnapshot() {
    // A bowl L(a, b) = a² + 4b² on a 21×21 grid over [-2, 2]², with a descent path.
    let steps = (0..<21).map { -2 + Double($0) * 0.2 }
    var values: [Double] = []
    for b in steps.reversed() {
      for a in steps { values.append(a * a + 4 * b * b + 0.01) }
    }
    var path: [(x: Double, y: Double)] = []
    var (a, b) = (-1.8, 1.5)
    for _ in 0..<12 {
      path.append((a, b))
      a -= 0.1 * 2 * a
      b -= 0.1 * 8 * b
    }
    for symbols in [SymbolSet.unicode, .ascii] {
      var buffer = sentinelBuffer(32, 12)
      let map = Heatmap(
        rows: 21, columns: 21, values: values, scale: .sequential(fitting: values, logarithmic: true, colorCount: 0),
        symbols: symbols, xRange: -2...2, yRange: -2...2, path: path)
      map.render(in: Rect(x: 1, y: 1, width: 30, height: 10), buffer: &buffer)
      assertSnapshot(buffer, named: "heatmap-loss-bowl-\(symbols.isUnicode ? "unicode" : "ascii")")
    }
  }
}

@Suite struct ThemeTests {
  @Test(arguments: [0, 8, 256])
  func everyPaletteKeepsRolesApart(colors: Int) {
    let theme = Theme(capabilities: TerminalCapabilities(colorCount: colors, unicode: colors != 0))
    #expect(theme.trainSeries != theme.testSeries)
    #expect(theme.positive != theme.negative)
    #expect(theme.highlight != theme.label)
    #expect(theme.statusBar != .plain)
    #expect(theme.signed(1) == theme.positive && theme.signed(-1) == theme.negative)
  }

  @Test func monochromeUsesNoColours() {
    let theme = Theme(capabilities: TerminalCapabilities(colorCount: 0, unicode: false))
    let styles = [theme.title, theme.label, theme.value, theme.positive, theme.negative, theme.trainSeries,
                  theme.testSeries, theme.marker, theme.dim, theme.highlight, theme.statusBar, theme.warning]
    #expect(styles.allSatisfy { $0.foreground == .default && $0.background == .default })
    #expect(theme.symbols == .ascii)
    #expect(theme.signedScale(limit: 1).color(1) == .default)
  }

  @Test func eightColourThemeUsesOnlyBasicColours() {
    let theme = Theme(capabilities: TerminalCapabilities(colorCount: 8, unicode: true))
    let styles = [theme.title, theme.label, theme.value, theme.positive, theme.negative, theme.trainSeries,
                  theme.testSeries, theme.marker, theme.highlight, theme.statusBar, theme.warning]
    for style in styles {
      for color in [style.foreground, style.background] {
        if case .indexed = color { Issue.record("indexed colour in 8-colour theme") }
      }
    }
  }
}
