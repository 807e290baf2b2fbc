/// Names one parameter: a block and the indices inside it, written as the lessons write it:
/// `w1[0,2]` (dense layer 1, the weight from input 2 into neuron 0), `b1[0]`,
/// `conv1.kernel[3,0,1,2]`, `lstm1.forget.w[4,7]`.
///
/// An identity is independent of any network; `Network.position(of:)` resolves it (nil when the
/// network has no such parameter).
public struct ParameterID: Hashable, Sendable, CustomStringConvertible {
  /// The block's full name, e.g. `w1` or `conv1.kernel`.
  public var block: String
  /// One index per dimension of the block, each counting from 0.
  public var indices: [Int]

  public init(block: String, indices: [Int]) {
    self.block = block
    self.indices = indices
  }

  /// The weight from `input` into neuron `output` of dense layer `layer` (counting from 0).
  public static func weight(layer: Int, output: Int, input: Int) -> ParameterID {
    ParameterID(block: "w\(layer + 1)", indices: [output, input])
  }

  /// The bias of neuron `output` of dense layer `layer` (counting from 0).
  public static func bias(layer: Int, output: Int) -> ParameterID {
    ParameterID(block: "b\(layer + 1)", indices: [output])
  }

  /// Parses `name[i,j,…]` (spaces allowed inside the brackets); nil when malformed.
  public init?(parsing text: some StringProtocol) {
    let trimmed = text.trimmingSpaces()
    guard let open = trimmed.firstIndex(of: "["), trimmed.hasSuffix("]") else { return nil }
    let name = trimmed[..<open]
    guard !name.isEmpty, name.count <= 64,
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }),
      name.first?.isLetter == true
    else { return nil }
    let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
    let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
    guard (1...4).contains(parts.count) else { return nil }
    var indices: [Int] = []
    for part in parts {
      let digits = part.trimmingSpaces()
      guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(digits)
      else { return nil }
      indices.append(value)
    }
    self.init(block: String(name), indices: indices)
  }

  /// Whether this names a bias-like block (`b1`, `conv1.bias`, `lstm1.forget.b`, `bn1.beta`).
  public var isBias: Bool {
    if block.first == "b", block.dropFirst().allSatisfy(\.isNumber) { return true }
    return block.hasSuffix(".bias") || block.hasSuffix(".b") || block.hasSuffix(".beta")
  }

  /// `w1[0,2]`.
  public var description: String {
    "\(block)[\(indices.map(String.init).joined(separator: ","))]"
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> SubSequence {
    var text = self[...]
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return text
  }
}
