import TerminalUI

/// `descent play`: the playground full screen, with a title bar, the help overlay and a
/// message when the terminal is too small.
public struct PlaygroundApp: App {
  /// Smallest terminal the playground draws in; below it the learner is asked to enlarge it.
  public static let minimumSize = Size(width: 60, height: 18)

  public private(set) var playground: Playground
  public let theme: Theme
  /// The screen's size, for finding what the mouse points at.
  public private(set) var size = Size(width: 80, height: 24)

  public init(playground: Playground, theme: Theme) {
    self.playground = playground
    self.theme = theme
  }

  // MARK: - App

  /// Forwards every message to the playground; the mouse with where the playground is drawn.
  public mutating func update(_ message: Message) -> Command {
    switch message {
    case .resize(let newSize):
      size = newSize
    case .mouse(let event):
      let area = Rect(x: 0, y: 0, width: size.width, height: size.height)
      guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else { return .none }
      playground.handleMouse(event, in: Self.body(of: area), theme: theme)
      return .none
    default:
      break
    }
    return playground.update(message)
  }

  /// Where the playground goes: everything under the title bar.
  static func body(of area: Rect) -> Rect {
    Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
  }

  /// Title bar, panes and status line; the help box on top; or the too-small message.
  public func render(into buffer: inout Buffer) {
    let area = buffer.area
    guard !area.isEmpty else { return }
    guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else {
      TooSmallView(minimum: Self.minimumSize, current: buffer.size).render(in: area, buffer: &buffer, theme: theme)
      return
    }
    drawTitleBar(in: Rect(x: area.x, y: area.y, width: area.width, height: 1), buffer: &buffer)
    playground.render(in: Self.body(of: area), buffer: &buffer, theme: theme)
    if playground.showsHelp {
      HelpOverlay(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
    if playground.showsSetup {
      SetupOverlay(playground: playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  public var wantsFrames: Bool { playground.isAnimating }

  public var wantsMouse: Bool {
    guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else { return false }
    return playground.wantsMouse(in: Self.body(of: Rect(x: 0, y: 0, width: size.width, height: size.height)), theme: theme)
  }

  public var completedSteps: Int { playground.session.stepCount }

  // MARK: - Title bar

  /// `Descent · playground · house · Dense(3→1, linear)` and, on the right, `? help · q quit`.
  ///
  /// A network whose full description does not fit is shown by its sizes: `2→4→2→1 tanh`.
  private func drawTitleBar(in row: Rect, buffer: inout Buffer) {
    let symbols = theme.symbols
    let separator = " \(symbols.separator) "
    let network = playground.session.network
    let dataset = symbols.displayable(playground.configuration.dataset.name)
    let hint = "? help" + separator + "q quit"
    let prefix = [Span("Descent", style: theme.title), Span(separator + "playground" + separator + dataset + separator, style: theme.label)]
    let full = symbols.displayable(network.summary)
    let short = symbols.displayable(network.compactSummary(arrow: symbols.isUnicode ? symbols.markers.arrowRight : "->"))
    let prefixWidth = Line(prefix).width
    let room = row.width - 2 - prefixWidth
    let fitting = DisplayWidth.of(full) + 2 + hint.count <= room || DisplayWidth.of(full) < DisplayWidth.of(short) ? full : short
    // A network's own description can outgrow the row: it ends in an ellipsis, not mid-word.
    let description = fitting.truncated(toWidth: max(0, room), ellipsis: symbols.ellipsis)
    let title = Line(prefix + [Span(description, style: theme.value)])
    let used = buffer.write(title, x: row.x + 1, y: row.y, clip: row) - row.x
    if used + 2 + hint.count <= row.width - 1 {
      buffer.write(hint, x: row.maxX - hint.count - 1, y: row.y, style: theme.dim, clip: row)
    }
  }
}
