import Foundation
import NeuralEngine

/// Reads a weight or bias named in a lesson (a goal's `weights`, a lab's `bowl-parameters`) and
/// checks it against the lab's network.
///
/// Spellings:
/// - every parameter by its engine name: `w1[0,2]` (dense layer 1, the weight from input 2
///   into neuron 0), `b2[0]`, `conv1.kernel[3,0,1,2]`, `lstm1.forget.w[4,7]`;
/// - for a single neuron (one dense layer, one output): `w.<feature>` (e.g. `w.size`), `w` when
///   there is exactly one input, and `b`.
public enum ParameterName {
  /// Why a parameter name was rejected.
  public enum NameError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case notInNetwork(ParameterID, network: String)
    case aliasNeedsSingleNeuron(String, network: String)
    case unknownFeature(String, [String])
    case ambiguousWeight([String])

    public var description: String {
      switch self {
      case .malformed(let name):
        "`\(name)` is not a parameter name (use w<layer>[<output>,<input>], b<layer>[<output>], a block name such as conv1.kernel[0,0,1,1], or w.<feature> / b for one neuron)"
      case .notInNetwork(let parameter, let network):
        "parameter `\(parameter)` does not exist in the lab's network \(network)"
      case .aliasNeedsSingleNeuron(let name, let network):
        "`\(name)` works only for a single neuron (no hidden layers); this network is \(network), name it like w1[0,0]"
      case .unknownFeature(let feature, let features):
        "the dataset has no feature `\(feature)` (features: \(features.joined(separator: ", ")))"
      case .ambiguousWeight(let features):
        "`w` alone needs a one-feature dataset; name one of \(features.map { "w.\($0)" }.joined(separator: ", "))"
      }
    }
  }

  /// Resolves `name` against `network`, whose inputs are called `featureNames`.
  public static func resolve(
    _ name: String, in network: Network, featureNames: [String]
  ) -> Result<ParameterID, NameError> {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    if let alias = resolveAlias(trimmed, in: network, featureNames: featureNames) { return alias }
    guard let parameter = ParameterID(parsing: trimmed) else { return .failure(.malformed(trimmed)) }
    guard network.contains(parameter) else {
      return .failure(.notInNetwork(parameter, network: summary(of: network)))
    }
    return .success(parameter)
  }

  /// Whether `network` is one dense neuron on its inputs (where `w.<feature>` and `b` work).
  public static func isSingleNeuron(_ network: Network) -> Bool {
    network.blocks.count == 2 && network.block(named: "w1") != nil && network.outputCount == 1
  }

  /// `3 → 4 → 1` for dense stacks, the layer list otherwise.
  static func summary(of network: Network) -> String {
    guard network.isDenseStack else { return network.modelDescription.description }
    let widths = [network.inputCount] + network.layers.filter(\.isDense).map(\.outputShape.count)
    return widths.map(String.init).joined(separator: " → ")
  }

  private static func resolveAlias(
    _ name: String, in network: Network, featureNames: [String]
  ) -> Result<ParameterID, NameError>? {
    let isAlias = name == "b" || name == "w" || name.hasPrefix("w.")
    guard isAlias else { return nil }
    guard isSingleNeuron(network) else { return .failure(.aliasNeedsSingleNeuron(name, network: summary(of: network))) }
    if name == "b" { return .success(.bias(layer: 0, output: 0)) }
    if name == "w" {
      guard network.inputCount == 1 else { return .failure(.ambiguousWeight(featureNames)) }
      return .success(.weight(layer: 0, output: 0, input: 0))
    }
    let feature = String(name.dropFirst(2))
    guard let input = featureNames.firstIndex(of: feature) else {
      return .failure(.unknownFeature(feature, featureNames))
    }
    return .success(.weight(layer: 0, output: 0, input: input))
  }
}
