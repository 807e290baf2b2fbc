/// Cell-resolution drawing helpers: straight lines of one symbol, for diagrams and ASCII mode.
extension Buffer {
  /// Draws `symbol` on every cell of the line from `start` to `end` (Bresenham), clipped to `clip`.
  public mutating func drawLine(
    from start: (x: Int, y: Int), to end: (x: Int, y: Int), symbol: String, style: Style = .plain, clip: Rect? = nil
  ) {
    let bounds = (clip ?? area).intersection(area)
    guard !bounds.isEmpty else { return }
    // Lines far outside the buffer are cut to a sane length first.
    let limit = 1 << 20
    guard abs(start.x) < limit, abs(start.y) < limit, abs(end.x) < limit, abs(end.y) < limit else { return }
    var x = start.x, y = start.y
    let dx = abs(end.x - start.x), dy = -abs(end.y - start.y)
    let stepX = x < end.x ? 1 : -1, stepY = y < end.y ? 1 : -1
    var error = dx + dy
    let cell = Cell(symbol, style: style)
    while true {
      if bounds.contains(x: x, y: y) { self[x, y] = cell }
      if x == end.x && y == end.y { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }
}
