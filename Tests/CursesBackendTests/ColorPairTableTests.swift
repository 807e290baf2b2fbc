import Testing

@testable import CursesBackend

@Suite struct ColorPairTableTests {
  private typealias Colors = ColorPairTable.Colors

  @Test func allocatesLazilyAndReuses() {
    var table = ColorPairTable(colorPairs: 256, defaultColors: Colors(foreground: -1, background: -1))
    let red = Colors(foreground: 1, background: -1)
    let blueOnRed = Colors(foreground: 4, background: 1)
    #expect(table.pair(for: red) == .init(pair: 1, isNew: true))
    #expect(table.pair(for: red) == .init(pair: 1, isNew: false))
    #expect(table.pair(for: blueOnRed) == .init(pair: 2, isNew: true))
    #expect(table.pair(for: red) == .init(pair: 1, isNew: false))
    #expect(table.count == 2)
  }

  @Test func defaultColoursUsePairZero() {
    var table = ColorPairTable(colorPairs: 64, defaultColors: Colors(foreground: 7, background: 0))
    #expect(table.pair(for: Colors(foreground: 7, background: 0)) == .init(pair: 0, isNew: false))
    #expect(table.count == 0)
  }

  @Test func fallsBackToPairZeroWhenFull() {
    var table = ColorPairTable(colorPairs: 3, defaultColors: Colors(foreground: -1, background: -1))
    #expect(table.pair(for: Colors(foreground: 1, background: -1)).pair == 1)
    #expect(table.pair(for: Colors(foreground: 2, background: -1)).pair == 2)
    #expect(table.pair(for: Colors(foreground: 3, background: -1)) == .init(pair: 0, isNew: false))
    #expect(table.pair(for: Colors(foreground: 1, background: -1)).pair == 1)
  }

  @Test func capacityIsCappedForInitPair() {
    #expect(ColorPairTable(colorPairs: 65536, defaultColors: Colors(foreground: -1, background: -1)).capacity == 32767)
    #expect(ColorPairTable(colorPairs: 0, defaultColors: Colors(foreground: -1, background: -1)).capacity == 0)
  }

  @Test func removeAllStartsOver() {
    var table = ColorPairTable(colorPairs: 64, defaultColors: Colors(foreground: -1, background: -1))
    _ = table.pair(for: Colors(foreground: 1, background: 2))
    table.removeAll()
    #expect(table.pair(for: Colors(foreground: 3, background: 2)) == .init(pair: 1, isNew: true))
  }
}
