import ArgumentParser
import NeuralEngine

/// `descent bench`: the workloads of WORKLOADS.md, one line each.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Run the W1/W2/W3 training benchmarks (build with -c release).",
    discussion: "Prints one line per workload: <workload> <impl> samples_per_s=<x> final_loss=<y> ...")

  @Argument(help: "Workloads to run: w1, w2, w3 (default: all).")
  var workloads: [BenchmarkWorkload] = []

  @Option(help: "Seconds of training to time per workload (the whole training repeats until reached).")
  var seconds: Double = 1.0

  func validate() throws {
    guard seconds.isFinite, seconds > 0, seconds <= 600 else {
      throw ValidationError("--seconds must be between 0 and 600 (got \(seconds))")
    }
  }

  func run() throws {
    for workload in workloads.isEmpty ? BenchmarkWorkload.allCases : workloads {
      print(workload.run(minimumSeconds: seconds).line)
    }
  }
}

extension BenchmarkWorkload: ExpressibleByArgument {}
