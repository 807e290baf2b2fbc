// MARK: - Setting a parameter by hand

extension TrainingSession {
  /// Why a parameter could not be set.
  public enum ParameterEditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The network has no parameter of that name.
    case noSuchParameter(ParameterID)
    /// The value is NaN or infinite.
    case notFinite
    /// The run diverged; it must be reset before it can go on.
    case diverged

    public var description: String {
      switch self {
      case .noSuchParameter(let parameter): "the network has no parameter \(parameter)"
      case .notFinite: "a parameter must be a finite number"
      case .diverged: "the run diverged — reset it first"
      }
    }
  }

  /// Sets one weight or bias to `value` between two steps; training goes on from it.
  ///
  /// What stays consistent: the parameter's optimizer velocity restarts at 0 and its squared
  /// gradient statistics stay (see `Optimizer.forgetVelocity(at:)`); last updates read 0 until
  /// the next step (the edit is not a step); the parameter history gets an entry at the new values, so
  /// sparklines and the bowl's path show the jump; both splits are measured again at once, so
  /// the loss shown is the loss at the new value (the series get a point at the same step). A
  /// loss the edit makes huge counts as divergence, as it would after a step. The step count,
  /// the epoch's order and position, and the generator are untouched, so the rest of the run
  /// is what it would have been from these parameters.
  public mutating func setParameter(_ parameter: ParameterID, to value: Double) throws(ParameterEditError) {
    guard let position = network.position(of: parameter) else { throw .noSuchParameter(parameter) }
    guard value.isFinite else { throw .notFinite }
    guard !isDiverged else { throw .diverged }
    network.parameters[position] = value
    optimizer.forgetVelocity(at: position)
    network.parameters.withBase { recorder.recordParameters($0) }
    evaluate()
  }
}
