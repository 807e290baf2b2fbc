import NeuralEngine

/// A weight or bias named in a goal or in `bowl-parameters`.
///
/// Spelling in lesson files:
/// - `w1[0,2]`: layer 1 (layers count from 1, the first layer after the inputs), weight from
///   input 2 into neuron 0 (both count from 0) — `w<layer>[<output>,<input>]`;
/// - `b2[0]`: layer 2, bias of neuron 0 — `b<layer>[<output>]`;
/// - for a single neuron (no hidden layers): `w.<feature>` (e.g. `w.size`), `w` when there is
///   exactly one input, and `b`.
public struct ParameterReference: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Which number of a layer a reference points at.
  public enum Kind: Equatable, Hashable, Sendable {
    case weight(output: Int, input: Int)
    case bias(output: Int)
  }

  /// Layer number counting from 1 (the first layer after the inputs).
  public var layer: Int
  public var kind: Kind

  public init(layer: Int, kind: Kind) {
    self.layer = layer
    self.kind = kind
  }

  /// The layer counting from 0, as arrays of layers are indexed.
  public var layerIndex: Int { layer - 1 }

  /// The engine's identity of the same parameter.
  public var parameterID: ParameterID {
    switch kind {
    case .weight(let output, let input): .weight(layer: layerIndex, output: output, input: input)
    case .bias(let output): .bias(layer: layerIndex, output: output)
    }
  }

  /// The canonical spelling: `w1[0,2]` or `b1[0]`.
  public var description: String {
    switch kind {
    case .weight(let output, let input): "w\(layer)[\(output),\(input)]"
    case .bias(let output): "b\(layer)[\(output)]"
    }
  }

  /// Parses a name against `shape`; returns the reference or why the name does not fit.
  public static func resolve(_ name: String, in shape: NetworkShape) -> Result<ParameterReference, NameError> {
    let trimmed = String(name.trimmingSpaces())
    if let alias = resolveAlias(trimmed, in: shape) { return alias }
    guard let reference = parseCanonical(trimmed) else {
      return .failure(.malformed(trimmed))
    }
    guard shape.contains(reference) else {
      return .failure(.notInNetwork(reference, shape))
    }
    return .success(reference)
  }

  /// Why a parameter name was rejected.
  public enum NameError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case notInNetwork(ParameterReference, NetworkShape)
    case aliasNeedsSingleNeuron(String, NetworkShape)
    case unknownFeature(String, [String])
    case ambiguousWeight([String])

    public var description: String {
      switch self {
      case .malformed(let name):
        "`\(name)` is not a parameter name (use w<layer>[<output>,<input>], b<layer>[<output>], or w.<feature> / b for one neuron)"
      case .notInNetwork(let reference, let shape):
        "parameter `\(reference)` does not exist in the lab's network \(shape)"
      case .aliasNeedsSingleNeuron(let name, let shape):
        "`\(name)` works only for a single neuron (no hidden layers); this network is \(shape), name it like w1[0,0]"
      case .unknownFeature(let feature, let features):
        "the dataset has no feature `\(feature)` (features: \(features.joined(separator: ", ")))"
      case .ambiguousWeight(let features):
        "`w` alone needs a one-feature dataset; name one of \(features.map { "w.\($0)" }.joined(separator: ", "))"
      }
    }
  }

  // MARK: - Private

  private static func resolveAlias(
    _ name: String, in shape: NetworkShape
  ) -> Result<ParameterReference, NameError>? {
    let isAlias = name == "b" || name == "w" || name.hasPrefix("w.")
    guard isAlias else { return nil }
    guard shape.isSingleNeuron else { return .failure(.aliasNeedsSingleNeuron(name, shape)) }
    if name == "b" { return .success(ParameterReference(layer: 1, kind: .bias(output: 0))) }
    if name == "w" {
      guard shape.inputCount == 1 else {
        return .failure(.ambiguousWeight(shape.featureNames))
      }
      return .success(ParameterReference(layer: 1, kind: .weight(output: 0, input: 0)))
    }
    let feature = String(name.dropFirst(2))
    guard let input = shape.featureNames.firstIndex(of: feature) else {
      return .failure(.unknownFeature(feature, shape.featureNames))
    }
    return .success(ParameterReference(layer: 1, kind: .weight(output: 0, input: input)))
  }

  /// Parses `w<layer>[<output>,<input>]` or `b<layer>[<output>]` (spaces allowed in brackets).
  private static func parseCanonical(_ name: String) -> ParameterReference? {
    guard let letter = name.first, letter == "w" || letter == "b" else { return nil }
    let afterLetter = name.dropFirst()
    let digits = afterLetter.prefix(while: { $0.isASCII && $0.isNumber })
    guard (1...4).contains(digits.count), let layer = Int(digits), layer >= 1 else { return nil }
    let bracketed = afterLetter.dropFirst(digits.count)
    guard bracketed.hasPrefix("["), bracketed.hasSuffix("]"), bracketed.count >= 2 else { return nil }
    let numbers = bracketed.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
      .map { Int($0.trimmingSpaces()) }
    guard
      numbers.allSatisfy({ number in
        guard let number else { return false }
        return number >= 0 && number < 100_000
      })
    else { return nil }
    let values = numbers.compactMap { $0 }
    switch (letter, values.count) {
    case ("w", 2): return ParameterReference(layer: layer, kind: .weight(output: values[0], input: values[1]))
    case ("b", 1): return ParameterReference(layer: layer, kind: .bias(output: values[0]))
    default: return nil
    }
  }
}
