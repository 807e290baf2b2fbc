import TerminalUI

/// The one loop: read an event, update the model, draw the screen; blocks while nothing moves.
public enum ProgramLoop {
  /// Milliseconds between frames while training plays (about 30 frames a second).
  static let frameMilliseconds = 33
  /// Share of a frame spent training; the rest is for drawing and reading keys.
  static let trainingShare = 0.7

  /// Runs until the app asks to quit. `onCommand` performs side effects such as saving progress
  /// and may answer with a message for the model (e.g. that saving failed).
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
      let command: Command
      switch backend.nextEvent(timeoutMilliseconds: timeout) {
      case .key(let key):
        command = model.update(.key(key))
      case .resize(let size):
        command = model.update(.resize(size))
      case .tick:
        guard model.wantsFrames else { continue }
        let stepsBefore = model.completedSteps
        let started = clock.now
        command = model.update(.tick(stepBudget: budget.steps))
        let elapsed = clock.now - started
        budget.record(
          steps: model.completedSteps - stepsBefore,
          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        nextFrame = clock.now.advanced(by: .milliseconds(frameMilliseconds))
      }
      if command == .quit { return }
      if command != .none, let reply = onCommand(command, model) {
        if model.update(reply) == .quit { return }
      }
      draw(model, on: &backend)
    }
  }

  private static func draw<Model: App, Backend: TerminalBackend>(_ model: Model, on backend: inout Backend) {
    var buffer = Buffer(size: backend.size)
    model.render(into: &buffer)
    backend.draw(buffer)
  }
}
