import Testing
@testable import NeuralEngine

@Suite struct ReasonFormatTests {
  @Test func numbersInReasonsAreShort() {
    #expect(TrainingSession.format(3.2e9) == "3.2e9")
    #expect(TrainingSession.format(1e6) == "1e6")
    #expect(TrainingSession.format(2.5e-7) == "2.5e-7")
    #expect(TrainingSession.format(0.5) == "0.5")
  }
}
