import TerminalUI

/// The one loop: read an event, update the model, draw the screen; blocks while nothing moves.
public enum ProgramLoop {
  /// Milliseconds between frames while training plays (about 30 frames a second).
  static let frameMilliseconds = 33
  /// Share of a frame spent training; the rest is for drawing and reading keys.
  static let trainingShare = 0.7
  /// Longest time spent applying input that is already queued before the screen is drawn again.
  static let inputMilliseconds = 20
  /// Keys that may arrive without the input ever going idle before the rest counts as pasted text:
  /// far more than a fast typist or a held key sends, far fewer than a paste.
  static let maximumBurst = 256

  /// Runs until the app asks to quit. `onCommand` performs side effects such as saving progress
  /// and may answer with a message for the model (e.g. that saving failed).
  ///
  /// Input is coalesced: after an event, everything already queued is applied (for at most
  /// `inputMilliseconds`) and the screen is drawn once, so a paste does not cost a frame per key.
  /// Keys beyond `maximumBurst` in one burst are read and dropped unseen (the model is told how
  /// many), so a 100 KB paste cannot bury the next key press; Ctrl-C is a signal the backend
  /// checks on every read, so it is never queued behind a paste.
  ///
  /// The model learns the terminal's real size before the first frame (as a `.resize`), so
  /// layouts that depend on it (how far a lesson page scrolls) are right from the start, not
  /// only after the first resize.
  public static func run<Model: App, Backend: TerminalBackend>(
    _ model: inout Model, on backend: inout Backend, onCommand: (Command, Model) -> Message? = { _, _ in nil }
  ) {
    let clock = ContinuousClock()
    var budget = StepBudget(secondsPerFrame: Double(frameMilliseconds) / 1000 * trainingShare)
    var nextFrame = clock.now
    var burst = InputBurst(limit: maximumBurst)
    if model.update(.resize(backend.size)) == .quit { return }
    draw(model, on: &backend)
    while true {
      let timeout: Int?
      if model.wantsFrames {
        let remaining = nextFrame - clock.now
        timeout = max(0, Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
      } else {
        timeout = nil
      }
      let event = backend.nextEvent(timeoutMilliseconds: timeout)
      if case .tick = event {
        burst.inputWentIdle()
        guard model.wantsFrames else { continue }
        let stepsBefore = model.completedSteps
        let started = clock.now
        let command = model.update(.tick(stepBudget: budget.steps))
        let elapsed = clock.now - started
        budget.record(
          steps: model.completedSteps - stepsBefore,
          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        nextFrame = clock.now.advanced(by: .milliseconds(frameMilliseconds))
        if perform(command, on: &model, onCommand: onCommand) { return }
      } else {
        if apply(event, to: &model, burst: &burst, onCommand: onCommand) { return }
        let deadline = clock.now.advanced(by: .milliseconds(inputMilliseconds))
        while clock.now < deadline {
          let queued = backend.nextEvent(timeoutMilliseconds: 0)
          if case .tick = queued {
            burst.inputWentIdle()
            break
          }
          if apply(queued, to: &model, burst: &burst, onCommand: onCommand) { return }
        }
      }
      if let dropped = burst.takeDroppedReport() {
        let keys = dropped == 1 ? "key" : "keys"
        let text = "ignored \(dropped) pasted \(keys) (more than \(maximumBurst) arrived at once)"
        if perform(model.update(.warning(text)), on: &model, onCommand: onCommand) { return }
      }
      draw(model, on: &backend)
    }
  }

  /// Applies a key, mouse event or resize (one past the burst limit is only counted); true when
  /// the app quits.
  private static func apply<Model: App>(
    _ event: TerminalEvent, to model: inout Model, burst: inout InputBurst,
    onCommand: (Command, Model) -> Message?
  ) -> Bool {
    switch event {
    case .key(let key):
      guard burst.admitKey() else { return false }
      return perform(model.update(.key(key)), on: &model, onCommand: onCommand)
    case .resize(let size):
      return perform(model.update(.resize(size)), on: &model, onCommand: onCommand)
    case .mouse(let mouse):
      // Counted like a key: a drag sends one event per cell, and a flood must not bury keys.
      guard burst.admitKey() else { return false }
      return perform(model.update(.mouse(mouse)), on: &model, onCommand: onCommand)
    case .tick:
      return false
    }
  }

  /// Carries out `command`; true when the app quits.
  private static func perform<Model: App>(
    _ command: Command, on model: inout Model, onCommand: (Command, Model) -> Message?
  ) -> Bool {
    if command == .quit { return true }
    if command != .none, let reply = onCommand(command, model) {
      return model.update(reply) == .quit
    }
    return false
  }

  /// Draws the frame, asking for the mouse only while the frame has a use for it.
  private static func draw<Model: App, Backend: TerminalBackend>(_ model: Model, on backend: inout Backend) {
    backend.setMouseReporting(model.wantsMouse)
    var buffer = Buffer(size: backend.size)
    model.render(into: &buffer)
    backend.draw(buffer)
  }
}
