import Testing
import TerminalUI

@testable import CursesBackend

@Suite struct ScreenDiffTests {
  private typealias Position = ScreenDiff.Position

  @Test func firstDrawSendsEveryCell() {
    let buffer = Buffer(width: 3, height: 2)
    #expect(ScreenDiff.cellsToDraw(from: nil, to: buffer).count == 6)
  }

  @Test func identicalBufferSendsNothing() {
    var buffer = Buffer(width: 10, height: 2)
    buffer.write("日本 ⣿", x: 1, y: 1)
    #expect(ScreenDiff.cellsToDraw(from: buffer, to: buffer).isEmpty)
  }

  @Test func onlyChangedCellsAreSent() {
    let old = Buffer(width: 5, height: 2)
    var new = old
    new.write("a", x: 1, y: 0)
    new.write("b", x: 4, y: 1, style: Style(bold: true))
    #expect(ScreenDiff.cellsToDraw(from: old, to: new) == [Position(x: 1, y: 0), Position(x: 4, y: 1)])
  }

  @Test func styleChangeCounts() {
    let old = Buffer(width: 2, height: 1)
    var new = old
    new.setStyle(Style(foreground: .red), in: Rect(x: 1, y: 0, width: 1, height: 1))
    #expect(ScreenDiff.cellsToDraw(from: old, to: new) == [Position(x: 1, y: 0)])
  }

  @Test func wideCharacterIsSentOnceAsItsLead() {
    let old = Buffer(width: 6, height: 1)
    var new = old
    new.write("日", x: 2, y: 0)
    #expect(ScreenDiff.cellsToDraw(from: old, to: new) == [Position(x: 2, y: 0)])
  }

  @Test func changedContinuationPullsInItsLead() {
    var old = Buffer(width: 4, height: 1)
    old.write("日", x: 0, y: 0)
    var new = old
    new[1, 0] = Cell(Cell.continuation.symbol, style: Style(bold: true))
    #expect(ScreenDiff.cellsToDraw(from: old, to: new) == [Position(x: 0, y: 0)])
  }

  @Test func orphanContinuationIsSentItself() {
    let old = Buffer(width: 3, height: 1)
    var new = old
    new[1, 0] = Cell.continuation
    #expect(ScreenDiff.cellsToDraw(from: old, to: new) == [Position(x: 1, y: 0)])
  }

  @Test func sizeChangeSendsEverything() {
    let old = Buffer(width: 2, height: 2)
    let new = Buffer(width: 3, height: 2)
    #expect(ScreenDiff.cellsToDraw(from: old, to: new).count == 6)
  }
}
