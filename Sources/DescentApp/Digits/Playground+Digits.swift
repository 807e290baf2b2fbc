import LessonKit
import NeuralEngine
import TerminalUI

/// The image views' side of the playground: which image they show and the keys that move
/// through images, slide the convolution window and draw.
extension Playground {
  /// Whether the dataset is made of images (`[channels, height, width]`).
  var showsImages: Bool { configuration.dataset.inputShape.rank == 3 }

  /// Whether the page has the drawing pad.
  var showsDrawing: Bool { panes.contains(.draw) }

  /// Whether the learner's drawing replaces the test digit in the probability, feature-map and
  /// convolution views: while drawing, and once something is drawn.
  var followsDrawing: Bool {
    showsDrawing && (digitLab.isDrawing || !digitLab.pad.isBlank)
      && digitLab.pad.pixels.count == configuration.dataset.inputShape.count
  }

  /// The image those views show: the drawing (see `followsDrawing`), else the chosen test
  /// digit; nil for data that is not images.
  var currentImage: [Double]? {
    guard showsImages else { return nil }
    if followsDrawing { return digitLab.pad.pixels }
    return testImage(at: digitLab.shownTestIndex)
  }

  /// The label of the current image (nil for a drawing: only the learner knows it).
  var currentLabel: Int? {
    guard showsImages, !followsDrawing else { return nil }
    return testLabel(at: digitLab.shownTestIndex)
  }

  /// Test images in the split.
  var testImageCount: Int { configuration.dataset.testInputs.count }

  /// Test image `index` (wrapping), or nil when there are none.
  func testImage(at index: Int) -> [Double]? {
    let inputs = configuration.dataset.testInputs
    guard inputs.count > 0 else { return nil }
    return Array(inputs[((index % inputs.count) + inputs.count) % inputs.count])
  }

  /// The class of test image `index` (wrapping).
  func testLabel(at index: Int) -> Int? {
    let targets = configuration.dataset.testTargets
    guard targets.count > 0 else { return nil }
    let row = targets[((index % targets.count) + targets.count) % targets.count]
    return row.first.map { Int($0) }
  }

  /// The network's class probabilities for `image`.
  func probabilities(for image: [Double]) -> [Double] {
    session.network.predict(image)
  }

  /// The first convolution of the network, if it has one.
  var convolution: ConvolutionAnatomy? { ConvolutionAnatomy(network: session.network) }

  /// Whether the filters view's kernels never move (the lab freezes the first convolution).
  var filtersAreFrozen: Bool {
    guard let convolution else { return false }
    return configuration.frozenItems.contains(session.network.descriptionItems[convolution.layer])
  }

  // MARK: - Keys

  /// Keys of the image views; returns false when `key` is not one of them.
  mutating func handleDigitKey(_ key: Key) -> Bool {
    switch key {
    case .character("X"):
      guard showsImages else { return false }
      digitLab.shownTestIndex = (digitLab.shownTestIndex + max(1, testImageCount) - 1) % max(1, testImageCount)
    case .character("."), .character(","):
      guard let convolution else { return false }
      let step = key == .character(".") ? 1 : convolution.positions - 1
      digitLab.windowPosition = (digitLab.windowPosition + step) % convolution.positions
      let row = digitLab.windowPosition / convolution.outputWidth, column = digitLab.windowPosition % convolution.outputWidth
      notice = Notice("window at row \(row + 1), column \(column + 1) of the feature map")
    case .character("f"):
      guard let convolution else { return false }
      digitLab.windowFilter = (digitLab.windowFilter + 1) % convolution.filters
      notice = Notice("filter \(digitLab.windowFilter + 1) of \(convolution.filters)")
    case .character("d"):
      guard showsDrawing else {
        notice = Notice(showsImages ? "no drawing pad on this page" : "drawing needs an image dataset", kind: .warning)
        return true
      }
      digitLab.isDrawing = true
      isPlaying = false
      notice = Notice(Self.drawingHelp)
    default:
      return false
    }
    return true
  }

  /// Moves to the next test digit (with `x`).
  mutating func showNextTestImage() {
    guard showsImages else { return }
    digitLab.shownTestIndex = (digitLab.shownTestIndex + 1) % max(1, testImageCount)
  }

  static let drawingHelp = "drawing: arrows move, space paints, backspace erases, c clears, d or Esc done"

  /// Keys while drawing: arrows, space, backspace, `c`; `d` or Esc stop; `q` quits.
  mutating func handleDrawingKey(_ key: Key) -> Command {
    switch key {
    case .character("q"): return .quit
    case .character("d"), .escape, .enter:
      digitLab.isDrawing = false
      notice = Notice("drawing done: d draws again")
      return .none
    case .up: digitLab.pad.moveCursor(rows: -1, columns: 0)
    case .down: digitLab.pad.moveCursor(rows: 1, columns: 0)
    case .left: digitLab.pad.moveCursor(rows: 0, columns: -1)
    case .right: digitLab.pad.moveCursor(rows: 0, columns: 1)
    case .character(" "): digitLab.pad.paint()
    case .backspace, .delete, .character("x"): digitLab.pad.erase()
    case .character("c"): digitLab.pad.clear()
    default: notice = Notice(Self.drawingHelp)
    }
    return .none
  }
}
