import Foundation
import Testing

@testable import NeuralEngine

/// Check values from `shared/bench/WORKLOADS.md`.
@Suite struct BenchmarkWorkloadTests {
  // MARK: - W1

  @Test func houseDataMatchesCheckValues() {
    let house = HouseWorkload()
    #expect(house.sizes[0] == 0.5665615751722809)
    #expect(house.bedrooms[0] == 0.75)
    #expect(house.locations[0] == 0.9710027535867962)
    #expect(house.prices[0] == 0.795286862820341)
    #expect(house.sizes[1] == 0.762894391911761)
    #expect(house.bedrooms[1] == 1.0)
    #expect(house.locations[1] == 0.5230671798509814)
    #expect(house.prices[1] == 0.6926398933233489)
    #expect(house.sizes.reduce(0, +) == 488.51454459838317)
    #expect(house.bedrooms.reduce(0, +) == 484.75)
    #expect(house.locations.reduce(0, +) == 485.66925902377625)
    // The reference sums pairwise (numpy); a running sum differs in the last bit.
    #expect(agrees(house.prices.reduce(0, +), 486.37366438026766, digits: 15))
    let counts = [0, 0.25, 0.5, 0.75, 1].map { level in house.bedrooms.filter { $0 == level }.count
    }
    #expect(counts == [215, 198, 202, 203, 182])
    #expect(agrees(house.meanSquaredError(.init()), 0.2692278127018145, digits: 15))
  }

  @Test func houseTrainingReachesLeastSquares() {
    let house = HouseWorkload()
    var parameters = HouseWorkload.Parameters()
    house.train(&parameters)
    let w = parameters.weights
    #expect(abs(w[0] - 0.300881) < 5e-7)
    #expect(abs(w[1] - 0.199858) < 5e-7)
    #expect(abs(w[2] - 0.499489) < 5e-7)
    #expect(abs(parameters.bias + 0.000079) < 5e-7)
    #expect(agrees(house.meanSquaredError(parameters), 0.0001004672188, digits: 10))
  }

  // MARK: - W2

  @Test func playgroundDataMatchesCheckValues() {
    let playground = PlaygroundWorkload()
    #expect(playground.firstCoordinates[0] == 0.202021450424483)
    #expect(playground.secondCoordinates[0] == -0.02787564312180181)
    #expect(playground.firstCoordinates[1] == -0.5339978701007456)
    #expect(playground.secondCoordinates[1] == 1.3812906410581938)
    #expect(Array(playground.labels.prefix(10)) == [1, 1, -1, -1, -1, -1, -1, 1, -1, 1])
    #expect(playground.firstCoordinates.reduce(0, +) == -66.51000667421417)
    #expect(playground.secondCoordinates.reduce(0, +) == 24.785486674271155)
    let squares = zip(playground.firstCoordinates, playground.secondCoordinates)
      .map { $0 * $0 + $1 * $1 }.reduce(0, +)
    #expect(squares == 5079.76932493142)
  }

  @Test func playgroundInitialisationMatchesCheckValues() {
    let parameters = PlaygroundWorkload.initialState()
    let layout = PlaygroundWorkload.Layout.self
    #expect(parameters[layout.weights1] == 0.4335051476195798)
    #expect(parameters[layout.weights1 + 1] == -0.11927792386329505)
    #expect(parameters[layout.weights3] == -0.3277502760466169)
    #expect(parameters[layout.weights3 + 1] == 0.3274118057851717)
    #expect(parameters[layout.biases1] == 0.1 && parameters[layout.bias3] == 0.1)
    #expect(agrees(PlaygroundWorkload().loss(parameters), 0.5021546138368417, digits: 14))
  }

  @Test func playgroundFinalLossMatchesReference() {
    #expect(agrees(BenchmarkWorkload.w2.finalLoss(), 0.001025510161, digits: 9))
  }

  // MARK: - W3

  @Test func wideDataMatchesCheckValues() {
    let wide = WideWorkload()
    #expect(wide.firstCoordinates[1] == 0.00021989376092505105)
    #expect(wide.secondCoordinates[1] == 0.00999758204436984)
    #expect(wide.labels[1] == 1)
    #expect(wide.firstCoordinates[501] == -0.0002198937609250495)
    #expect(wide.secondCoordinates[501] == -0.00999758204436984)
    #expect(wide.labels[501] == -1)
    let squares = zip(wide.firstCoordinates, wide.secondCoordinates)
      .map { $0 * $0 + $1 * $1 }.reduce(0, +)
    #expect(agrees(squares, 8308.35, digits: 12))
    let absolutes = zip(wide.firstCoordinates, wide.secondCoordinates)
      .map { abs($0) + abs($1) }.reduce(0, +)
    #expect(agrees(absolutes, 3178.096243843598, digits: 14))
    #expect(wide.epochOrders.prefix(8).map(Int.init) == [83, 101, 201, 133, 277, 254, 179, 581])
    #expect(
      wide.epochOrders[1000..<1008].map(Int.init) == [0, 189, 83, 981, 126, 163, 327, 351])
  }

  @Test func wideInitialisationMatchesCheckValues() {
    let limits = WideWorkload.glorotLimits
    #expect(limits[0] == 0.30151134457776363)
    #expect(limits[1] == 0.21650635094610965)
    #expect(agrees(limits[2], 0.3038218101251, digits: 12))
    let parameters = WideWorkload.initialState()
    let layout = WideWorkload.Layout.self
    #expect(parameters[layout.weights1] == 0.06264840119168308)
    #expect(parameters[layout.weights1 + WideWorkload.hidden] == -0.05006312372297744)
    #expect(parameters[layout.weights3] == -0.22356157035920513)
    #expect(parameters[layout.weights3 + 1] == -0.11774350686138085)
    #expect(parameters[layout.weights3 + 2] == -0.25476206709429133)
    #expect(agrees(WideWorkload().loss(parameters), 0.49298934856230653, digits: 14))
  }

  @Test func wideFinalLossMatchesReference() {
    #expect(agrees(BenchmarkWorkload.w3.finalLoss(), 0.43096132, digits: 8))
  }

  // MARK: - Result line

  @Test func resultLineFollowsWorkloadFormat() {
    let result = BenchmarkResult(
      workload: .w2, implementation: "descent", samplesPerSecond: 6_123_456,
      finalLoss: 0.001025510161, repetitions: 1, seconds: 1, extras: [("key", "value")])
    #expect(result.line == "w2 descent samples_per_s=6.12e6 final_loss=0.001025510161 key=value")
    #expect(BenchmarkResult.compact(9_996_000) == "1.00e7")
  }

  @Test func runRepeatsUntilMinimumTime() {
    let result = BenchmarkWorkload.w1.run(minimumSeconds: 0.01)
    #expect(result.seconds >= 0.01)
    #expect(result.repetitions >= 1)
    #expect(result.line.hasPrefix("w1 descent samples_per_s="))
    #expect(agrees(result.finalLoss, 0.0001004672188, digits: 10))
  }

  /// Whether `value` and `reference` agree to `digits` significant digits.
  private func agrees(_ value: Double, _ reference: Double, digits: Int) -> Bool {
    let tolerance = 0.5 * Foundation.pow(10, -Double(digits - 1)) * abs(reference)
    let ok = abs(value - reference) <= tolerance
    if !ok { print("value \(value) vs reference \(reference) (\(digits) digits)") }
    return ok
  }
}
