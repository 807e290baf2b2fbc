import Foundation
import LessonKit
import NeuralEngine
import TerminalUI

/// Times composing one full playground frame with every pane, as `descent bench ui` reports it.
public enum FrameBenchmark {
  /// Renders a trained circle playground with all five panes into a `size` buffer `frames` times
  /// and reports the median and 95th-percentile composition time in the WORKLOADS line format.
  public static func run(size: Size = Size(width: 200, height: 60), frames: Int = 300) throws -> String {
    var configuration = TrainingConfiguration(dataset: Dataset.builtIn(.circle, seed: 1), hiddenLayers: [4, 2])
    configuration.learningRate = 0.1
    var playground = try Playground(configuration: configuration, panes: LabView.allCases)
    _ = playground.update(.key(.character(" ")))
    for _ in 0..<20 { _ = playground.update(.tick(stepBudget: 10)) }
    let app = PlaygroundApp(playground: playground, theme: Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true)))
    let clock = ContinuousClock()
    var seconds: [Double] = []
    seconds.reserveCapacity(frames)
    for _ in 0..<frames {
      var buffer = Buffer(size: size)
      let started = clock.now
      app.render(into: &buffer)
      seconds.append((clock.now - started).inSeconds)
    }
    seconds.sort()
    let median = seconds[seconds.count / 2] * 1000
    let p95 = seconds[seconds.count * 95 / 100] * 1000
    func format(_ milliseconds: Double) -> String { String(format: "%.3f", milliseconds) }
    return "ui descent frame_ms_median=\(format(median)) frame_ms_p95=\(format(p95)) size=\(size.width)x\(size.height) panes=\(LabView.allCases.count) frames=\(frames)"
  }
}
