import NeuralEngine

extension ModelDescription {
  /// The description with repeated runs folded, short enough for a status line:
  /// `dense 8 sigmoid ×6, dense 1 sigmoid`, `(dense 8, batchnorm, relu) ×6, dense 1 sigmoid`.
  ///
  /// At each item the longest group of up to four items that repeats straight after itself is
  /// folded, so a block of layers written six times reads as one block and a count.
  var compactDescription: String {
    let items = layers.map(\.description)
    var parts: [String] = []
    var index = 0
    while index < items.count {
      var best = (length: 1, repeats: 1)
      for length in 1...min(4, items.count - index) {
        let group = items[index..<(index + length)]
        var repeats = 1
        while index + (repeats + 1) * length <= items.count,
          items[(index + repeats * length)..<(index + (repeats + 1) * length)].elementsEqual(group)
        {
          repeats += 1
        }
        if repeats > 1, length * repeats > best.length * best.repeats { best = (length, repeats) }
      }
      let group = items[index..<(index + best.length)].joined(separator: ", ")
      if best.repeats > 1 {
        parts.append((best.length > 1 ? "(\(group))" : group) + " ×\(best.repeats)")
      } else {
        parts.append(group)
      }
      index += best.length * best.repeats
    }
    return parts.joined(separator: ", ")
  }
}
