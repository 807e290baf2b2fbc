/// Learning-rate steps for `+`/`-`: the E6 preferred numbers (1, 1.5, 2.2, 3.3, 4.7, 6.8 × 10ⁿ),
/// a ratio of about 1.5 per press that always lands on a readable value.
///
/// `+` never lowers the rate and `-` never raises it: a rate set outside the ladder's range (say
/// `--lr 500` or `--lr 1e-8` on the command line) stays where it is at that end.
enum LearningRateLadder {
  static let range: ClosedRange<Double> = 1e-6...100

  /// Parsed from decimal text so each rung is the double nearest its printed value.
  private static let values: [Double] = (-6...2).flatMap { exponent in
    ["1.0", "1.5", "2.2", "3.3", "4.7", "6.8"].compactMap { Double("\($0)e\(exponent)") }
  }.filter { range.contains($0) }

  /// The next rung strictly above `rate`; `rate` itself at or above the top (or when not a number).
  static func above(_ rate: Double) -> Double {
    guard rate < range.upperBound else { return rate }
    return values.first { $0 > rate * (1 + 1e-9) } ?? range.upperBound
  }

  /// The next rung strictly below `rate`; `rate` itself at or below the bottom (or when not a number).
  static func below(_ rate: Double) -> Double {
    guard rate > range.lowerBound else { return rate }
    return values.last { $0 < rate * (1 - 1e-9) } ?? range.lowerBound
  }
}
