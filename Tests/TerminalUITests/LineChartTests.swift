import Foundation
import SnapshotSupport
import Testing

@testable import TerminalUI

@Suite struct LineChartTests {
  /// A falling loss curve and a flatter test curve over 100 steps, with an lr change at 60.
  func lossChart(symbols: SymbolSet, yScale: LineChart.YScale = .linear) -> LineChart {
    let steps: [Double] = (0...100).map { Double($0) }
    let train: [(x: Double, y: Double)] = steps.map { step -> (x: Double, y: Double) in
      let decay: Double = exp(-step / 20)
      return (x: step, y: 2 * decay + 0.05)
    }
    let test: [(x: Double, y: Double)] = steps.map { step -> (x: Double, y: Double) in
      let decay: Double = exp(-step / 30)
      return (x: step, y: 2 * decay + 0.2)
    }
    return LineChart(
      series: [
        .init(name: "train", style: Style(foreground: .cyan), points: train),
        .init(name: "test", style: Style(foreground: .yellow), points: test),
      ],
      markers: [.init(x: 60, label: "lr", style: Style(bold: true))], yScale: yScale, symbols: symbols)
  }

  @Test(arguments: [("unicode", SymbolSet.unicode), ("ascii", SymbolSet.ascii)])
  func lossChartAt40x12(name: String, symbols: SymbolSet) {
    var buffer = sentinelBuffer(42, 14)
    lossChart(symbols: symbols).render(in: Rect(x: 1, y: 1, width: 40, height: 12), buffer: &buffer)
    assertSnapshot(buffer, named: "line-chart-40x12-\(name)")
  }

  @Test func logarithmicScaleAt80x10() {
    var buffer = sentinelBuffer(80, 10)
    lossChart(symbols: .unicode, yScale: .logarithmic).render(in: buffer.area, buffer: &buffer)
    assertSnapshot(buffer, named: "line-chart-80x10-log")
  }

  @Test func legendShowsLatestValuesInSeriesStyle() {
    var buffer = Buffer(width: 40, height: 12)
    lossChart(symbols: .unicode).render(in: buffer.area, buffer: &buffer)
    #expect(buffer.lines[0].hasPrefix("● train 0.0635  ● test 0.271"))
    #expect(buffer[0, 0].style == Style(foreground: .cyan))
  }

  @Test func logScaleSkipsNonPositiveValues() {
    let chart = LineChart(series: [.init(name: "l", points: [(0, 0), (1, -1), (2, 10), (3, 100)])], yScale: .logarithmic)
    let bounds = chart.yBounds()
    #expect(abs(bounds.lower - 0.95) < 1e-9 && abs(bounds.upper - 2.05) < 1e-9)
  }

  @Test func automaticRangeStaysAtOrAboveZeroForLosses() {
    let chart = LineChart(series: [.init(name: "l", points: [(0, 0.0), (1, 1.0)])])
    #expect(chart.yBounds().lower == 0)
    let constant = LineChart(series: [.init(name: "l", points: [(0, 3.0), (1, 3.0)])])
    #expect(constant.yBounds() == (2.7, 3.3))
    #expect(LineChart(series: []).yBounds() == (0, 1))
    #expect(LineChart(series: [.init(name: "l", points: [(5, 1)])]).xBounds() == (4.5, 5.5))
  }

  @Test func nearlyConstantValuesGetADistinctLabelRange() {
    var buffer = Buffer(width: 30, height: 8)
    let plateau = LineChart(series: [.init(name: "l", points: [(0, 0.7634), (1, 0.7626), (2, 0.7631)])])
    let bounds = plateau.yBounds()
    // 2 % of the largest value, centred on the data.
    #expect(abs((bounds.upper - bounds.lower) - 0.02 * 0.7634) < 1e-4)
    #expect(abs((bounds.upper + bounds.lower) / 2 - 0.763) < 1e-12)
    plateau.render(in: buffer.area, buffer: &buffer)
    let labels = buffer.lines.filter { $0.contains("│") }
      .compactMap { $0.split(separator: "│").first.map { $0.trimmingCharacters(in: .whitespaces) } }
      .filter { !$0.isEmpty }
    #expect(labels.count == 2 && Set(labels).count == 2, "top and bottom labels differ: \(labels)")
    // Labels in scientific form have two digits: the window widens until they differ.
    for (points, scale) in [([(0.0, 1.5e-3), (1.0, 1.501e-3)], LineChart.YScale.linear), ([(0.0, 1.5e-3), (1.0, 1.501e-3)], .logarithmic)] {
      let chart = LineChart(series: [.init(name: "l", points: points)], yScale: scale)
      let (low, high) = chart.yBounds()
      let text = (scale == .logarithmic ? [pow(10, low), pow(10, high)] : [low, high]).map(NumberFormat.compact)
      #expect(text[0] != text[1], "\(text)")
    }
    // A curve that really moves keeps its own range.
    let falling = LineChart(series: [.init(name: "l", points: [(0, 0.9), (1, 0.5)])]).yBounds()
    #expect(falling.upper - falling.lower > 0.4)
  }

  @Test func seriesFromEquallySpacedValues() {
    let series = LineChart.Series(name: "loss", values: [3, 2, 1], startX: 10, stepX: 5)
    #expect(series.points.map(\.x) == [10, 15, 20])
    #expect(series.points.map(\.y) == [3, 2, 1])
  }

  @Test func fixedRangeClipsOutliers() {
    var buffer = sentinelBuffer(20, 6)
    let chart = LineChart(
      series: [.init(name: "a", points: [(0, -50), (1, 0.5), (2, 50)])], yRange: .fixed(lower: 0, upper: 1),
      showsLegend: false)
    chart.render(in: buffer.area, buffer: &buffer)
    assertSnapshot(buffer, named: "line-chart-fixed-range")
  }

  /// Nothing may crash or draw outside the rect, whatever the data and size.
  @Test func degenerateDataAndSizesStayInside() {
    let datasets: [[(x: Double, y: Double)]] = [
      [], [(1, 1)], [(0, 2), (1, 2), (2, 2)], [(0, .nan), (1, .infinity), (2, -.infinity)],
      [(0, 1e300), (1, -1e300), (2, 1e-300)], [(0, 1e-12), (1, 2e-12)], [(.nan, 1), (1e308, 2), (-1e308, 3)],
      [(0, 0), (0, 1)],
    ]
    let sizes = [(0, 0), (1, 1), (2, 1), (3, 3), (6, 4), (10, 5), (13, 6), (30, 8)]
    for points in datasets {
      for (width, height) in sizes {
        for yScale in [LineChart.YScale.linear, .logarithmic] {
          for symbols in [SymbolSet.unicode, .ascii] {
            var buffer = sentinelBuffer(width + 2, height + 2)
            let chart = LineChart(
              series: [.init(name: "s", points: points)], markers: [.init(x: 1, label: "lr")], yScale: yScale,
              symbols: symbols)
            chart.render(in: Rect(x: 1, y: 1, width: width, height: height), buffer: &buffer)
            let lines = buffer.lines
            #expect(lines.first == String(repeating: "x", count: width + 2))
            #expect(lines.last == String(repeating: "x", count: width + 2))
            #expect(lines.allSatisfy { $0.hasPrefix("x") && $0.hasSuffix("x") })
            #expect(buffer.cells.allSatisfy { $0.symbol.count <= 1 })
          }
        }
      }
    }
  }

  @Test func emptySeriesStillDrawsAxes() {
    var buffer = sentinelBuffer(12, 5)
    LineChart(series: [.init(name: "train", points: [])], symbols: .ascii).render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, [
      "o train —   ",
      "1|          ",
      "0|          ",
      " +----------",
      "  0        1",
    ])
  }
}
