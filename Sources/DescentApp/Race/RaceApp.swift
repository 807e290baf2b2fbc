import TerminalUI

/// `descent race`: a race full screen, with a title bar, the help box and a message when the
/// terminal is too small.
public struct RaceApp: App {
  /// Smallest terminal the race draws in (the playground's).
  public static let minimumSize = PlaygroundApp.minimumSize

  public private(set) var race: Race
  public let theme: Theme

  public init(race: Race, theme: Theme) {
    self.race = race
    self.theme = theme
  }

  public mutating func update(_ message: Message) -> Command {
    race.update(message)
  }

  /// Title bar, the race, the help box on top; or the too-small message.
  public func render(into buffer: inout Buffer) {
    let area = buffer.area
    guard !area.isEmpty else { return }
    guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else {
      TooSmallView(minimum: Self.minimumSize, current: buffer.size).render(in: area, buffer: &buffer, theme: theme)
      return
    }
    let symbols = theme.symbols
    let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
    let separator = " \(symbols.separator) "
    let hint = "? help" + separator + "q quit"
    let title = Line([
      Span("Descent", style: theme.title),
      Span(separator + "race" + separator + symbols.displayable(race.subject) + separator, style: theme.label),
      Span("\(race.lanes.count) \(symbols.times) \(race.setting.title)", style: theme.value),
    ])
    let used = buffer.write(title, x: row.x + 1, y: row.y, clip: row) - row.x
    if used + 2 + hint.count <= row.width - 1 {
      buffer.write(hint, x: row.maxX - hint.count - 1, y: row.y, style: theme.dim, clip: row)
    }
    race.render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), buffer: &buffer, theme: theme)
    if race.showsHelp {
      RaceHelpOverlay(race: race, context: .playground).render(in: area, buffer: &buffer, theme: theme)
    }
  }

  public var wantsFrames: Bool { race.isAnimating }

  /// Steps the race has taken: each costs one step of every run, which is what the loop's time
  /// budget should measure.
  public var completedSteps: Int { race.stepCount }
}
