import Testing
@testable import NeuralEngine

@Suite struct DownsampledSeriesTests {
  @Test func staysBoundedAndKeepsStepsAndMean() {
    var series = DownsampledSeries(capacity: 64)
    var total = 0.0
    for step in 1...10_000 {
      let value = Double(step % 7)
      total += value
      series.append(value, step: step)
    }
    let points = series.points
    #expect(points.count <= 65)
    #expect(points.count >= 32)
    #expect(points.last?.step == 10_000)
    #expect(zip(points, points.dropFirst()).allSatisfy { $0.step < $1.step })
    #expect(series.valuesPerPoint > 1)
    #expect(series.appendedCount == 10_000)
    // Every stored point averages `valuesPerPoint` values, the last possibly fewer.
    let stored = points.dropLast()
    let storedSum = stored.reduce(0) { $0 + $1.value } * Double(series.valuesPerPoint)
    let pendingCount = 10_000 - stored.count * series.valuesPerPoint
    let pendingSum = (points.last?.value ?? 0) * Double(pendingCount)
    #expect(abs(storedSum + pendingSum - total) < 1e-6)
  }

  @Test func keepsEveryValueWhileBelowCapacity() {
    var series = DownsampledSeries(capacity: 8)
    for step in 1...5 { series.append(Double(step) * 0.5, step: step) }
    #expect(series.points == (1...5).map { SeriesPoint(step: $0, value: Double($0) * 0.5) })
  }
}
