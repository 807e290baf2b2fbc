import Testing
import TerminalUI

@testable import CursesBackend

@Suite struct ColorMappingTests {
  @Test(arguments: [
    (0, 0), (1, 1), (7, 7), (8, 0), (9, 1), (12, 4), (15, 7),
    (16, 0), (196, 1), (46, 2), (226, 3), (21, 4), (201, 5), (51, 6), (231, 7),
    (208, 3), (124, 1), (28, 2), (232, 0), (236, 0), (250, 7), (255, 7),
  ] as [(UInt8, UInt8)])
  func nearestBasicColour(index: UInt8, basic: UInt8) {
    #expect(ColorMapping.nearestBasic(to: index) == basic)
  }

  @Test func everyIndexMapsIntoTheBasicEight() {
    for index in 0...255 { #expect(ColorMapping.nearestBasic(to: UInt8(index)) < 8) }
  }

  @Test func paletteRGB() {
    #expect(Color.indexed(16).rgb! == (0, 0, 0))
    #expect(Color.indexed(196).rgb! == (255, 0, 0))
    #expect(Color.indexed(67).rgb! == (95, 135, 175))
    #expect(Color.indexed(232).rgb! == (8, 8, 8))
    #expect(Color.indexed(255).rgb! == (238, 238, 238))
  }

  @Test func cursesNumbers() {
    #expect(ColorMapping.cursesNumber(for: .default, colorCount: 256, defaultColor: -1) == -1)
    #expect(ColorMapping.cursesNumber(for: .default, colorCount: 8, defaultColor: 7) == 7)
    #expect(ColorMapping.cursesNumber(for: .red, colorCount: 8, defaultColor: -1) == 1)
    #expect(ColorMapping.cursesNumber(for: .indexed(208), colorCount: 256, defaultColor: -1) == 208)
    #expect(ColorMapping.cursesNumber(for: .indexed(208), colorCount: 8, defaultColor: -1) == 3)
  }
}
