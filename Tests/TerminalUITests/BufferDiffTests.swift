import Testing

@testable import TerminalUI

@Suite struct BufferDiffTests {
  @Test func firstFrameSendsEveryRow() {
    let next = Buffer(width: 3, height: 2, filling: Cell("a"))
    let changes = BufferDiff.changes(from: nil, to: next)
    #expect(changes.map(\.y) == [0, 1])
    #expect(changes.allSatisfy { $0.x == 0 && $0.cells.count == 3 })
    #expect(BufferDiff.changes(from: Buffer(width: 2, height: 2), to: next).count == 2)
  }

  @Test func sameFrameSendsNothing() {
    let frame = Buffer(width: 5, height: 2, filling: Cell("z"))
    #expect(BufferDiff.changes(from: frame, to: frame).isEmpty)
  }

  @Test func changedRunsPerRow() {
    let previous = Buffer(width: 8, height: 2)
    var next = previous
    next.write("ab", x: 1, y: 0)
    next.write("c", x: 5, y: 0)
    next.write("d", x: 7, y: 1, style: Style(bold: true))
    let changes = BufferDiff.changes(from: previous, to: next)
    #expect(changes == [
      BufferChange(y: 0, x: 1, cells: [Cell("a"), Cell("b")]),
      BufferChange(y: 0, x: 5, cells: [Cell("c")]),
      BufferChange(y: 1, x: 7, cells: [Cell("d", style: Style(bold: true))]),
    ])
  }

  @Test func styleOnlyChangesCount() {
    let previous = Buffer(width: 2, height: 1)
    var next = previous
    next.setStyle(Style(reverse: true), in: Rect(x: 1, y: 0, width: 1, height: 1))
    #expect(BufferDiff.changes(from: previous, to: next) == [BufferChange(y: 0, x: 1, cells: [Cell(" ", style: Style(reverse: true))])])
  }

  @Test func mergesNearbyRunsWhenAsked() {
    let previous = Buffer(width: 8, height: 1)
    var next = previous
    next.write("a", x: 1, y: 0)
    next.write("b", x: 4, y: 0)
    #expect(BufferDiff.changes(from: previous, to: next, mergeGap: 2) == [
      BufferChange(y: 0, x: 1, cells: [Cell("a"), .blank, .blank, Cell("b")])
    ])
    #expect(BufferDiff.changes(from: previous, to: next, mergeGap: 1).count == 2)
  }

  @Test func wideCharactersStayWhole() {
    var previous = Buffer(width: 6, height: 1)
    previous.write("日本", x: 0, y: 0)
    var next = previous
    next.setStyle(Style(bold: true), in: Rect(x: 1, y: 0, width: 1, height: 1))  // only the right half changed
    let changes = BufferDiff.changes(from: previous, to: next)
    #expect(changes.count == 1)
    #expect(changes.first?.x == 0)
    #expect(changes.first?.cells.count == 2)
    var replaced = previous
    replaced.write("語", x: 2, y: 0, style: Style(bold: false))
    replaced[2, 0] = Cell("x")
    let second = BufferDiff.changes(from: previous, to: replaced)
    #expect(second.first?.x == 2)
    #expect(second.first?.cells.count == 2)
  }

  @Test func aChangedRightHalfPullsInItsLeftHalf() {
    var previous = Buffer(width: 4, height: 1)
    previous.write("日", x: 0, y: 0)
    var next = previous
    next[1, 0] = Cell(Cell.continuation.symbol, style: Style(bold: true))
    #expect(BufferDiff.changes(from: previous, to: next) == [BufferChange(y: 0, x: 0, cells: [next[0, 0], next[1, 0]])])
    #expect(next[0, 0].isWide && !next[1, 0].isWide)
  }

  @Test func sizeChangeSendsEverything() {
    let changes = BufferDiff.changes(from: Buffer(width: 2, height: 2), to: Buffer(width: 3, height: 2))
    #expect(changes.map(\.cells.count) == [3, 3])
  }

  @Test func applyingChangesReproducesTheFrame() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      var previous = Buffer(width: 10, height: 4)
      var next = previous
      for _ in 0..<8 {
        previous.write(Bool.random(using: &generator) ? "日" : "a", x: Int.random(in: 0..<10, using: &generator), y: Int.random(in: 0..<4, using: &generator))
        next.write(Bool.random(using: &generator) ? "本" : "b", x: Int.random(in: 0..<10, using: &generator), y: Int.random(in: 0..<4, using: &generator))
      }
      var screen = previous
      for change in BufferDiff.changes(from: previous, to: next, mergeGap: Int.random(in: 0...3, using: &generator)) {
        for (offset, cell) in change.cells.enumerated() { screen[change.x + offset, change.y] = cell }
      }
      #expect(screen == next)
    }
  }
}

@Suite struct InMemoryBackendTests {
  @Test func playsEventsAndRecordsFrames() {
    var backend = InMemoryBackend(
      size: Size(width: 4, height: 1), events: [.key(.character("q")), .resize(Size(width: 6, height: 2)), .tick])
    #expect(backend.nextEvent(timeoutMilliseconds: 16) == .key(.character("q")))
    #expect(backend.nextEvent(timeoutMilliseconds: nil) == .resize(Size(width: 6, height: 2)))
    #expect(backend.size == Size(width: 6, height: 2))
    #expect(backend.nextEvent(timeoutMilliseconds: 16) == .tick)
    #expect(backend.nextEvent(timeoutMilliseconds: nil) == .key(.control("c")))
    #expect(backend.requestedTimeouts == [16, nil, 16, nil])

    var frame = Buffer(width: 6, height: 2)
    frame.write("hi", x: 0, y: 0)
    backend.draw(frame)
    frame.write("!", x: 2, y: 1)
    backend.draw(frame)
    #expect(backend.screen == ["hi    ", "  !   "])
    #expect(backend.drawnBuffers.count == 2)
    #expect(backend.sentChanges.last == [BufferChange(y: 1, x: 2, cells: [Cell("!")])])
  }
}
