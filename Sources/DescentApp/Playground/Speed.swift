/// How many training steps run per frame while playing.
public enum Speed: Int, CaseIterable, Sendable {
  case one = 1
  case ten = 10
  case hundred = 100
  /// As many as fit in the frame's time budget.
  case maximum = 0

  /// Steps wanted this frame, capped by what the time budget allows.
  func steps(within budget: Int) -> Int {
    self == .maximum ? max(1, budget) : min(rawValue, max(1, budget))
  }

  var next: Speed {
    let all = Speed.allCases
    return all[(all.firstIndex(of: self).map { $0 + 1 } ?? 0) % all.count]
  }

  /// The speed closest to `steps` per frame: 1, 10, 100, or as many as fit beyond that.
  static func nearest(to steps: Int) -> Speed {
    switch steps {
    case ...3: .one
    case ...31: .ten
    case ...316: .hundred
    default: .maximum
    }
  }

  var label: String { self == .maximum ? "max" : "×\(rawValue)" }
}
