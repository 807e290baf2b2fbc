import Foundation

/// A setup as one short line, to copy from the playground, paste to `--setup`, or send to a
/// friend: `circle;4,2;tanh;opt=sgd;lr=0.03;batch=10;seed=1`.
///
/// Grammar: fields separated by `;`. A field without `=` is, in the order they come, the
/// dataset, the network and the hidden activation (skipping those already given by key);
/// every other field is `key=value`:
///
/// | field | meaning |
/// |---|---|
/// | `circle` (or `data=circle`), `csv=FILE` with `target=COLUMN` | the data |
/// | `4,2` (or `layers=4,2`), `-` for a single neuron, or a model description (`model=…`) | the network |
/// | `tanh` (or `act=tanh`) | hidden activation of the dense shorthand |
/// | `features=x1-squared,x2-squared` | inputs computed from 2-D data (x1, x2, x1-squared, x2-squared, x1-times-x2, sin-x1, sin-x2) |
/// | `out=sigmoid`, `loss=bce` | output activation and loss (derived when absent) |
/// | `opt=adam`, `lr=0.03`, `batch=full\|1\|N` | optimizer, learning rate, batch mode |
/// | `l1=0.001` or `l2=0.001`, `drop=0.2`, `init=he`, `clip=1\|off` | regularization, dropout, initialisation, gradient clipping |
/// | `seed=1`, `dataseed=3` | the run's seed; the data's when it differs |
/// | `samples=400`, `noise=0.2`, `test-fraction=0.5`, `length=40`, `train-samples=50`, `classes=0,1`, `test-shift=1` | how the data is drawn |
/// | `epochs=200` | passes for `descent train` (the playground ignores it) |
///
/// Longer names work as keys too (`learning-rate`, `optimizer`, `output-activation`,
/// `dropout`, `initialisation`, `data-seed`, `dataset`, `activation`, `inputs`). `%3B` and `%25` stand
/// for `;` and `%` inside a CSV path or column name. Numbers are written so that reading them
/// back gives the same bits, so the text and the setup round-trip exactly.
extension RunSetup {
  // MARK: - Writing

  /// The setup in its canonical form: positional fields first, then the settings in a fixed
  /// order, leaving out those at their derived default.
  public var text: String {
    var fields: [String] = []
    switch data.source {
    case .builtIn(let name): fields.append(name.rawValue)
    case .csv(let path, let target): fields += ["csv=" + Self.escaped(path), "target=" + Self.escaped(target)]
    }
    if let model {
      fields.append(model.description)
    } else {
      fields.append(hiddenLayers.isEmpty ? "-" : hiddenLayers.map(String.init).joined(separator: ","))
      fields.append(activation.rawValue)
    }
    if model != nil, activation != .tanh { fields.append("act=" + activation.rawValue) }
    if let inputFeatures { fields.append("features=" + inputFeatures.map(\.rawValue).joined(separator: ",")) }
    if let outputActivation { fields.append("out=" + outputActivation.rawValue) }
    if let loss { fields.append("loss=" + loss.rawValue) }
    fields.append("opt=" + optimizer.rawValue)
    fields.append("lr=" + Self.number(learningRate))
    if let batchMode { fields.append("batch=" + Self.batchText(batchMode)) }
    switch regularization {
    case .none: break
    case .l1(let strength): fields.append("l1=" + Self.number(strength))
    case .l2(let strength): fields.append("l2=" + Self.number(strength))
    }
    if dropout != 0 { fields.append("drop=" + Self.number(dropout)) }
    if let initialisation { fields.append("init=" + initialisation.rawValue) }
    switch gradientClip {
    case .automatic: break
    case .off: fields.append("clip=off")
    case .norm(let norm): fields.append("clip=" + Self.number(norm))
    }
    fields.append("seed=\(seed)")
    if data.seed != seed { fields.append("dataseed=\(data.seed)") }
    if let count = data.sampleCount { fields.append("samples=\(count)") }
    if let noise = data.noise { fields.append("noise=" + Self.number(noise)) }
    if let fraction = data.testFraction { fields.append("test-fraction=" + Self.number(fraction)) }
    if let length = data.length { fields.append("length=\(length)") }
    if let count = data.trainSamples { fields.append("train-samples=\(count)") }
    if let classes = data.classes { fields.append("classes=" + classes.map(String.init).joined(separator: ",")) }
    if let shift = data.testShift { fields.append("test-shift=\(shift)") }
    if let epochs { fields.append("epochs=\(epochs)") }
    return fields.joined(separator: ";")
  }

  /// The shortest text that reads back as the same `Double`: `0.03`, `1e-05`, `2`.
  public static func number(_ value: Double) -> String {
    var text = String(value)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  static func batchText(_ mode: BatchMode) -> String {
    switch mode {
    case .fullBatch: "full"
    case .stochastic: "1"
    case .miniBatch(let size): String(size)
    }
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: ";", with: "%3B")
  }

  static func unescaped(_ text: Substring) -> String {
    String(text).replacingOccurrences(of: "%3B", with: ";").replacingOccurrences(of: "%3b", with: ";")
      .replacingOccurrences(of: "%25", with: "%")
  }

  // MARK: - Reading

  /// The keys a field may name, each with its canonical spelling.
  static let keyAliases: [String: String] = [
    "data": "data", "dataset": "data", "csv": "csv", "target": "target",
    "layers": "layers", "model": "model", "act": "act", "activation": "act", "features": "features", "inputs": "features",
    "out": "out", "output-activation": "out", "loss": "loss",
    "opt": "opt", "optimizer": "opt", "lr": "lr", "learning-rate": "lr", "batch": "batch",
    "l1": "l1", "l2": "l2", "drop": "drop", "dropout": "drop",
    "init": "init", "initialisation": "init", "initialization": "init", "clip": "clip",
    "seed": "seed", "dataseed": "dataseed", "data-seed": "dataseed",
    "samples": "samples", "noise": "noise", "test-fraction": "test-fraction", "length": "length", "train-samples": "train-samples",
    "classes": "classes", "test-shift": "test-shift", "epochs": "epochs",
  ]

  /// The canonical keys, in the order the text writes them, for error messages.
  static let canonicalKeys = [
    "data", "csv", "target", "layers", "model", "act", "features", "out", "loss", "opt", "lr", "batch", "l1", "l2", "drop",
    "init", "clip", "seed", "dataseed", "samples", "noise", "test-fraction", "length", "train-samples", "classes",
    "test-shift", "epochs",
  ]

  /// Reads a setup string; the first problem is one line naming the field.
  public init(parsing text: String) throws(SetupError) {
    var values: [String: Substring] = [:]
    var positional = 0
    let positionalKeys = ["data", "network", "act"]
    for rawField in text.split(separator: ";", omittingEmptySubsequences: false) {
      // Spaces and line ends around a field are ignored: a string copied across lines pastes back.
      let field = Substring(rawField.trimmingCharacters(in: .whitespacesAndNewlines))
      if field.isEmpty { continue }
      let key: String
      let value: Substring
      if let equals = field.firstIndex(of: "=") {
        let name = field[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        guard let canonical = Self.keyAliases[name] else {
          throw SetupError("unknown field '\(Self.shown(name))' (known: \(Self.canonicalKeys.joined(separator: ", ")))")
        }
        key = canonical
        value = Substring(field[field.index(after: equals)...].trimmingCharacters(in: .whitespaces))
      } else {
        // The next of dataset, network, activation not given yet (`csv=` gives the dataset).
        func given(_ slot: String) -> Bool {
          switch slot {
          case "data": values["data"] != nil || values["csv"] != nil
          case "network": values["layers"] != nil || values["model"] != nil
          default: values[slot] != nil
          }
        }
        while positional < positionalKeys.count, given(positionalKeys[positional]) { positional += 1 }
        guard positional < positionalKeys.count else {
          throw SetupError("'\(Self.shown(field))' needs a key (key=value): only the dataset, the network and the activation go without one")
        }
        key = positionalKeys[positional]
        positional += 1
        value = field
      }
      let slot = key == "network" ? (Self.looksLikeSizes(value) ? "layers" : "model") : key
      if values[slot] != nil || (slot == "layers" && values["model"] != nil) || (slot == "model" && values["layers"] != nil) {
        throw SetupError(slot == "layers" || slot == "model" ? "the network is given twice" : "'\(slot)' is given twice")
      }
      if (slot == "data" && values["csv"] != nil) || (slot == "csv" && values["data"] != nil) {
        throw SetupError("give a dataset or csv=FILE, not both")
      }
      if (slot == "l1" && values["l2"] != nil) || (slot == "l2" && values["l1"] != nil) {
        throw SetupError("give l1 or l2, not both")
      }
      values[slot] = value
    }
    try self.init(fields: values)
  }

  private init(fields values: [String: Substring]) throws(SetupError) {
    func parsed<T>(_ key: String, _ what: String, _ read: (Substring) -> T?) throws(SetupError) -> T? {
      guard let value = values[key] else { return nil }
      guard let result = read(value) else { throw SetupError("'\(Self.shown(value))' is \(what)", field: key) }
      return result
    }
    func named<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(SetupError) -> T? where T.RawValue == String {
      try parsed(key, "unknown (choose \(T.allCases.map(\.rawValue).joined(separator: ", ")))") { T(rawValue: String($0).lowercased()) }
    }
    func number(_ key: String) throws(SetupError) -> Double? {
      try parsed(key, "not a number") { Double($0).flatMap { $0.isFinite ? $0 : nil } }
    }
    func whole(_ key: String) throws(SetupError) -> Int? {
      try parsed(key, "not a whole number") { Int($0) }
    }

    let source: DataRecipe.Source
    if let path = values["csv"] {
      guard let target = values["target"], !target.isEmpty else { throw SetupError("csv=FILE needs target=COLUMN (the column to predict)") }
      guard !path.isEmpty else { throw SetupError("csv= needs a file name") }
      source = .csv(path: Self.unescaped(path), target: Self.unescaped(target))
    } else {
      guard values["target"] == nil else { throw SetupError("target= only applies with csv=FILE") }
      guard let name = try named("data", DatasetName.self) else {
        throw SetupError("no dataset: start with one of \(DatasetName.allCases.map(\.rawValue).joined(separator: ", ")) (or csv=FILE)")
      }
      source = .builtIn(name)
    }
    let seed = try parsed("seed", "not a seed (a whole number from 0 to \(UInt64.max))") { UInt64($0) } ?? 1
    let dataSeed = try parsed("dataseed", "not a seed (a whole number from 0 to \(UInt64.max))") { UInt64($0) } ?? seed
    let classes = try parsed("classes", "not a list of class numbers such as 0,1") { text -> [Int]? in
      let parts = text.split(separator: ",").map { Int($0.trimmingSpaces()) }
      return parts.isEmpty || parts.contains(nil) ? nil : parts.compactMap { $0 }
    }
    let data = DataRecipe(
      source: source, seed: dataSeed, sampleCount: try whole("samples"), noise: try number("noise"),
      length: try whole("length"), trainSamples: try whole("train-samples"), classes: classes,
      testShift: try whole("test-shift"), testFraction: try number("test-fraction"))

    var model: ModelDescription?
    if let text = values["model"] {
      do {
        model = try ModelDescription(parsing: String(text))
      } catch {
        throw SetupError("\(error)", field: "model")
      }
    }
    let hiddenLayers = try parsed("layers", "not hidden layer sizes such as 4,2 (or - for a single neuron)") { Self.sizes($0) } ?? []
    var regularization = Regularization.none
    if let strength = try number("l1") { regularization = .l1(strength) }
    if let strength = try number("l2") { regularization = .l2(strength) }
    var clip = GradientClip.automatic
    if let text = values["clip"] {
      switch text.lowercased() {
      case "off", "0": clip = .off
      case "auto": clip = .automatic
      default: clip = .norm(try number("clip") ?? 0)
      }
    }
    self.init(
      data: data, model: model, hiddenLayers: hiddenLayers, activation: try named("act", Activation.self) ?? .tanh,
      outputActivation: try named("out", Activation.self), loss: try named("loss", LossFunction.self),
      optimizer: try named("opt", OptimizerKind.self) ?? .sgd, learningRate: try number("lr") ?? 0.1,
      batchMode: try parsed("batch", "not full, 1 or a mini-batch size of 2 or more") { BatchMode(argument: String($0)) },
      regularization: regularization, dropout: try number("drop") ?? 0,
      initialisation: try named("init", WeightInitialisation.self), seed: seed, gradientClip: clip,
      epochs: try whole("epochs"), inputFeatures: try Self.features(values["features"]))
    if let problem { throw problem }
  }

  /// The `features=` list, in the order given; `x1,x2` (the plain inputs) reads as none.
  private static func features(_ text: Substring?) throws(SetupError) -> [InputFeature]? {
    guard let text else { return nil }
    var features: [InputFeature] = []
    for name in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let feature = InputFeature(rawValue: name.trimmingSpaces().lowercased()) else {
        throw SetupError(
          "'\(shown(name))' is not an input feature (choose \(InputFeature.allCases.map(\.rawValue).joined(separator: ", ")))",
          field: "features")
      }
      features.append(feature)
    }
    return features == InputFeature.plain ? nil : features
  }

  /// Whether a network field is hidden layer sizes (`4,2`, `-`) rather than a description.
  private static func looksLikeSizes(_ text: Substring) -> Bool {
    text == "-" || text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == " ") }
  }

  private static func sizes(_ text: Substring) -> [Int]? {
    if text == "-" { return [] }
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingSpaces()) }
    guard !parts.contains(nil) else { return nil }
    return parts.compactMap { $0 }
  }

  /// A value as an error message shows it: printable and at most 40 characters.
  private static func shown(_ text: some StringProtocol) -> String {
    let printable = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }))
    return printable.count > 40 ? String(printable.prefix(39)) + "…" : printable
  }
}
