/// Cutting text to a number of columns, the one way every widget and view does it: wide
/// characters count two columns and are never split, and a cut ends in the ellipsis.
extension Line {
  /// The line cut to `width` columns, ending in `ellipsis` (in the style of the text it follows)
  /// when something was cut. When even the ellipsis does not fit, the first `width` columns are
  /// kept without it.
  ///
  /// ```swift
  /// Line("learning rate 0.03").truncated(toWidth: 10, ellipsis: "…")   // "learning …"
  /// ```
  public func truncated(toWidth width: Int, ellipsis: String) -> Line {
    guard self.width > width else { return self }
    guard width > 0 else { return Line() }
    let ellipsisWidth = DisplayWidth.of(ellipsis)
    let showsEllipsis = ellipsisWidth < width
    let budget = showsEllipsis ? width - ellipsisWidth : width
    var spans: [Span] = []
    var used = 0
    cutting: for span in self.spans {
      var text = ""
      for character in span.text {
        let characterWidth = DisplayWidth.of(character)
        if used + characterWidth > budget {
          if !text.isEmpty { spans.append(Span(text, style: span.style)) }
          break cutting
        }
        text.append(character)
        used += characterWidth
      }
      if !text.isEmpty { spans.append(Span(text, style: span.style)) }
    }
    if showsEllipsis { spans.append(Span(ellipsis, style: spans.last?.style ?? self.spans.first?.style ?? .plain)) }
    return Line(spans)
  }
}

extension String {
  /// The text cut to `width` columns, ending in `ellipsis` when something was cut (see
  /// `Line.truncated(toWidth:ellipsis:)`).
  ///
  /// ```swift
  /// "bedrooms".truncated(toWidth: 5, ellipsis: "…")   // "bedr…"
  /// ```
  public func truncated(toWidth width: Int, ellipsis: String) -> String {
    Line(self).truncated(toWidth: width, ellipsis: ellipsis).plainText
  }
}
