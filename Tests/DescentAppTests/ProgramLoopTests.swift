import Testing
import TerminalUI

@testable import DescentApp

/// The loop coalesces queued input into one frame and drops the tail of a paste.
@Suite struct ProgramLoopTests {
  /// Counts what it is sent; quits on `q`.
  struct CountingApp: App {
    var keys: [Key] = []
    var warnings: [String] = []
    var renders = 0
    mutating func update(_ message: Message) -> Command {
      switch message {
      case .key(.character("q")): return .quit
      case .key(let key): keys.append(key)
      case .warning(let text): warnings.append(text)
      default: break
      }
      return .none
    }
    func render(into buffer: inout Buffer) { buffer.write("\(keys.count)", x: 0, y: 0) }
    var wantsFrames: Bool { false }
    var completedSteps: Int { 0 }
  }

  private func run(_ events: [TerminalEvent]) -> (app: CountingApp, backend: InMemoryBackend) {
    var app = CountingApp()
    var backend = InMemoryBackend(size: Size(width: 20, height: 4), events: events)
    ProgramLoop.run(&app, on: &backend)
    return (app, backend)
  }

  @Test func aHundredKilobytePasteIsCutAtTheBurstLimitAndReported() {
    let paste = Array(repeating: TerminalEvent.key(.character("n")), count: 100_000)
    let (app, backend) = run(paste + [.tick, .key(.character("+")), .tick, .key(.character("q"))])
    #expect(app.keys.count == ProgramLoop.maximumBurst + 1)
    #expect(app.keys.last == .character("+"), "the key after the paste is not lost")
    #expect(app.warnings == ["ignored \(100_000 - ProgramLoop.maximumBurst) pasted keys (more than 256 arrived at once)"])
    #expect(backend.drawnBuffers.count < 100, "frames are coalesced, not one per key: \(backend.drawnBuffers.count)")
  }

  @Test func theMouseIsAskedForOnlyWhileThePadIsOnScreen() {
    // A playground with the drawing pad asks the backend for the mouse; one without does not.
    var app = PlaygroundApp(playground: DigitFixture.playground([.draw, .probabilities]), theme: Fixture.colour)
    var backend = InMemoryBackend(size: Size(width: 80, height: 24), events: [.mouse(MouseEvent(.press, x: 0, y: 0)), .tick])
    backend.whenEmpty = .key(.character("q"))
    ProgramLoop.run(&app, on: &backend)
    #expect(backend.reportsMouse)
    var plain = PlaygroundApp(playground: DigitFixture.playground([.digit, .probabilities]), theme: Fixture.colour)
    var other = InMemoryBackend(size: Size(width: 80, height: 24), events: [.tick])
    other.whenEmpty = .key(.character("q"))
    ProgramLoop.run(&plain, on: &other)
    #expect(!other.reportsMouse)
  }

  @Test func mouseEventsReachTheAppAndCountTowardsABurst() {
    struct MouseCounter: App {
      var presses = 0
      mutating func update(_ message: Message) -> Command {
        if case .mouse = message { presses += 1 }
        if case .key(.character("q")) = message { return .quit }
        return .none
      }
      func render(into buffer: inout Buffer) {}
      var wantsFrames: Bool { false }
      var completedSteps: Int { 0 }
    }
    var app = MouseCounter()
    let drag = Array(repeating: TerminalEvent.mouse(MouseEvent(.drag, x: 3, y: 3)), count: 300)
    var backend = InMemoryBackend(size: Size(width: 20, height: 4), events: drag + [.tick, .key(.character("q"))])
    ProgramLoop.run(&app, on: &backend)
    #expect(app.presses == ProgramLoop.maximumBurst)
  }

  @Test func typingIsNeverDropped() {
    var events: [TerminalEvent] = []
    for _ in 0..<50 { events += Array(repeating: .key(.character("n")), count: 20) + [.tick] }
    let (app, _) = run(events + [.key(.character("q"))])
    #expect(app.keys.count == 1_000)
    #expect(app.warnings.isEmpty)
  }

  @Test func queuedKeysShareOneFrame() {
    let (app, backend) = run(Array(repeating: .key(.character("n")), count: 40) + [.tick, .key(.character("q"))])
    #expect(app.keys.count == 40)
    #expect(backend.drawnBuffers.count == 2, "the first frame, then one for all 40 keys")
    #expect(backend.screen.first?.hasPrefix("40") == true)
  }

  @Test func qInsideABurstStillQuits() {
    let (app, _) = run(Array(repeating: .key(.character("n")), count: 10) + [.key(.character("q"))])
    #expect(app.keys.count == 10)
  }
}
