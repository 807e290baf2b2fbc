/// A terminal for tests: plays a scripted queue of events and records every frame drawn.
///
/// ```swift
/// var backend = InMemoryBackend(size: Size(width: 80, height: 24), events: [.key(.character("q"))])
/// backend.draw(buffer)
/// #expect(backend.screen == expectedLines)
/// ```
public struct InMemoryBackend: TerminalBackend, Sendable {
  public private(set) var size: Size
  public var capabilities: TerminalCapabilities
  /// Events still to be delivered, first first.
  public var events: [TerminalEvent] {
    get { pendingLastFirst.reversed() }
    set { pendingLastFirst = newValue.reversed() }
  }
  /// The script reversed, so each delivery is O(1) even for a 100,000-key paste.
  private var pendingLastFirst: [TerminalEvent]
  /// Every buffer passed to `draw`, in order.
  public private(set) var drawnBuffers: [Buffer] = []
  /// The changed runs each `draw` would have sent, in order.
  public private(set) var sentChanges: [[BufferChange]] = []
  /// The timeouts `nextEvent` was asked to wait, in order.
  public private(set) var requestedTimeouts: [Int?] = []
  /// Whether the app last asked for mouse reports.
  public private(set) var reportsMouse = false
  /// What `nextEvent` returns once the script is used up (a real terminal would block).
  public var whenEmpty: TerminalEvent

  public init(
    size: Size, capabilities: TerminalCapabilities = TerminalCapabilities(colorCount: 256, unicode: true),
    events: [TerminalEvent] = [], whenEmpty: TerminalEvent = .key(.control("c"))
  ) {
    self.size = size
    self.capabilities = capabilities
    pendingLastFirst = events.reversed()
    self.whenEmpty = whenEmpty
  }

  /// The last frame drawn, if any.
  public var lastBuffer: Buffer? { drawnBuffers.last }

  /// The last frame as lines of text (empty before the first draw).
  public var screen: [String] { lastBuffer?.lines ?? [] }

  // MARK: - TerminalBackend

  public mutating func draw(_ buffer: Buffer) {
    sentChanges.append(BufferDiff.changes(from: lastBuffer, to: buffer))
    drawnBuffers.append(buffer)
  }

  public mutating func setMouseReporting(_ enabled: Bool) {
    reportsMouse = enabled
  }

  /// The next scripted event; a `.resize` also changes `size`, as a real terminal would.
  public mutating func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent {
    requestedTimeouts.append(timeoutMilliseconds)
    guard let event = pendingLastFirst.popLast() else { return whenEmpty }
    if case .resize(let newSize) = event { size = newSize }
    return event
  }
}
