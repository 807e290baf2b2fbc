extension Duration {
  /// The duration in seconds, as the timers of the benchmarks and the step budget count it.
  public var inSeconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
