import Foundation

/// What one benchmark run measured, printable as the one-line format of `WORKLOADS.md`.
public struct BenchmarkResult: Sendable {
  /// Which workload ran.
  public var workload: BenchmarkWorkload
  /// The implementation label, e.g. `descent` or `descent-f32`.
  public var implementation: String
  /// Training samples per timed second (epochs × training-set size × repetitions / seconds).
  public var samplesPerSecond: Double
  /// The workload's loss over the whole training set with the final parameters.
  public var finalLoss: Double
  /// How many whole trainings were timed.
  public var repetitions: Int
  /// Timed seconds, summed over the repetitions.
  public var seconds: Double
  /// Further `key=value` pairs, in order (e.g. `epochs_per_s`, final weights).
  public var extras: [(String, String)]

  public init(
    workload: BenchmarkWorkload, implementation: String, samplesPerSecond: Double,
    finalLoss: Double, repetitions: Int, seconds: Double, extras: [(String, String)] = []
  ) {
    self.workload = workload
    self.implementation = implementation
    self.samplesPerSecond = samplesPerSecond
    self.finalLoss = finalLoss
    self.repetitions = repetitions
    self.seconds = seconds
    self.extras = extras
  }

  /// `<workload> <impl> samples_per_s=<x> final_loss=<y> [key=value ...]`.
  public var line: String {
    var fields = [
      workload.rawValue, implementation,
      "samples_per_s=\(Self.compact(samplesPerSecond))",
      "final_loss=\(String(format: "%.10g", finalLoss))",
    ]
    fields += extras.map { "\($0.0)=\($0.1)" }
    return fields.joined(separator: " ")
  }

  /// A rate with three significant digits in short scientific notation, e.g. `6.12e6`.
  public static func compact(_ value: Double) -> String {
    guard value.isFinite, value > 0 else { return String(format: "%g", value) }
    var exponent = Int(Foundation.floor(Foundation.log10(value)))
    var mantissa = value / Foundation.pow(10, Double(exponent))
    if (mantissa * 100).rounded() >= 1000 {
      exponent += 1
      mantissa /= 10
    }
    return String(format: "%.2fe%d", mantissa, exponent)
  }
}
