extension Optimizer {
  /// One update of a small free-standing parameter vector (no network, no regularization, no
  /// frozen parts): the same rule, moments and clipping a training session's step uses.
  ///
  /// Returns false, changing nothing, when a gradient is not finite.
  public mutating func step(parameters: inout [Double], gradients: [Double]) -> Bool {
    precondition(parameters.count == gradients.count, "one gradient per parameter")
    let count = parameters.count
    guard count > 0 else { return true }
    var gradients = gradients
    var record = [Double](repeating: 0, count: count)
    return parameters.withUnsafeMutableBufferPointer { values in
      gradients.withUnsafeMutableBufferPointer { slopes in
        record.withUnsafeMutableBufferPointer { moved in
          step(
            parameters: values.baseAddress!, gradients: slopes.baseAddress!, record: moved.baseAddress!, count: count,
            ranges: [Range(start: 0, count: count, regularized: false, frozen: false)], regularization: .none)
        }
      }
    }
  }
}
