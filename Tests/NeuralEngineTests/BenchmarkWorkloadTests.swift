import Testing
@testable import NeuralEngine

/// Every workload of WORKLOADS.md, built through the public configuration and trained by the
/// product's own session, ends at the float64 reference's final loss.
@Suite struct BenchmarkWorkloadTests {
  /// Check values from `shared/bench/WORKLOADS.md`.
  static let referenceLosses: [BenchmarkWorkload: Double] = [
    .w1: 0.0001004672188, .w2: 0.001025510161, .w3: 0.43096132, .w4: 0.13423722868524, .w5: 0.0068668589412935,
  ]

  @Test(arguments: BenchmarkWorkload.allCases)
  func finalLossMatchesTheReferenceToEightDigits(workload: BenchmarkWorkload) throws {
    let loss = try workload.finalLoss()
    let reference = try #require(Self.referenceLosses[workload])
    #expect(abs(loss - reference) / reference < 5e-8, "\(workload): \(loss) vs \(reference)")
  }

  @Test func startingLossesAndDataMatchTheCheckValues() throws {
    let w1 = try TrainingSession(configuration: BenchmarkWorkload.w1.configuration)
    #expect(abs(w1.initialLoss - 0.2692278127018145) < 1e-15)
    let w2 = try TrainingSession(configuration: BenchmarkWorkload.w2.configuration)
    #expect(abs(w2.initialLoss - 0.5021546138368417) < 1e-14)
    #expect(w2.network.parameters.prefix(2) == [0.4335051476195798, -0.11927792386329505])
    let w3 = try TrainingSession(configuration: BenchmarkWorkload.w3.configuration)
    #expect(abs(w3.initialLoss - 0.49298934856230653) < 1e-14)
    let w4 = try TrainingSession(configuration: BenchmarkWorkload.w4.configuration)
    #expect(abs(w4.initialLoss - 2.359138449214922) < 1e-12)
    #expect(abs((w4.trainAccuracy ?? 0) - 168.0 / 1797) < 1e-12)
    let w5 = try TrainingSession(configuration: BenchmarkWorkload.w5.configuration)
    #expect(abs(w5.initialLoss - 0.6454332665016005) < 1e-12)
  }

  @Test func theDigitsNetworkReachesTheReferenceAccuracy() throws {
    var session = try TrainingSession(configuration: BenchmarkWorkload.w4.configuration)
    for _ in 0..<10 { session.runEpoch() }
    session.evaluate()
    #expect(abs((session.trainAccuracy ?? 0) - 1736.0 / 1797) < 1e-12)
  }
}
