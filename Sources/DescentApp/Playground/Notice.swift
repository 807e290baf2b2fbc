/// A short message on the status line about what just happened.
public struct Notice: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case info, warning }

  public var text: String
  public var kind: Kind

  public init(_ text: String, kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }
}
