import Foundation

/// JSON literals written by hand, so a report streams instead of being built in memory. A JSON
/// string literal is a Python string literal too, so the exported scripts use the same escaping.
public enum JSONText {
  public static func string(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          result += String(format: "\\u%04x", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A number, or a string for the non-finite values JSON cannot hold.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "\"nan\"" : (value > 0 ? "\"inf\"" : "\"-inf\"") }
    return "\(value)"
  }
}
