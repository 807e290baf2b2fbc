import Testing

@testable import TerminalUI

@Suite struct BlockTests {
  @Test func roundedBorderWithBothTitles() {
    var buffer = sentinelBuffer(22, 5)
    let inner = Block(title: "Loss", rightTitle: "step 12").draw(in: Rect(x: 1, y: 0, width: 20, height: 4), buffer: &buffer)
    #expect(inner == Rect(x: 2, y: 1, width: 18, height: 2))
    expectLines(buffer, [
      "x╭ Loss ─── step 12 ╮x",
      "x│xxxxxxxxxxxxxxxxxx│x",
      "x│xxxxxxxxxxxxxxxxxx│x",
      "x╰──────────────────╯x",
      "xxxxxxxxxxxxxxxxxxxxxx",
    ])
  }

  @Test func asciiLongTitleIsCutAndRightTitleDropped() {
    var buffer = sentinelBuffer(12, 3)
    Block(title: "Decision boundary", rightTitle: "x", symbols: .ascii).render(in: buffer.area, buffer: &buffer)
    expectLines(buffer, [
      "+ Decision~+",
      "|xxxxxxxxxx|",
      "+----------+",
    ])
  }

  @Test func focusChangesTheBorderStyle() {
    var buffer = Buffer(width: 4, height: 3)
    let block = Block(focused: true, borderStyle: Style(dim: true), focusedBorderStyle: Style(bold: true))
    block.render(in: buffer.area, buffer: &buffer)
    #expect(buffer[0, 0].style == Style(bold: true))
    #expect(buffer[1, 1] == .blank)
  }

  @Test func noBorderPutsTitleOnFirstRow() {
    var buffer = sentinelBuffer(8, 3)
    let inner = Block(title: "Hi", border: .none).draw(in: buffer.area, buffer: &buffer)
    #expect(inner == Rect(x: 0, y: 1, width: 8, height: 2))
    expectLines(buffer, [" Hi xxxx", "xxxxxxxx", "xxxxxxxx"])
  }

  @Test func degenerateAreas() {
    var empty = sentinelBuffer(0, 0)
    #expect(Block(title: "T").draw(in: empty.area, buffer: &empty).isEmpty)
    var one = sentinelBuffer(3, 3)
    Block(title: "Title").render(in: Rect(x: 1, y: 1, width: 1, height: 1), buffer: &one)
    expectLines(one, ["xxx", "x│x", "xxx"])
    var two = sentinelBuffer(2, 2)
    let inner = Block(title: "Title").draw(in: two.area, buffer: &two)
    #expect(inner.isEmpty)
    expectLines(two, ["╭╮", "╰╯"])
  }
}

@Suite struct OverlayTests {
  @Test func centresAndClears() {
    var buffer = sentinelBuffer(10, 5)
    let box = Overlay.centeredRect(width: 4, height: 3, in: buffer.area)
    #expect(box == Rect(x: 3, y: 1, width: 4, height: 3))
    Overlay.clear(box, buffer: &buffer)
    expectLines(buffer, ["xxxxxxxxxx", "xxx    xxx", "xxx    xxx", "xxx    xxx", "xxxxxxxxxx"])
  }

  @Test func shrinksToFitAndHandlesPercent() {
    let area = Rect(x: 0, y: 0, width: 80, height: 24)
    #expect(Overlay.centeredRect(width: 100, height: 50, in: area) == area)
    #expect(Overlay.centeredRect(percentWidth: 50, percentHeight: 50, in: area) == Rect(x: 20, y: 6, width: 40, height: 12))
    #expect(Overlay.centeredRect(width: 3, height: 3, in: Rect(x: 0, y: 0, width: 0, height: 0)).isEmpty)
  }

  @Test func clearingRemovesHalvesOfCutWideCharacters() {
    var buffer = Buffer(width: 6, height: 1)
    buffer.write("日本語", x: 0, y: 0)
    Overlay.clear(Rect(x: 1, y: 0, width: 2, height: 1), buffer: &buffer)
    #expect(buffer.lines == ["    語"])
  }
}
