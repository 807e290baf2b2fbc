import LessonKit
import TerminalUI

/// The whole app: the lesson menu and the lesson being read, with its labs.
///
/// `descent` starts on the menu; `descent learn <id>` starts in that lesson. Progress lives in
/// `progress`; whenever it changes `update` returns `.saveProgress`, and the program loop saves
/// `progress` (reporting a failed save back through `showWarning(_:)`).
public struct DescentModel: App {
  /// What fills the screen.
  public enum Screen: Equatable {
    case menu
    case lesson(id: String)
  }

  public let catalog: LessonCatalog
  /// The learner's progress: save this on `.saveProgress`.
  public private(set) var progress: Progress
  /// A warning (corrupt progress file, failed save): on the menu until a lesson is opened; in a
  /// lesson over the key footer until the next key.
  public private(set) var warning: String?
  public private(set) var menu = LessonMenu()
  /// The open lesson, when the screen is a lesson.
  public private(set) var player: LessonPlayer?
  public private(set) var size = Size(width: 80, height: 24)
  public let theme: Theme
  let styles: LessonStyles

  /// Opens on the menu, or on lesson `startLesson` at its resume page when that id exists.
  ///
  /// `warning` (e.g. from `ProgressStore.load`) is shown on the menu screen.
  public init(
    catalog: LessonCatalog, progress: Progress, theme: Theme, startLesson: String? = nil, warning: String? = nil
  ) {
    self.catalog = catalog
    self.progress = progress
    self.theme = theme
    self.warning = warning
    styles = LessonStyles(theme: theme)
    if let resume = catalog.lessons.firstIndex(where: { !progress.isCompleted($0) }) {
      menu.select(resume)
    }
    if let startLesson, let index = catalog.lessons.firstIndex(where: { $0.id == startLesson }) {
      open(lessonAt: index)
      // `descent learn ID` never shows the menu: the lesson carries the warning instead.
      self.warning = warning
    }
  }

  public var screen: Screen { player.map { .lesson(id: $0.lesson.id) } ?? .menu }

  /// Shows `text` as a warning on the menu (e.g. a failed save); nil clears it.
  public mutating func showWarning(_ text: String?) {
    warning = text
  }

  // MARK: - App

  public var wantsFrames: Bool { player?.isAnimating ?? false }

  public var wantsMouse: Bool { player?.wantsMouse ?? false }

  public var completedSteps: Int { player?.playground?.session.stepCount ?? 0 }

  public mutating func update(_ message: Message) -> Command {
    if case .resize(let newSize) = message { size = newSize }
    if case .warning(let text) = message { warning = text }
    if case .key = message { warning = nil }
    // The player is updated in place: a copy would share its training session, and the first
    // step would then copy every buffer of it (megabytes, every tick).
    guard let lessonID = player?.lesson.id, let outcome = player?.update(message, progress: &progress) else {
      return updateMenu(message)
    }
    switch outcome {
    case .leave:
      player = nil
      if let index = catalog.lessons.firstIndex(where: { $0.id == lessonID }) { menu.select(index) }
      return .none
    case .openNextLesson:
      guard let index = catalog.lessons.firstIndex(where: { $0.id == lessonID }) else { return .none }
      let before = progress
      open(lessonAt: index + 1)
      return progress == before ? .none : .saveProgress
    case .stay(let command):
      return command
    }
  }

  private mutating func updateMenu(_ message: Message) -> Command {
    guard case .key(let key) = message else { return .none }
    switch menu.handle(key, lessonCount: catalog.lessons.count) {
    case .none:
      return .none
    case .quit:
      return .quit
    case .open(let index):
      let before = progress
      open(lessonAt: index)
      return progress == before ? .none : .saveProgress
    }
  }

  private mutating func open(lessonAt index: Int) {
    guard catalog.lessons.indices.contains(index) else { return }
    let lesson = catalog.lessons[index]
    menu.select(index)
    warning = nil
    let next = catalog.lessons.indices.contains(index + 1) ? catalog.lessons[index + 1].title : nil
    player = LessonPlayer(
      lesson: lesson, page: progress.resumePage(for: lesson), progress: &progress, viewport: size, styles: styles,
      theme: theme, nextLessonTitle: next)
  }

  // MARK: - Render

  /// The warning over the bottom rows of a lesson (at most three, never the title bar).
  private func renderLessonWarning(_ warning: String, in area: Rect, buffer: inout Buffer) {
    guard area.height >= 2, area.width >= 4 else { return }
    let renderer = MarkdownRenderer(width: area.width - 2, styles: styles)
    let lines = renderer.wrap([Inline("! " + warning)], base: styles.warning).prefix(min(3, area.height - 1))
    let box = Rect(x: area.x, y: area.maxY - lines.count, width: area.width, height: lines.count)
    buffer.fill(box, with: Cell(" ", style: styles.warning))
    for (row, line) in lines.enumerated() {
      buffer.write(line, x: box.x + 1, y: box.y + row, clip: box)
    }
  }

  public func render(into buffer: inout Buffer) {
    let area = buffer.area
    if let player {
      player.render(in: area, buffer: &buffer, styles: styles, theme: theme, progress: progress)
      if let warning { renderLessonWarning(warning, in: area, buffer: &buffer) }
    } else {
      MenuScreen(catalog: catalog, progress: progress, menu: menu, warning: warning, styles: styles)
        .render(in: area, buffer: &buffer)
    }
  }
}
