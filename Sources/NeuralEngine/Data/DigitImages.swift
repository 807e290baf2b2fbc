/// The 1,797 handwritten digits, 8×8 pixels each, that Descent carries inside its binary.
///
/// The images are the test set of "Optical Recognition of Handwritten Digits" (E. Alpaydin and
/// C. Kaynak, UCI, CC BY 4.0; see `assets/data/README.md`). `assets/data/digits.csv` holds one
/// image a line: 64 integers 0…16 (the pixels row by row, top-left first), then the label 0…9.
/// `EmbeddedDigits.csv` is the same text compiled in (`assets/data/embed-digits.sh`), so the
/// data is found from any working directory.
///
/// Each pixel becomes `p / 16`, computed exactly as `p * 0.0625`, so values lie in 0…1. An image
/// is one channel of 8×8 (input shape `[1, 8, 8]`), stored row-major.
///
/// `embedded` keeps the file order (WORKLOADS W4 trains on all 1,797 images so);
/// `dataset(seed:sampleCount:)` makes the seeded train/test split the `digits` dataset uses.
public struct DigitImages: Equatable, Sendable {
  /// One row of 64 pixel values in 0…1 per image.
  public let images: Samples
  /// One column holding each image's digit, 0…9.
  public let labels: Samples

  /// Images in the file: 1,797.
  public static let count = 1797
  /// Pixels per side.
  public static let side = 8
  /// The shape of one image: one channel of 8×8.
  public static let imageShape: TensorShape = [1, side, side]
  /// Digits 0…9.
  public static let classCount = 10
  /// The largest raw pixel value (a count of "on" pixels in a 4×4 block).
  public static let maximumPixel = 16
  /// The share of the images the test split keeps (rounded): 359 of 1,797.
  public static let testFraction = 0.2
  /// One name per pixel, row then column: `r0c0`, `r0c1`, …, `r7c7`.
  public static let pixelNames: [String] = (0..<side).flatMap { row in
    (0..<side).map { column in "r\(row)c\(column)" }
  }

  /// The embedded images in file order, parsed once.
  public static let embedded: DigitImages = {
    do {
      return try DigitImages(csv: EmbeddedDigits.csv)
    } catch {
      preconditionFailure("the embedded digits are malformed: \(error)")
    }
  }()

  /// Parses the text of `digits.csv`: one image a line, 64 pixels 0…16 then a label 0…9,
  /// separated by commas; empty lines are skipped.
  public init(csv text: String) throws(CSVError) {
    let fieldsPerLine = Self.imageShape.count + 1
    var pixels: [Double] = []
    var digits: [Double] = []
    pixels.reserveCapacity(Self.count * Self.imageShape.count)
    digits.reserveCapacity(Self.count)
    var fields: [Int] = []
    fields.reserveCapacity(fieldsPerLine)
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let lineNumber = index + 1
      let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
      if trimmed.isEmpty { continue }
      fields.removeAll(keepingCapacity: true)
      for field in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
        guard let value = Int(field) else {
          throw CSVError(fileName: "digits.csv", line: lineNumber, problem: "\"\(field)\" is not a whole number")
        }
        fields.append(value)
      }
      guard fields.count == fieldsPerLine else {
        throw CSVError(
          fileName: "digits.csv", line: lineNumber,
          problem: "\(fields.count) numbers, expected \(fieldsPerLine) (64 pixels and a label)")
      }
      for pixel in fields.dropLast() {
        guard (0...Self.maximumPixel).contains(pixel) else {
          throw CSVError(fileName: "digits.csv", line: lineNumber, problem: "pixel \(pixel) is not in 0…16")
        }
        pixels.append(Double(pixel) * 0.0625)
      }
      let label = fields[fieldsPerLine - 1]
      guard (0..<Self.classCount).contains(label) else {
        throw CSVError(fileName: "digits.csv", line: lineNumber, problem: "label \(label) is not a digit 0…9")
      }
      digits.append(Double(label))
    }
    guard !digits.isEmpty else {
      throw CSVError(fileName: "digits.csv", line: nil, problem: "no images")
    }
    images = Samples(width: Self.imageShape.count, values: pixels)
    labels = Samples(width: 1, values: digits)
  }

  /// The `digits` dataset: the images' indices shuffled with `SplitMix64(seed: seed).shuffle`,
  /// the first `sampleCount` of them kept (all by default), and the last 20 % (rounded) of
  /// those made the test split.
  public func dataset(seed: UInt64, sampleCount: Int? = nil) -> Dataset {
    var generator = SplitMix64(seed: seed)
    return dataset(using: &generator, sampleCount: sampleCount)
  }

  /// `dataset(seed:sampleCount:)` drawing its shuffle from `generator`.
  func dataset(using generator: inout SplitMix64, sampleCount: Int?) -> Dataset {
    var order = Array(0..<labels.count)
    generator.shuffle(&order)
    let kept = Swift.min(order.count, Swift.max(2, sampleCount ?? order.count))
    let testCount = Swift.min(kept - 1, Swift.max(1, Int((Double(kept) * Self.testFraction).rounded())))
    let trainCount = kept - testCount
    func rows(_ indices: ArraySlice<Int>) -> (images: Samples, labels: Samples) {
      var chosenImages = Samples(width: images.width)
      var chosenLabels = Samples(width: 1)
      for index in indices {
        chosenImages.append(Array(images[index]))
        chosenLabels.append(Array(labels[index]))
      }
      return (chosenImages, chosenLabels)
    }
    let train = rows(order[0..<trainCount])
    let test = rows(order[trainCount..<kept])
    return Dataset(
      name: DatasetName.digits.rawValue, featureNames: Self.pixelNames, inputShape: Self.imageShape,
      targetNames: ["digit"], task: .classification(classCount: Self.classCount),
      trainInputs: train.images, trainTargets: train.labels, testInputs: test.images,
      testTargets: test.labels)
  }
}
