import Testing

@testable import TerminalUI

@Suite struct SparklineTests {
  @Test func scalesMinToMaxInEighths() {
    var buffer = sentinelBuffer(10, 1)
    Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7]).render(in: Rect(x: 1, y: 0, width: 8, height: 1), buffer: &buffer)
    expectLines(buffer, ["x▁▂▃▄▅▆▇█x"])
  }

  @Test func showsTheMostRecentValuesAndGapsForNaN() {
    var buffer = sentinelBuffer(4, 1)
    Sparkline(values: [100, 0, .nan, 1, 2]).render(in: Rect(x: 0, y: 0, width: 3, height: 1), buffer: &buffer)
    expectLines(buffer, ["x▁█x"])
  }

  @Test func constantValuesSitAtHalfHeight() {
    var buffer = sentinelBuffer(3, 2)
    Sparkline(values: [2, 2, 2]).render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["xxx", "███"])
  }

  @Test func twoRowsAndASCII() {
    var tall = sentinelBuffer(3, 2)
    Sparkline(values: [0, 0.5, 1]).render(in: tall.area, buffer: &tall)
    expectLines(tall, ["x▁█", "▁██"])
    var ascii = sentinelBuffer(5, 1)
    Sparkline(values: [0, 1, 2, 3, 4], symbols: .ascii).render(in: ascii.area, buffer: &ascii)
    expectLines(ascii, ["_.-=^"])
  }

  @Test func fixedRangeClamps() {
    var buffer = sentinelBuffer(3, 1)
    Sparkline(values: [-5, 0.5, 5], range: 0...1).render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, ["▁▅█"])
  }

  @Test func degenerate() {
    var buffer = sentinelBuffer(2, 2)
    Sparkline(values: []).render(in: buffer.area, buffer: &buffer)
    Sparkline(values: [1, 2]).render(in: Rect(x: 0, y: 0, width: 0, height: 0), buffer: &buffer)
    Sparkline(values: [.infinity, 1]).render(in: Rect(x: 5, y: 5, width: 3, height: 3), buffer: &buffer)
    expectLines(buffer, ["xx", "xx"])
    Sparkline(values: [1, 2]).render(in: Rect(x: 1, y: 1, width: 1, height: 1), buffer: &buffer)
    expectLines(buffer, ["xx", "x▄"])
  }
}
