import LessonKit
import NeuralEngine
import TerminalUI

/// One lesson being read: the page shown, its lab, and the state of its checkpoints.
///
/// `update` is the only place it changes; it records visits and completed pages in the
/// `Progress` it is handed and says so, so the app can ask for a save. Drawing lives in
/// `LessonPlayer+Render.swift`.
public struct LessonPlayer {
  /// What the app should do after the player handled a message.
  public enum Outcome: Equatable, Sendable {
    /// Stay in the lesson; `saveProgress` when progress changed.
    case stay(Command)
    /// The learner pressed `q`: back to the menu.
    case leave
    /// The learner pressed → on the last page: open the next lesson.
    case openNextLesson
  }

  /// One quiz's state on the current page.
  public struct QuizState: Equatable, Sendable {
    /// The choice the learner answered with (from 0), if any.
    public var answered: Int?
  }

  public let lesson: Lesson
  /// The title of the lesson after this one in the course, offered at the end of the last page;
  /// nil after the last lesson.
  public let nextLessonTitle: String?
  public private(set) var pageIndex: Int
  /// First text line shown (↑/↓ scroll long pages).
  public private(set) var scroll = 0
  /// The live lab of the current page, if it has one.
  public private(set) var playground: Playground?
  /// The current page's lab when it is a race (`race:`) instead of a single run.
  public private(set) var race: Race?
  /// Why the current page's lab could not be built (a lesson from outside that `descent check`
  /// would reject); shown in place of the lab.
  public private(set) var labError: String?
  /// Quiz states of the current page, keyed by checkpoint index.
  public private(set) var quizzes: [Int: QuizState] = [:]
  /// Goals of the current page met during this visit (a met goal stays met).
  public private(set) var metGoals: Set<Int> = []
  /// True after `h`, until the page changes or `h` is pressed again.
  public private(set) var hintRequested = false
  /// Frames ticked on this page while training, to turn `hint-after-seconds` into time.
  public private(set) var ticksOnPage = 0
  /// The screen area the lesson is drawn in, for scrolling limits (set on resize).
  var viewport = Rect(x: 0, y: 0, width: 80, height: 24)
  /// The styles text is laid out with (they decide line counts, so scrolling needs them).
  var styles = LessonStyles.standard
  /// Playgrounds of pages already opened, so going back keeps their training.
  private var playgrounds: [Int: Playground] = [:]
  /// Races of pages already opened, likewise.
  private var races: [Int: Race] = [:]

  /// Seconds one tick stands for (the program loop's frame time).
  static let secondsPerTick = Pace.secondsPerTick

  /// Opens `lesson` at `page` (clamped) and records the visit in `progress`.
  public init(
    lesson: Lesson, page: Int, progress: inout Progress, viewport: Size = Size(width: 80, height: 24),
    styles: LessonStyles = .standard, nextLessonTitle: String? = nil
  ) {
    self.lesson = lesson
    self.nextLessonTitle = nextLessonTitle
    self.viewport = Rect(x: 0, y: 0, width: viewport.width, height: viewport.height)
    self.styles = styles
    pageIndex = min(max(0, page), max(0, lesson.pages.count - 1))
    _ = enterPage(pageIndex, progress: &progress)
  }

  public var page: LessonPage? { lesson.pages.indices.contains(pageIndex) ? lesson.pages[pageIndex] : nil }

  /// True while the lab trains and frames must keep coming.
  public var isAnimating: Bool { playground?.isAnimating ?? race?.isAnimating ?? false }

  // MARK: - Update

  /// Applies one message to the lesson, recording progress.
  public mutating func update(_ message: Message, progress: inout Progress) -> Outcome {
    var changed = false
    switch message {
    case .resize(let size):
      viewport = Rect(x: 0, y: 0, width: size.width, height: size.height)
      scroll = min(scroll, maximumScroll(in: viewport, styles: styles))
    case .tick(let stepBudget):
      // In place (`playground?.`), never through a copy that would share the session's buffers.
      if playground?.isAnimating == true { ticksOnPage += 1 }
      _ = playground?.update(.tick(stepBudget: stepBudget))
      _ = race?.update(.tick(stepBudget: stepBudget))
    case .warning, .notice:
      _ = playground?.update(message)
      _ = race?.update(message)
    case .key(let key):
      switch handle(key, progress: &progress, changed: &changed) {
      case .stay: break
      case let outcome: return outcome
      }
    }
    if evaluateCheckpoints(progress: &progress) { changed = true }
    return .stay(changed ? .saveProgress : .none)
  }

  /// Routes a key: typing into the lab first, then paging, quiz, hint, and the lab's own keys.
  private mutating func handle(_ key: Key, progress: inout Progress, changed: inout Bool) -> Outcome {
    if let playground, playground.capturesKeys {
      if key == .character("q"), !playground.isTyping { return .leave }
      forwardToLab(key)
      return .stay(.none)
    }
    if race?.showsHelp == true {
      if key == .character("q") { return .leave }
      forwardToLab(key)
      return .stay(.none)
    }
    switch key {
    case .character("q"):
      return .leave
    case .left, .pageUp:
      changed = goToPage(pageIndex - 1, progress: &progress)
    case .right, .pageDown:
      if pageIndex == lesson.pages.count - 1, nextLessonTitle != nil { return .openNextLesson }
      changed = goToPage(pageIndex + 1, progress: &progress)
    case .character("h"):
      hintRequested.toggle()
    case .character(let character) where character.isNumber && activeQuizIndex != nil:
      if let number = character.wholeNumberValue, let index = activeQuizIndex, let quiz = quizSpec(at: index),
        (1...quiz.choices.count).contains(number)
      {
        answer(quizAt: index, choice: number - 1)
        scroll = scrollShowing(quizAt: index, in: viewport, styles: styles)
      }
    case .up:
      scroll = max(0, scroll - 1)
    case .down:
      scroll = min(scroll + 1, maximumScroll(in: viewport, styles: styles))
    case .end:
      scroll = maximumScroll(in: viewport, styles: styles)
    case .home:
      scroll = 0
    default:
      forwardToLab(key)
    }
    return .stay(.none)
  }

  /// Hands `key` to the lab. Saving (`w`) belongs to `descent play`: here the learner is told
  /// how to get there.
  private mutating func forwardToLab(_ key: Key) {
    _ = race?.update(.key(key))
    if case .saveRun = playground?.update(.key(key)) {
      playground?.notice = Notice("w saves in descent play: v shows this lab's setup to open it there with --setup", kind: .warning)
    }
  }

  // MARK: - Pages

  /// Moves to `index` if it exists; returns whether progress changed.
  private mutating func goToPage(_ index: Int, progress: inout Progress) -> Bool {
    guard lesson.pages.indices.contains(index), index != pageIndex else { return false }
    if let playground { playgrounds[pageIndex] = playground }
    if let race { races[pageIndex] = race }
    playground = nil
    race = nil
    return enterPage(index, progress: &progress)
  }

  /// Shows page `index` fresh: its lab (kept from an earlier visit), no scroll, no answers.
  private mutating func enterPage(_ index: Int, progress: inout Progress) -> Bool {
    pageIndex = index
    scroll = 0
    quizzes = [:]
    metGoals = []
    hintRequested = false
    ticksOnPage = 0
    playground = nil
    race = nil
    labError = nil
    guard let page else { return false }
    if let lab = page.lab, let variation = lab.race {
      if let kept = races.removeValue(forKey: index) {
        race = kept
      } else {
        do {
          race = try Race(
            setting: variation.setting, configurations: variation.configurations(from: lab.trainingConfiguration),
            views: lab.views, bowlPair: lab.bowlParameters.flatMap { $0.count == 2 ? ($0[0], $0[1]) : nil },
            pace: lab.pace.map { Pace(stepsPerSecond: $0) } ?? .labDefault)
        } catch {
          labError = "This lab cannot run: \(error)"
        }
      }
    } else if let lab = page.lab {
      if let kept = playgrounds.removeValue(forKey: index) {
        playground = kept
      } else {
        do {
          playground = try Playground(
            configuration: lab.trainingConfiguration, panes: lab.views, unlockedControls: lab.controls,
            bowlPair: lab.bowlParameters.flatMap { $0.count == 2 ? ($0[0], $0[1]) : nil },
            pace: lab.pace.map { Pace(stepsPerSecond: $0) } ?? .labDefault,
            emphasis: StatusField.emphasised(
              by: lab, goals: page.checkpoints.compactMap { if case .goal(let goal) = $0 { goal } else { nil } }),
            models: lab.modelChoices, optimizers: lab.optimizerChoices, dataRecipe: lab.dataRecipe)
        } catch {
          labError = "This lab cannot run: \(error)"
        }
      }
    }
    for (checkpointIndex, checkpoint) in page.checkpoints.enumerated() {
      if case .quiz = checkpoint { quizzes[checkpointIndex] = QuizState() }
    }
    let before = progress
    progress.visit(lessonID: lesson.id, page: index)
    if page.isReadOnly { progress.complete(lessonID: lesson.id, page: index) }
    _ = evaluateCheckpoints(progress: &progress)
    return progress != before
  }

  // MARK: - Checkpoints

  /// The quiz that number keys answer: the first not yet answered right.
  public var activeQuizIndex: Int? {
    quizzes.keys.sorted().first { index in
      guard let quiz = quizSpec(at: index), let answered = quizzes[index]?.answered else { return true }
      return !quiz.isCorrect(answered)
    }
  }

  func quizSpec(at index: Int) -> QuizSpec? {
    guard let page, page.checkpoints.indices.contains(index), case .quiz(let quiz) = page.checkpoints[index] else {
      return nil
    }
    return quiz
  }

  private mutating func answer(quizAt index: Int, choice: Int) {
    guard var state = quizzes[index] else { return }
    state.answered = choice
    quizzes[index] = state
  }

  /// Whether checkpoint `index` of the current page is met now.
  func isMet(checkpoint index: Int) -> Bool {
    guard let page, page.checkpoints.indices.contains(index) else { return false }
    switch page.checkpoints[index] {
    case .quiz(let quiz):
      return quizzes[index]?.answered.map(quiz.isCorrect) ?? false
    case .goal:
      return metGoals.contains(index)
    }
  }

  /// The live status of goal `index`: met (latched), else what the session says now.
  func goalStatus(at index: Int) -> GoalStatus {
    if metGoals.contains(index) { return .met }
    guard let page, page.checkpoints.indices.contains(index), case .goal(let goal) = page.checkpoints[index],
      let playground
    else { return .pending }
    return goal.evaluate(SessionGoalContext(session: playground.session))
  }

  /// Whether goal `index`'s hint is due: asked for with `h`, or `showsHint` says so.
  func showsHint(goalAt index: Int) -> Bool {
    guard let page, page.checkpoints.indices.contains(index), case .goal(let goal) = page.checkpoints[index],
      goal.hint != nil
    else { return false }
    if hintRequested { return true }
    guard let playground, !metGoals.contains(index) else { return false }
    return goal.showsHint(
      SessionGoalContext(session: playground.session), elapsedSeconds: Double(ticksOnPage) * Self.secondsPerTick)
  }

  /// Latches newly met goals and completes the page when every checkpoint is met; returns
  /// whether progress changed.
  private mutating func evaluateCheckpoints(progress: inout Progress) -> Bool {
    guard let page, !page.checkpoints.isEmpty else { return false }
    if let playground {
      let context = SessionGoalContext(session: playground.session)
      for (index, checkpoint) in page.checkpoints.enumerated() {
        if case .goal(let goal) = checkpoint, goal.evaluate(context) == .met { metGoals.insert(index) }
      }
    }
    guard page.checkpoints.indices.allSatisfy(isMet(checkpoint:)),
      !progress.isCompleted(lessonID: lesson.id, page: pageIndex)
    else { return false }
    progress.complete(lessonID: lesson.id, page: pageIndex)
    return true
  }
}
