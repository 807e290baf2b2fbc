/// What the learner chose to look at in the image views of a lab: which test digit, where the
/// convolution window stands, and the drawing pad.
///
/// Lives inside `Playground`; the views read it, `Playground.update` changes it.
public struct DigitLabState: Equatable, Sendable {
  /// Index into the test split of the digit the image views show.
  public var shownTestIndex = 0
  /// Output position (row-major) of the convolution window in the step-through.
  public var windowPosition = 0
  /// The filter whose products the step-through writes out.
  public var windowFilter = 0
  /// The learner's own digit.
  public var pad = DrawingPad()
  /// True while keys go to the drawing pad (`d` … `d` or Esc).
  public var isDrawing = false

  public init() {}
}
