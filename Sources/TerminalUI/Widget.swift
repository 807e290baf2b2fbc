/// Something that draws itself into a buffer region and nowhere else.
///
/// ```swift
/// Sparkline(values: history).render(in: area, buffer: &buffer)
/// ```
public protocol Widget {
  /// Draws into `area` of `buffer`; cells outside `area` stay untouched.
  func render(in area: Rect, buffer: inout Buffer)
}
