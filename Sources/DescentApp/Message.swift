import TerminalUI

/// Everything that can happen to the app: the only input `update` ever sees.
public enum Message: Equatable, Sendable {
  case key(Key)
  case resize(Size)
  /// A frame is due. `stepBudget` is how many training steps fit in this frame's time budget,
  /// measured by the program loop, so the model never reads a clock itself.
  case tick(stepBudget: Int)
  /// Something outside the model went wrong and the learner should know (e.g. progress not saved).
  case warning(String)
  /// Something outside the model went as asked and the learner should know where (files saved).
  case notice(String)
}

/// What `update` asks the program loop to do; compared in tests.
public enum Command: Equatable, Sendable {
  case none
  case quit
  /// Write lesson progress to disk.
  case saveProgress
  /// Write the playground's model and history to files (`w`); answered with `.notice` or
  /// `.warning`.
  case saveRun(SavedRun)
}
