/// A run of changed cells on one row: what the backend must send.
public struct BufferChange: Equatable, Sendable {
  public var y: Int
  public var x: Int
  public var cells: [Cell]

  public init(y: Int, x: Int, cells: [Cell]) {
    self.y = y
    self.x = x
    self.cells = cells
  }
}

/// Finds what changed between two frames, so only those cells are sent to the terminal: the
/// curses backend draws exactly these runs, and the in-memory backend records them.
///
/// ```swift
/// for change in BufferDiff.changes(from: previous, to: next) { move(change.y, change.x); ... }
/// ```
public enum BufferDiff {
  /// Runs of changed cells, row by row, left to right.
  ///
  /// With no previous frame, or one of another size, every row is one run. A run never starts
  /// on the right half of a wide character and never ends between its two halves, so the
  /// backend can draw each run with one string. Runs separated by at most `mergeGap` unchanged
  /// cells are joined (resending a few cells is cheaper than moving the cursor).
  public static func changes(from previous: Buffer?, to next: Buffer, mergeGap: Int = 0) -> [BufferChange] {
    let width = next.size.width
    guard let previous, previous.size == next.size else {
      return (0..<next.size.height).compactMap { y in
        width > 0 ? BufferChange(y: y, x: 0, cells: Array(next.cells[(y * width)..<((y + 1) * width)])) : nil
      }
    }
    var changes: [BufferChange] = []
    for y in 0..<next.size.height {
      let rowStart = y * width
      var x = 0
      while x < width {
        guard previous.cells[rowStart + x] != next.cells[rowStart + x] else {
          x += 1
          continue
        }
        var start = x
        if start > 0, next.cells[rowStart + start].symbol.isEmpty { start -= 1 }
        var lastChanged = x
        var probe = x + 1
        while probe < width, probe - lastChanged - 1 <= mergeGap {
          if previous.cells[rowStart + probe] != next.cells[rowStart + probe] { lastChanged = probe }
          probe += 1
        }
        var end = lastChanged + 1  // exclusive
        // Keep the right half of a wide character with its left half.
        while end < width, next.cells[rowStart + end].symbol.isEmpty { end += 1 }
        if let last = changes.last, last.y == y, last.x + last.cells.count > start {
          // Overlap from backing up over a continuation: extend the previous run.
          let overlapStart = last.x + last.cells.count
          changes[changes.count - 1].cells.append(contentsOf: next.cells[(rowStart + overlapStart)..<(rowStart + end)])
        } else {
          changes.append(BufferChange(y: y, x: start, cells: Array(next.cells[(rowStart + start)..<(rowStart + end)])))
        }
        x = end
      }
    }
    return changes
  }
}
