import Foundation
import SnapshotSupport
import Testing

@testable import TerminalUI

/// A buffer of `width`×`height` filled with the sentinel `x`, so stray drawing shows.
func sentinelBuffer(_ width: Int, _ height: Int) -> Buffer {
  Buffer(width: width, height: height, filling: Cell("x"))
}

/// Expects `buffer` to read as `expected`, one string per row; prints both pictures on failure.
func expectLines(
  _ buffer: Buffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = buffer.lines
  if actual != expected {
    Issue.record(
      "buffer differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
  }
}
