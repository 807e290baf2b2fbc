extension ModelDescription {
  /// Parses `conv 8 3x3 relu, maxpool 2, dense 10 softmax` (see the grammar on the type).
  ///
  /// Words are separated by spaces; case does not matter. Sizes are checked against
  /// `ModelLimits` here; whether the layers fit together is checked when a network is built for
  /// an input shape (`Network(description:inputShape:)`).
  public init(parsing text: String) throws(ModelError) {
    let items = text.split(separator: ",", omittingEmptySubsequences: false)
    guard !text.allSatisfy({ $0 == " " || $0 == "\t" }) else {
      throw ModelError(reason: "the description is empty (e.g. \"dense 4 tanh, dense 1 sigmoid\")")
    }
    guard items.count <= ModelLimits.layers else {
      throw ModelError(reason: "\(items.count) layers is more than the limit of \(ModelLimits.layers)")
    }
    var layers: [LayerSpec] = []
    for (index, item) in items.enumerated() {
      let words = item.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
      let written = words.joined(separator: " ")
      do {
        layers.append(try Self.parseItem(words))
      } catch let reason {
        throw ModelError(layer: index + 1, text: String(written.prefix(40)), reason: reason.text)
      }
    }
    self.init(layers: layers)
  }

  private struct Reason: Error { let text: String }

  private static let kinds = "dense, conv, maxpool, avgpool, flatten, dropout, rnn, lstm, residual, batchnorm or an activation"

  private static func parseItem(_ words: [String]) throws(Reason) -> LayerSpec {
    guard let head = words.first else { throw Reason(text: "empty layer (two commas in a row?)") }
    var rest = Array(words.dropFirst())
    switch head {
    case "dense":
      let units = try size(&rest, what: "neurons", limit: ModelLimits.width)
      let activation = try optionalActivation(&rest)
      try expectEnd(rest)
      return .dense(units: units, activation: activation)
    case "conv", "convolution":
      let filters = try size(&rest, what: "filters", limit: ModelLimits.width)
      let kernel = try kernelSize(&rest)
      var stride = 1
      var padding = 0
      var activation: Activation?
      while let word = rest.first {
        rest.removeFirst()
        switch word {
        case "stride": stride = try size(&rest, what: "stride", limit: ModelLimits.kernel)
        case "pad", "padding":
          if rest.first == "same" {
            rest.removeFirst()
            guard kernel % 2 == 1 else { throw Reason(text: "'pad same' needs an odd kernel size") }
            padding = kernel / 2
          } else {
            padding = try size(&rest, what: "padding", limit: ModelLimits.kernel, allowsZero: true)
          }
        default:
          guard activation == nil, let parsed = Activation(rawValue: word) else {
            throw Reason(text: "unexpected '\(word)' (conv N KxK [stride S] [pad P|same] [activation])")
          }
          activation = parsed
        }
      }
      return .convolution(filters: filters, kernel: kernel, stride: stride, padding: padding, activation: activation)
    case "maxpool", "avgpool":
      let windowSize = try size(&rest, what: "window size", limit: ModelLimits.kernel)
      var stride = windowSize
      if rest.first == "stride" {
        rest.removeFirst()
        stride = try size(&rest, what: "stride", limit: ModelLimits.kernel)
      }
      try expectEnd(rest)
      return head == "maxpool" ? .maxPool(size: windowSize, stride: stride) : .averagePool(size: windowSize, stride: stride)
    case "flatten":
      try expectEnd(rest)
      return .flatten
    case "dropout":
      guard let word = rest.first, let rate = Double(word), rate.isFinite, rate >= 0, rate < 1 else {
        throw Reason(text: "dropout needs a rate from 0 up to (not including) 1, e.g. dropout 0.2")
      }
      rest.removeFirst()
      try expectEnd(rest)
      return .dropout(rate: rate)
    case "rnn", "lstm":
      let units = try size(&rest, what: "hidden units", limit: ModelLimits.width)
      var sequences = false
      if let word = rest.first, word == "sequences" || word == "sequence" {
        rest.removeFirst()
        sequences = true
      }
      try expectEnd(rest)
      return head == "rnn" ? .recurrent(units: units, returnsSequences: sequences) : .lstm(units: units, returnsSequences: sequences)
    case "residual":
      let units = try size(&rest, what: "neurons", limit: ModelLimits.width)
      let activation = try optionalActivation(&rest)
      try expectEnd(rest)
      return .residual(units: units, activation: activation)
    case "batchnorm", "batch-norm":
      try expectEnd(rest)
      return .batchNorm
    default:
      if let activation = Activation(rawValue: head) {
        try expectEnd(rest)
        return .activation(activation)
      }
      throw Reason(text: "unknown layer '\(head.prefix(20))' (choose \(kinds))")
    }
  }

  private static func size(_ words: inout [String], what: String, limit: Int, allowsZero: Bool = false) throws(Reason) -> Int {
    guard let word = words.first else { throw Reason(text: "missing the number of \(what)") }
    guard word.count <= 9, let value = Int(word) else {
      throw Reason(text: "'\(word.prefix(20))' is not a whole number of \(what)")
    }
    guard value >= (allowsZero ? 0 : 1), value <= limit else {
      throw Reason(text: "\(what) must be from \(allowsZero ? 0 : 1) to \(limit) (got \(value))")
    }
    words.removeFirst()
    return value
  }

  /// `3x3`, `3×3` or `3`; only square kernels.
  private static func kernelSize(_ words: inout [String]) throws(Reason) -> Int {
    guard let word = words.first else { throw Reason(text: "missing the kernel size, e.g. 3x3") }
    let sides = word.split(whereSeparator: { $0 == "x" || $0 == "×" }).map(String.init)
    guard (1...2).contains(sides.count), let first = sides.first, first.count <= 3, let side = Int(first),
      sides.allSatisfy({ $0 == first })
    else {
      throw Reason(text: "'\(word.prefix(20))' is not a square kernel size such as 3x3")
    }
    guard (1...ModelLimits.kernel).contains(side) else {
      throw Reason(text: "kernel size must be from 1 to \(ModelLimits.kernel) (got \(side))")
    }
    words.removeFirst()
    return side
  }

  private static func optionalActivation(_ words: inout [String]) throws(Reason) -> Activation? {
    guard let word = words.first else { return nil }
    guard let activation = Activation(rawValue: word) else {
      throw Reason(text: "unknown activation '\(word.prefix(20))' (choose \(Activation.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    words.removeFirst()
    return activation
  }

  private static func expectEnd(_ words: [String]) throws(Reason) {
    if let word = words.first { throw Reason(text: "unexpected '\(word.prefix(20))'") }
  }
}
