import Foundation
import SnapshotSupport
import Testing

@testable import TerminalUI

@Suite struct ContourPlotTests {
  /// A round bowl on a 31×31 grid over [-3, 3]².
  func bowl(symbols: SymbolSet, colors: Int) -> ContourPlot {
    let steps = (0..<31).map { -3 + Double($0) * 0.2 }
    var values: [Double] = []
    for y in steps.reversed() {
      for x in steps { values.append(x * x + y * y) }
    }
    let heatmap = Heatmap(
      rows: 31, columns: 31, values: values, scale: .sequential(fitting: values, colorCount: colors),
      symbols: symbols, xRange: -3...3, yRange: -3...3, path: [(-2.5, 2), (-1.2, 1), (-0.4, 0.3)])
    return ContourPlot(heatmap: heatmap, levels: 4, lineStyle: Style(bold: true))
  }

  @Test(arguments: [("unicode-mono", SymbolSet.unicode, 0), ("ascii-mono", SymbolSet.ascii, 0)])
  func bowlSnapshot(name: String, symbols: SymbolSet, colors: Int) {
    var buffer = sentinelBuffer(26, 12)
    bowl(symbols: symbols, colors: colors).render(in: Rect(x: 1, y: 1, width: 24, height: 10), buffer: &buffer)
    assertSnapshot(buffer, named: "contour-bowl-\(name)")
  }

  @Test func colourContoursKeepTheHeatmapBackground() {
    var buffer = Buffer(width: 24, height: 10)
    bowl(symbols: .unicode, colors: 256).render(in: buffer.area, buffer: &buffer)
    let dots = buffer.cells.filter { $0.symbol == "·" }
    #expect(!dots.isEmpty)
    #expect(dots.allSatisfy { $0.style.background != .default && $0.style.bold })
    #expect(buffer.cells.contains { $0.symbol == "●" })
  }

  @Test func degenerateSizes() {
    for (width, height) in [(0, 0), (1, 1), (2, 1)] {
      var buffer = sentinelBuffer(width + 2, height + 2)
      bowl(symbols: .unicode, colors: 8).render(in: Rect(x: 1, y: 1, width: width, height: height), buffer: &buffer)
      #expect(buffer.lines.first == String(repeating: "x", count: width + 2))
      #expect(buffer.lines.last == String(repeating: "x", count: width + 2))
    }
  }
}

@Suite struct StatusBarTests {
  @Test func leftAndRightOnAFilledRow() {
    var buffer = sentinelBuffer(24, 2)
    StatusBar(left: Line("step 12"), right: Line("q quit")).render(in: Rect(x: 0, y: 1, width: 24, height: 1), buffer: &buffer)
    expectLines(buffer, [String(repeating: "x", count: 24), " step 12         q quit "])
    #expect(buffer[0, 1].style == Style(reverse: true))
    #expect(buffer[2, 1].style == Style(reverse: true))
  }

  @Test func rightSideIsDroppedWhenItDoesNotFit() {
    var buffer = sentinelBuffer(10, 1)
    StatusBar(left: Line("training run"), right: Line("q quit")).render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, [" training "])
    var empty = sentinelBuffer(1, 1)
    StatusBar(left: Line("a")).render(in: Rect(x: 0, y: 0, width: 0, height: 0), buffer: &empty)
    expectLines(empty, ["x"])
  }
}

@Suite struct BufferWriteSafetyTests {
  @Test func controlCharactersNeverReachCells() {
    var buffer = Buffer(width: 12, height: 1)
    buffer.write("a\u{1B}[2Jb\u{07}\u{9B}c\r", x: 0, y: 0)
    #expect(buffer.lines == ["a[2Jbc      "])
    #expect(!buffer.cells.contains { $0.symbol.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
  }
}

/// Composes a busy 200×60 frame; run with `BENCHMARK=1` (use a release build for real numbers).
@Suite struct FrameBenchmark {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["BENCHMARK"] == "1"))
  func composeLargeFrame() {
    let theme = Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true))
    let points: [(x: Double, y: Double)] = (0..<2000).map { step in
      let decay: Double = exp(-Double(step) / 400)
      return (x: Double(step), y: decay + 0.01)
    }
    let grid = (0..<1600).map { Double($0 % 40) / 20 - 1 }
    let frames = 50
    var timings: [String: Duration] = [:]
    func measure(_ name: String, _ work: () -> Void) {
      let start = ContinuousClock.now
      work()
      timings[name, default: .zero] += ContinuousClock.now - start
    }
    for _ in 0..<frames {
      var buffer = Buffer(width: 200, height: 60)
      var halves: [Rect] = []
      measure("layout+blocks") {
        halves = Layout.horizontal([.fill(1), .fill(1)]).split(buffer.area)
        halves[0] = Block(title: "Loss", theme: theme).draw(in: halves[0], buffer: &buffer)
        halves[1] = Block(title: "Boundary", theme: theme).draw(in: halves[1], buffer: &buffer)
      }
      measure("chart") {
        LineChart(
          series: [.init(name: "train", style: theme.trainSeries, points: points)], yScale: .logarithmic, theme: theme
        ).render(in: halves[0], buffer: &buffer)
      }
      measure("heatmap") {
        Heatmap(rows: 40, columns: 40, values: grid, scale: theme.signedScale(limit: 1), symbols: theme.symbols)
          .render(in: halves[1], buffer: &buffer)
      }
      measure("diff") { _ = BufferDiff.changes(from: nil, to: buffer) }
    }
    for (name, total) in timings.sorted(by: { $0.key < $1.key }) {
      print("200x60 frame, \(name): \(total / frames) per frame")
    }
  }
}
