import Testing

@testable import TerminalUI

@Suite struct LayoutTests {
  let area = Rect(x: 2, y: 1, width: 80, height: 24)

  @Test func lengthsAndFillSplitRows() {
    let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
    #expect(rows == [
      Rect(x: 2, y: 1, width: 80, height: 1),
      Rect(x: 2, y: 2, width: 80, height: 22),
      Rect(x: 2, y: 24, width: 80, height: 1),
    ])
  }

  @Test func percentagesAndWeightedFills() {
    let columns = Layout.horizontal([.percentage(25), .fill(2), .fill(1)]).split(area)
    #expect(columns.map(\.width) == [20, 40, 20])
    #expect(columns.map(\.x) == [2, 22, 62])
  }

  @Test func fillRemainderGoesToEarliestFills() {
    let columns = Layout.horizontal([.fill(1), .fill(1), .fill(1)]).split(Rect(x: 0, y: 0, width: 10, height: 1))
    #expect(columns.map(\.width) == [4, 3, 3])
  }

  @Test func gapsSitBetweenPieces() {
    let columns = Layout.horizontal([.fill(1), .fill(1)], gap: 2).split(Rect(x: 0, y: 0, width: 10, height: 3))
    #expect(columns == [Rect(x: 0, y: 0, width: 4, height: 3), Rect(x: 6, y: 0, width: 4, height: 3)])
  }

  @Test func minimumGrowsLikeAFill() {
    let rows = Layout.vertical([.min(3), .length(2)]).split(Rect(x: 0, y: 0, width: 5, height: 10))
    #expect(rows.map(\.height) == [8, 2])
  }

  @Test func overflowShrinksFromTheBackAndStaysInside() {
    let rows = Layout.vertical([.length(3), .length(4), .fill(1)], gap: 1).split(Rect(x: 0, y: 0, width: 5, height: 5))
    #expect(rows.map(\.height) == [3, 0, 0])
    for row in rows { #expect(row.maxY <= 5) }
  }

  @Test(arguments: [0, 1, 2, 7])
  func degenerateAreasNeverEscape(size: Int) {
    let box = Rect(x: 3, y: 3, width: size, height: size)
    let layouts = [
      Layout.vertical([.length(5), .percentage(50), .fill(1), .min(2)], gap: 1),
      Layout.horizontal([.fill(3), .length(1)], gap: 4),
    ]
    for layout in layouts {
      let pieces = layout.split(box)
      #expect(pieces.count == layout.constraints.count)
      for piece in pieces where !piece.isEmpty {
        #expect(piece.intersection(box) == piece)
      }
    }
  }

  @Test func noConstraintsNoPieces() {
    #expect(Layout.vertical([]).split(area).isEmpty)
  }
}
