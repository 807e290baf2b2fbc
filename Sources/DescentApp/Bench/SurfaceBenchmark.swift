import Foundation
import NeuralEngine

/// Times sampling the `line` loss bowl on a 120×60 grid, as `descent bench surface` reports it:
/// the bowl must be recomputable within one frame (≤ 15 ms).
public enum SurfaceBenchmark {
  public static func run(columns: Int = 120, rows: Int = 60, repetitions: Int = 200) throws -> String {
    var configuration = TrainingConfiguration(dataset: Dataset.builtIn(.line, seed: 1))
    configuration.batchMode = .fullBatch
    var session = try TrainingSession(configuration: configuration)
    session.step(count: 10)
    let pair = (ParameterID.weight(layer: 0, output: 0, input: 0), ParameterID.bias(layer: 0, output: 0))
    let clock = ContinuousClock()
    var milliseconds: [Double] = []
    var checksum = 0.0
    for _ in 0..<repetitions {
      let started = clock.now
      let grid = session.lossSurface(parameters: pair, ranges: (-1...5, -2...4), columns: columns, rows: rows)
      let elapsed = clock.now - started
      checksum += grid.minimum
      milliseconds.append(elapsed.inSeconds * 1e3)
    }
    milliseconds.sort()
    let median = String(format: "%.4f", milliseconds[milliseconds.count / 2])
    let minimum = String(format: "%.6f", checksum / Double(repetitions))
    return "surface descent grid_ms_median=\(median) size=\(columns)x\(rows) dataset=line grid_minimum=\(minimum)"
  }
}
