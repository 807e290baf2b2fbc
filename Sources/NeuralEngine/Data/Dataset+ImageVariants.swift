/// Variants of a classification or image dataset that lessons use to ask one question each:
/// only some classes (transfer learning), or test images moved a few pixels (what shared
/// weights buy).
extension Dataset {
  /// The same data with only the samples whose class is in `classes`, in both splits; the
  /// class indices (and so the network's outputs) stay as they were. Regression data is
  /// returned unchanged.
  public func keepingClasses(_ classes: Set<Int>) -> Dataset {
    guard case .classification = task else { return self }
    func kept(_ inputs: Samples, _ targets: Samples) -> (Samples, Samples) {
      var keptInputs = Samples(width: inputs.width)
      var keptTargets = Samples(width: targets.width)
      for row in 0..<targets.count where classes.contains(Int(targets[row][targets[row].startIndex])) {
        keptInputs.append(Array(inputs[row]))
        keptTargets.append(Array(targets[row]))
      }
      return (keptInputs, keptTargets)
    }
    var result = self
    (result.trainInputs, result.trainTargets) = kept(trainInputs, trainTargets)
    (result.testInputs, result.testTargets) = kept(testInputs, testTargets)
    return result
  }

  /// The same data with every test image moved `right` columns and `down` rows (negative
  /// moves left or up); pixels moved in from outside are 0 and pixels moved out are lost. The
  /// training images stay where they were, so the test split asks whether what was learned
  /// still applies when a digit is not where the training digits were. Data that is not
  /// images (`[channels, height, width]`) is returned unchanged.
  public func shiftingTestImages(right: Int, down: Int = 0) -> Dataset {
    guard inputShape.rank == 3 else { return self }
    var result = self
    result.testInputs = Self.shifted(testInputs, shape: inputShape, right: right, down: down)
    return result
  }

  /// Every image of `images` moved by (`right`, `down`), zeros where nothing moved in.
  static func shifted(_ images: Samples, shape: TensorShape, right: Int, down: Int) -> Samples {
    let (channels, height, width) = (shape[0], shape[1], shape[2])
    var moved = [Double](repeating: 0, count: images.values.count)
    for image in 0..<images.count {
      let base = image * images.width
      for channel in 0..<channels {
        for y in 0..<height {
          let sourceY = y - down
          guard (0..<height).contains(sourceY) else { continue }
          for x in 0..<width {
            let sourceX = x - right
            guard (0..<width).contains(sourceX) else { continue }
            moved[base + (channel * height + y) * width + x] =
              images.values[base + (channel * height + sourceY) * width + sourceX]
          }
        }
      }
    }
    return Samples(width: images.width, values: moved)
  }
}
