/// A network written as a list of layers, the same value in `--model`, in a lab's `model:` key
/// and in the engine: `conv 8 3x3 relu, maxpool 2, dense 10 softmax`.
///
/// The text grammar (one layer per comma-separated item; see `ModelDescription(parsing:)`):
///
/// | item | layer |
/// |---|---|
/// | `dense N [activation]` | fully connected, N outputs |
/// | `conv N KxK [stride S] [pad P\|same] [activation]` | N filters of K×K |
/// | `maxpool K [stride S]`, `avgpool K [stride S]` | pooling over K×K windows (stride K) |
/// | `flatten` | one vector per sample |
/// | `dropout R` | drops a fraction R while training |
/// | `rnn N [sequences]`, `lstm N [sequences]` | recurrent, N hidden units; `sequences` keeps every step |
/// | `residual N [activation]` | `x + f(W x + b)` on an N-wide input |
/// | `batchnorm` | batch normalisation |
/// | an activation name | `relu`, `tanh`, `sigmoid`, `leaky-relu`, `softmax`, `linear` |
public struct ModelDescription: Hashable, Sendable, CustomStringConvertible {
  /// One item of a description.
  public enum LayerSpec: Hashable, Sendable, CustomStringConvertible {
    case dense(units: Int, activation: Activation?)
    case convolution(filters: Int, kernel: Int, stride: Int, padding: Int, activation: Activation?)
    case maxPool(size: Int, stride: Int)
    case averagePool(size: Int, stride: Int)
    case flatten
    case dropout(rate: Double)
    case recurrent(units: Int, returnsSequences: Bool)
    case lstm(units: Int, returnsSequences: Bool)
    case residual(units: Int, activation: Activation?)
    case batchNorm
    case activation(Activation)

    /// The item as it is written: `conv 8 3x3 relu`.
    public var description: String {
      func suffix(_ activation: Activation?) -> String { activation.map { " \($0.rawValue)" } ?? "" }
      switch self {
      case .dense(let units, let activation): return "dense \(units)\(suffix(activation))"
      case .convolution(let filters, let kernel, let stride, let padding, let activation):
        var text = "conv \(filters) \(kernel)x\(kernel)"
        if stride != 1 { text += " stride \(stride)" }
        if padding != 0 { text += " pad \(padding)" }
        return text + suffix(activation)
      case .maxPool(let size, let stride): return "maxpool \(size)" + (stride == size ? "" : " stride \(stride)")
      case .averagePool(let size, let stride): return "avgpool \(size)" + (stride == size ? "" : " stride \(stride)")
      case .flatten: return "flatten"
      case .dropout(let rate): return "dropout \(rate)"
      case .recurrent(let units, let sequences): return "rnn \(units)" + (sequences ? " sequences" : "")
      case .lstm(let units, let sequences): return "lstm \(units)" + (sequences ? " sequences" : "")
      case .residual(let units, let activation): return "residual \(units)\(suffix(activation))"
      case .batchNorm: return "batchnorm"
      case .activation(let activation): return activation.rawValue
      }
    }
  }

  public var layers: [LayerSpec]

  public init(layers: [LayerSpec]) {
    self.layers = layers
  }

  /// The dense network of the `--layers 4,2 --activation tanh` shorthand: one dense layer per
  /// hidden size with `activation`, then `outputCount` outputs with `outputActivation`, and a
  /// dropout layer after each hidden activation when `dropout` > 0.
  public static func dense(
    hidden: [Int], activation: Activation, outputCount: Int, outputActivation: Activation,
    dropout: Double = 0
  ) -> ModelDescription {
    var layers: [LayerSpec] = []
    for size in hidden {
      layers.append(.dense(units: size, activation: activation))
      if dropout > 0 { layers.append(.dropout(rate: dropout)) }
    }
    layers.append(.dense(units: outputCount, activation: outputActivation == .linear ? nil : outputActivation))
    return ModelDescription(layers: layers)
  }

  /// The activation the description ends with (`linear` when it ends with a plain layer).
  public var outputActivation: Activation {
    for layer in layers.reversed() {
      switch layer {
      case .activation(let activation): return activation
      case .dense(_, let activation), .convolution(_, _, _, _, let activation):
        return activation ?? .linear
      case .dropout: continue
      default: return .linear
      }
    }
    return .linear
  }

  /// `conv 8 3x3 relu, maxpool 2, dense 10 softmax`.
  public var description: String { layers.map(\.description).joined(separator: ", ") }
}
