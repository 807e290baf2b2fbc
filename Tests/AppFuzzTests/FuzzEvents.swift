import CursesBackend
import DescentApp
import NeuralEngine
import TerminalUI

/// Random, seeded input for the app fuzz test: keys the app uses, keys it does not, raw terminal
/// bytes with escape fragments (decoded as the curses backend decodes them), pastes, resizes from
/// 1×1 to 300×100, mouse presses and drags anywhere, frame ticks and warnings full of control characters.
struct FuzzEvents {
  /// What one draw from the generator asks the driver to do.
  enum Action {
    case message(Message)
    /// A resize: apply it and draw at the new size.
    case resize(Size)
    /// Draw the current screen.
    case render
    /// Draw at a common terminal size (cheap enough to do often), then go back to the current size.
    case renderAt(Size)
  }

  private var generator: SplitMix64
  private var pending: [Action] = []

  init(seed: UInt64) {
    generator = SplitMix64(seed: seed)
  }

  /// Keys the app reacts to somewhere (menu, pages, quizzes, labs, the playground, help, the
  /// learning-rate prompt, the reshaping keys and the feature chooser), weighted by repetition towards moving around and training.
  static let meaningfulKeys: [Key] = [
    .up, .down, .left, .right, .right, .right, .pageUp, .pageDown, .home, .end, .enter, .enter, .tab, .backTab,
    .escape, .backspace, .delete, .character(" "), .character("n"), .character("n"), .character("+"),
    .character("-"), .character("="), .character("_"), .character("l"), .character("b"), .character("o"),
    .character("a"), .character("s"), .character("r"), .character("R"), .character("y"), .character("p"),
    .character("x"), .character("?"), .character("h"), .character("q"), .character("1"), .character("2"),
    .character("3"), .character("4"), .character("9"), .character("0"), .character("."), .character("e"),
    .character("E"), .character("k"), .character("j"), .character("["), .character("]"), .character("{"),
    .character("}"), .character("<"), .character(">"), .character("i"), .character("g"), .character("G"),
    .character("K"), .character("J"), .character("t"), .character("T"), .character("D"),
  ]

  /// Units a terminal may send, escape introducers and sequence bytes included.
  static let terminalUnits: [UInt32] = [
    0x1B, 0x1B, 0x5B, 0x4F, 0x31, 0x34, 0x37, 0x38, 0x3B, 0x35, 0x7E, 0x41, 0x42, 0x43, 0x44, 0x48, 0x46,
    0x5A, 0x3F, 0x20, 0x9B, 0x8F, 0x71, 0x6E, 0x0D, 0x09, 0x7F, 0x07, 0x03, 0xE4, 0x65E5, 0x2B, 0x2D,
  ]

  mutating func next() -> Action {
    if let action = pending.popLast() { return action }
    let draw = Int(generator.next() % 1000)
    switch draw {
    case 0..<560:
      return .message(.key(Self.meaningfulKeys[index(Self.meaningfulKeys.count)]))
    case 560..<640:
      return .message(.key(randomKey()))
    case 640..<760:
      queueTerminalBytes()
      return next()
    case 760..<766:
      queuePaste()
      return next()
    case 766..<769:
      return .resize(randomSize())
    case 769..<855:
      return .message(.tick(stepBudget: 1 + index(2)))
    case 855..<860:
      return .message(.warning(hostileText()))
    case 860..<862:
      return .render
    case 862..<874:
      return .renderAt([Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 60, height: 18)][index(3)])
    case 874..<900:
      return .message(.mouse(randomMouse()))
    default:
      return .message(.key(Self.meaningfulKeys[index(Self.meaningfulKeys.count)]))
    }
  }

  // MARK: - Private

  private mutating func index(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }

  /// A press, drag or release of any button anywhere, off the screen too.
  private mutating func randomMouse() -> MouseEvent {
    let actions: [MouseEvent.Action] = [.press, .drag, .drag, .release]
    let buttons: [MouseEvent.Button] = [.left, .left, .middle, .right]
    return MouseEvent(actions[index(4)], buttons[index(4)], x: index(320) - 10, y: index(110) - 5)
  }

  private mutating func randomKey() -> Key {
    switch index(5) {
    case 0: return .function(index(70))
    case 1: return .control(Character(Unicode.Scalar(UInt8(97 + index(26)))))
    case 2: return .character(Character(Unicode.Scalar(UInt32(0x20 + index(0x5F))) ?? " "))
    case 3: return .character(Character(Unicode.Scalar(UInt32(0xA0 + index(0x2000))) ?? "é"))
    default: return .character(["日", "⣿", "é", "\u{301}", "😀", "\u{FEFF}", "\u{202E}"][index(7)])
    }
  }

  /// Random terminal bytes decoded the way `CursesBackend` decodes them: escape sequences read
  /// whole by `EscapeSequence`, everything else by `KeyMapping`.
  private mutating func queueTerminalBytes() {
    var units = (0..<(1 + index(12))).map { _ in Self.terminalUnits[index(Self.terminalUnits.count)] }
    var keys: [Key] = []
    var sequence: [UInt32] = []
    units.reverse()
    while let unit = units.popLast() {
      if sequence.isEmpty, !EscapeSequence.startsSequence(unit) {
        if let key = KeyMapping.key(code: unit, isKeyCode: false) { keys.append(key) }
        continue
      }
      sequence.append(unit)
      switch EscapeSequence.interpret(sequence) {
      case .needMore: continue
      case .complete(let key): keys += key.map { [$0] } ?? []
      case .completeBefore(let key, let unit):
        keys += key.map { [$0] } ?? []
        units.append(unit)
      }
      sequence = []
    }
    if !sequence.isEmpty, let key = EscapeSequence.timedOut(sequence) { keys.append(key) }
    pending += keys.reversed().map { .message(.key($0)) }
  }

  /// A paste, cut as the program loop cuts it (at most `ProgramLoop`'s burst of keys reach the app).
  private mutating func queuePaste() {
    let length = 50 + index(400)
    let keys: [Key] = (0..<min(length, 256)).map { _ in
      index(10) == 0 ? Self.meaningfulKeys[index(Self.meaningfulKeys.count)] : .character(Character(Unicode.Scalar(UInt8(0x20 + index(0x5F)))))
    }
    pending += keys.reversed().map { .message(.key($0)) }
  }

  private mutating func randomSize() -> Size {
    switch index(4) {
    case 0: return Size(width: 1 + index(10), height: 1 + index(6))
    case 1: return Size(width: 300 - index(20), height: 100 - index(10))
    default: return Size(width: 1 + index(300), height: 1 + index(100))
    }
  }

  private mutating func hostileText() -> String {
    ["disk full \u{1B}]0;x\u{07}", "\u{9B}2J", "a\tb\nc\rd", String(repeating: "w", count: index(400)), ""][index(5)]
  }
}
