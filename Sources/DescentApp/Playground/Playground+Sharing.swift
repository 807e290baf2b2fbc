import Foundation
import NeuralEngine

/// Keeping and sharing a run: the steps the history file needs, the setup string (`v`) and
/// saving the model and its history (`w`).
extension Playground {
  /// Takes up to `count` steps, noting each in the run log, then brings the split metrics up to
  /// date for the views.
  mutating func takeSteps(_ count: Int) {
    // The log leaves `self` while the session steps, so the two are not accessed at once.
    var log = runLog
    runLog = RunLog.placeholder
    let learningRate = session.learningRate
    session.step(count: count) { log.record($0, learningRate: learningRate) }
    session.refreshMetrics()
    log.recordEvaluation(of: session)
    runLog = log
  }

  // MARK: - Keys taken whole

  /// Whether every key goes to the playground now (typing, drawing, choosing a weight or input
  /// features, an overlay), so a lesson page must not page or scroll with them (nor answer a
  /// quiz with a feature's digit).
  public var capturesKeys: Bool {
    learningRateEntry != nil || showsHelp || showsSetup || digitLab.isDrawing || weightEditor != nil
      || reshape.choosesFeatures
  }

  /// Whether the learner is typing a number, so `q` is a character, not a way out.
  public var isTyping: Bool { learningRateEntry != nil || weightEditor?.entry != nil }

  // MARK: - The setup string

  /// The run's settings as one line (`circle;4,2;tanh;opt=sgd;lr=0.03;batch=10;seed=1`), or
  /// why there is none.
  var setupText: Result<String, RunSetup.SetupError> {
    guard let dataRecipe else { return .failure(RunSetup.SetupError("this run's data came without its recipe")) }
    do {
      return .success(try RunSetup(data: dataRecipe, configuration: configuration).text)
    } catch {
      return .failure(error)
    }
  }

  /// Whether `v` has a setup string to show; checked without writing the string, as the key hints
  /// ask on every frame.
  var hasSetup: Bool {
    guard let dataRecipe else { return false }
    return (try? RunSetup(data: dataRecipe, configuration: configuration)) != nil
  }

  /// `v`: shows the setup string over the screen (any key closes it).
  mutating func showSetup() {
    switch setupText {
    case .success:
      showsSetup = true
    case .failure(let error):
      notice = Notice("no setup string: \(error)", kind: .warning)
    }
  }

  // MARK: - Saving

  /// `w`: asks the program loop to write the model (as `descent train --save` does) and the
  /// history (as `--history` does) to new files in the current directory.
  mutating func saveRun() -> Command {
    guard savedAtStep != session.stepCount else {
      notice = Notice("already saved at step \(session.stepCount): train on (or set a weight) and w saves again")
      return .none
    }
    savedAtStep = session.stepCount
    let model = SavedModel(
      network: session.network, dataset: configuration.dataset, loss: session.lossFunction, scaling: featureScaling,
      inputFeatures: configuration.inputFeatures)
    notice = Notice("saving the model and its history…")
    return .saveRun(SavedRun(name: configuration.dataset.name, model: model, history: runLog.csvText))
  }
}
