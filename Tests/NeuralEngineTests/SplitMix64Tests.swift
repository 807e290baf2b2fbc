import Testing
@testable import NeuralEngine

@Suite struct SplitMix64Tests {
  @Test func firstOutputsMatchWorkloadCheckValues() {
    var generator = SplitMix64(seed: 1)
    #expect(generator.next() == 0x910a_2dec_8902_5cc1)
    #expect(generator.next() == 0xbeeb_8da1_658e_ec67)
    #expect(generator.next() == 0xf893_a2ee_fb32_555e)
  }

  @Test func uniformDrawsMatchWorkloadCheckValues() {
    var generator = SplitMix64(seed: 1)
    #expect(generator.uniform() == 0.5665615751722809)
    #expect(generator.uniform() == 0.7457817572627011)
    #expect(generator.uniform() == 0.9710027535867962)
  }
}
