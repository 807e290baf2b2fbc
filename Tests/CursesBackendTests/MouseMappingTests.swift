import CNCurses
import CursesBackend
import Testing
import TerminalUI

/// What `getmouse` reports, as the events the app sees: a move is a drag of the button held.
@Suite struct MouseMappingTests {
  @Test func pressDragRelease() {
    var mapping = MouseMapping()
    #expect(mapping.event(state: NC_BUTTON1_PRESSED, x: 12, y: 5) == MouseEvent(.press, .left, x: 12, y: 5))
    #expect(mapping.heldButton == .left)
    #expect(mapping.event(state: NC_REPORT_MOUSE_POSITION, x: 13, y: 5) == MouseEvent(.drag, .left, x: 13, y: 5))
    #expect(mapping.event(state: NC_REPORT_MOUSE_POSITION, x: 14, y: 6) == MouseEvent(.drag, .left, x: 14, y: 6))
    #expect(mapping.event(state: NC_BUTTON1_RELEASED, x: 14, y: 6) == MouseEvent(.release, .left, x: 14, y: 6))
    #expect(mapping.heldButton == nil)
    #expect(mapping.event(state: NC_REPORT_MOUSE_POSITION, x: 15, y: 6) == nil, "a move with nothing held is no event")
  }

  @Test func theOtherButtons() {
    var mapping = MouseMapping()
    #expect(mapping.event(state: NC_BUTTON3_PRESSED, x: 0, y: 0) == MouseEvent(.press, .right, x: 0, y: 0))
    #expect(mapping.event(state: NC_REPORT_MOUSE_POSITION, x: 1, y: 0) == MouseEvent(.drag, .right, x: 1, y: 0))
    #expect(mapping.event(state: NC_BUTTON3_RELEASED, x: 1, y: 0)?.action == .release)
    #expect(mapping.event(state: NC_BUTTON2_PRESSED, x: 2, y: 3) == MouseEvent(.press, .middle, x: 2, y: 3))
  }

  @Test func unknownStatesAndNegativeCellsAreNoEvents() {
    var mapping = MouseMapping()
    #expect(mapping.event(state: 0, x: 3, y: 3) == nil)
    #expect(mapping.event(state: NC_BUTTON1_PRESSED, x: -1, y: 3) == nil)
    #expect(mapping.heldButton == nil)
  }

  @Test func theMaskAsksForPressesReleasesAndMoves() {
    for bit in [NC_BUTTON1_PRESSED, NC_BUTTON1_RELEASED, NC_BUTTON3_PRESSED, NC_REPORT_MOUSE_POSITION] {
      #expect(MouseMapping.reportedEvents & bit != 0)
    }
  }
}
