import PropertyBased
import Testing

@testable import DescentApp

/// `+` and `-` move the learning rate the way their names say, wherever the rate started.
@Suite struct LearningRateLadderTests {
  @Test(arguments: [500, 100, 1e6, Double.greatestFiniteMagnitude])
  func plusNeverLowersATopRate(rate: Double) {
    #expect(LearningRateLadder.above(rate) >= rate)
  }

  @Test(arguments: [1e-8, 1e-6, Double.leastNonzeroMagnitude, 0])
  func minusNeverRaisesABottomRate(rate: Double) {
    #expect(LearningRateLadder.below(rate) <= rate)
  }

  @Test func stepsInsideTheRange() {
    #expect(LearningRateLadder.above(0.03) == 0.033)
    #expect(LearningRateLadder.below(0.03) == 0.022)
    #expect(LearningRateLadder.above(68) == 100)
    #expect(LearningRateLadder.below(1.5e-6) == 1e-6)
  }

  @Test func monotoneForAnyPositiveRate() async {
    await propertyCheck(count: 1_000, input: Gen<UInt64>.value(in: 1...0x7FEF_FFFF_FFFF_FFFF)) { bits in
      let rate = Double(bitPattern: bits)
      #expect(LearningRateLadder.above(rate) >= rate)
      #expect(LearningRateLadder.below(rate) <= rate)
    }
  }
}
