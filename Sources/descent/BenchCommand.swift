import ArgumentParser
import DescentApp
import NeuralEngine

/// `descent bench`: the workloads of WORKLOADS.md, one line each.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Run the WORKLOADS.md training benchmarks through the product's own training session, and the UI benchmarks (build with -c release).",
    discussion: "Prints one line per workload: <workload> <impl> samples_per_s=<x> final_loss=<y> ...")

  @Argument(help: "What to run: \(BenchTarget.allValueStrings.joined(separator: ", ")) (default: all).")
  var workloads: [BenchTarget] = []

  @Option(parsing: .unconditional, help: "Seconds of training to time per workload (the whole training repeats until reached).")
  var seconds: Double = 1.0

  func validate() throws {
    guard seconds.isFinite, seconds > 0, seconds <= 600 else {
      throw ValidationError("--seconds must be between 0 and 600 (got \(seconds))")
    }
  }

  func run() throws {
    for target in workloads.isEmpty ? BenchTarget.allCases : workloads {
      switch target {
      case .training(let workload): TerminalOutput.print(try workload.run(minimumSeconds: seconds).line)
      case .frame: TerminalOutput.print(try FrameBenchmark.run())
      case .surface: TerminalOutput.print(try SurfaceBenchmark.run())
      case .live: TerminalOutput.print(try LiveBenchmark.run(seconds: max(1, seconds)))
      }
    }
  }
}

/// A training workload of WORKLOADS.md, `ui` (composing one full playground frame) or `surface`
/// (sampling the loss bowl).
enum BenchTarget: ExpressibleByArgument, CaseIterable, Equatable {
  case training(BenchmarkWorkload)
  case frame
  case surface
  case live

  static var allCases: [BenchTarget] { BenchmarkWorkload.allCases.map(BenchTarget.training) + [.frame, .surface, .live] }

  init?(argument: String) {
    if argument == "ui" {
      self = .frame
    } else if argument == "live" {
      self = .live
    } else if argument == "surface" {
      self = .surface
    } else if let workload = BenchmarkWorkload(rawValue: argument) {
      self = .training(workload)
    } else {
      return nil
    }
  }

  static var allValueStrings: [String] { BenchmarkWorkload.allCases.map(\.rawValue) + ["ui", "surface", "live"] }
}
