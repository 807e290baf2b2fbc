/// Names one weight or bias of a `Network`.
///
/// `layer` is 0-based in code; the text form is 1-based like the lessons: `w1[0,2]` is the weight
/// from input 2 into node 0 of the first layer, `b1[0]` that node's bias.
public struct ParameterID: Hashable, Sendable, CustomStringConvertible {
  /// Which kind of parameter, and where in its layer.
  public enum Kind: Hashable, Sendable {
    /// The weight from `input` into node `output`.
    case weight(output: Int, input: Int)
    /// The bias of node `output`.
    case bias(output: Int)
  }

  /// 0-based layer index.
  public var layer: Int
  public var kind: Kind

  public init(layer: Int, kind: Kind) {
    self.layer = layer
    self.kind = kind
  }

  /// The weight from `input` into node `output` of `layer`.
  public static func weight(layer: Int, output: Int, input: Int) -> ParameterID {
    ParameterID(layer: layer, kind: .weight(output: output, input: input))
  }

  /// The bias of node `output` of `layer`.
  public static func bias(layer: Int, output: Int) -> ParameterID {
    ParameterID(layer: layer, kind: .bias(output: output))
  }

  public var description: String {
    switch kind {
    case .weight(let output, let input): return "w\(layer + 1)[\(output),\(input)]"
    case .bias(let output): return "b\(layer + 1)[\(output)]"
    }
  }
}
