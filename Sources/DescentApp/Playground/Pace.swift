/// How fast a playing run trains: steps per second of the screen's clock, or as fast as the
/// machine allows.
///
/// The program loop ticks about 30 times a second (`secondsPerTick`). A pace below that takes a
/// step every few ticks: the playground carries the fraction of a step owed from tick to tick
/// (`Pace.Carry`), so 3 steps per second really is one step every tenth of a tick-second.
public struct Pace: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Steps per second; nil means as many as fit in each frame's time budget.
  public let stepsPerSecond: Double?

  /// A pace of `stepsPerSecond` (positive and finite) steps per second; anything else is
  /// `maximum`.
  public init(stepsPerSecond: Double?) {
    if let stepsPerSecond, stepsPerSecond.isFinite, stepsPerSecond > 0 {
      self.stepsPerSecond = stepsPerSecond
    } else {
      self.stepsPerSecond = nil
    }
  }

  /// As many steps as fit in each frame's time budget.
  public static let maximum = Pace(stepsPerSecond: nil)

  /// What `descent play` starts at: fast enough to see a network learn, slow enough to follow.
  public static let playgroundDefault = Pace(stepsPerSecond: 30)

  /// What a lab that names no pace starts at.
  public static let labDefault = Pace(stepsPerSecond: 10)

  /// Seconds one tick of the program loop stands for.
  public static let secondsPerTick = Double(ProgramLoop.frameMilliseconds) / 1000

  /// The paces `s` and `S` step through (steps per second), then `maximum`.
  static let ladder: [Double] = [1, 3, 10, 30, 100, 300, 1000]

  /// The next pace up the ladder; after the last rung, `maximum`; after `maximum`, the first
  /// rung again (so `s` alone reaches every pace).
  var faster: Pace {
    guard let stepsPerSecond else { return Pace(stepsPerSecond: Self.ladder[0]) }
    return Self.ladder.first { $0 > stepsPerSecond * (1 + 1e-9) }.map { Pace(stepsPerSecond: $0) } ?? .maximum
  }

  /// The next pace down the ladder; the slowest rung stays where it is.
  var slower: Pace {
    guard let stepsPerSecond else { return Pace(stepsPerSecond: Self.ladder[Self.ladder.count - 1]) }
    return Self.ladder.last { $0 < stepsPerSecond * (1 - 1e-9) }.map { Pace(stepsPerSecond: $0) } ?? self
  }

  /// `30/s`, `0.5/s`, `max`.
  public var description: String {
    guard let stepsPerSecond else { return "max" }
    if stepsPerSecond == stepsPerSecond.rounded(), stepsPerSecond < 1e9 { return "\(Int(stepsPerSecond))/s" }
    return "\(stepsPerSecond)/s"
  }

  /// What the status line says when the learner has just chosen this pace.
  var announcement: Notice {
    let words = stepsPerSecond == nil ? "as fast as this machine allows" : "\(description.dropLast(2)) steps a second"
    return Notice("pace \(self): \(words) (s faster, S slower)")
  }

  /// The steps a tick owes and the fraction carried to the next tick.
  struct Carry: Equatable, Sendable {
    /// The part of a step owed from earlier ticks, 0 ..< 1.
    private(set) var owed = 0.0

    /// Steps to take on this tick at `pace`, at most `budget` (the frame's time budget, at
    /// least 1). Steps the budget cannot fit are dropped, not owed: a slow machine trains
    /// slower rather than catching up in bursts.
    mutating func steps(at pace: Pace, within budget: Int) -> Int {
      let budget = Swift.max(1, budget)
      guard let stepsPerSecond = pace.stepsPerSecond else {
        owed = 0
        return budget
      }
      owed += stepsPerSecond * Pace.secondsPerTick
      let whole = owed.rounded(.down)
      owed -= whole
      guard whole < Double(budget) else {
        owed = 0
        return budget
      }
      return Int(whole)
    }

    /// Makes the next tick take a step, whatever the pace: pressing play shows movement at once.
    mutating func startNow() { owed = 1.0.nextDown }
  }
}
