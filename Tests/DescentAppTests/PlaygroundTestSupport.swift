import Foundation
import NeuralEngine
import Testing
import TerminalUI

@testable import DescentApp

// MARK: - Fixtures

/// Deterministic playgrounds and themes for the view and update tests.
enum Fixture {
  static let colour = Theme(capabilities: TerminalCapabilities(colorCount: 256, unicode: true))
  static let monochrome = Theme(capabilities: TerminalCapabilities(colorCount: 0, unicode: true))
  static let ascii = Theme(capabilities: TerminalCapabilities(colorCount: 0, unicode: false))

  /// `house`, one linear neuron, learning rate 0.5, trained `steps` steps with seed 1.
  static func house(steps: Int = 40, learningRate: Double = 0.5) -> Playground {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.house, seed: 1), learningRate: learningRate, seed: 1)
    var playground = try! Playground(configuration: configuration)
    for _ in 0..<steps { _ = playground.update(.key(.character("n"))) }
    return playground
  }

  /// `circle` with hidden layers [4, 2] (tanh), learning rate 0.1, trained `steps` steps.
  static func circle(steps: Int = 200) -> Playground {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.circle, seed: 1), hiddenLayers: [4, 2], learningRate: 0.1, seed: 1)
    var playground = try! Playground(configuration: configuration)
    for _ in 0..<steps { _ = playground.update(.key(.character("n"))) }
    return playground
  }

  /// `spiral` with hidden layers [8, 8] (tanh): too many weights for rows.
  static func spiral(steps: Int = 30) -> Playground {
    let configuration = TrainingConfiguration(
      dataset: .builtIn(.spiral, seed: 1), hiddenLayers: [8, 8], learningRate: 0.1, seed: 1)
    var playground = try! Playground(configuration: configuration)
    for _ in 0..<steps { _ = playground.update(.key(.character("n"))) }
    return playground
  }

  /// `line` with learning rate `learningRate`.
  static func line(learningRate: Double) -> Playground {
    let configuration = TrainingConfiguration(dataset: .builtIn(.line, seed: 1), learningRate: learningRate, seed: 1)
    return try! Playground(configuration: configuration)
  }
}

extension Playground {
  /// Applies several keys in order; returns the last command.
  @discardableResult
  mutating func press(_ keys: Key...) -> Command {
    var command = Command.none
    for key in keys { command = update(.key(key)) }
    return command
  }

  /// Types `text` one character at a time.
  mutating func type(_ text: String) {
    for character in text { _ = update(.key(.character(character))) }
  }
}

// MARK: - Rendering

/// A buffer of `width`×`height` filled with the sentinel `x`, so stray drawing shows.
func sentinelBuffer(_ width: Int, _ height: Int) -> Buffer {
  Buffer(width: width, height: height, filling: Cell("x"))
}

/// The playground app drawn full screen at `width`×`height`.
func screen(_ playground: Playground, _ width: Int, _ height: Int, theme: Theme = Fixture.colour) -> Buffer {
  var buffer = Buffer(width: width, height: height)
  PlaygroundApp(playground: playground, theme: theme).render(into: &buffer)
  return buffer
}

/// One view drawn into a sentinel buffer of `width`×`height`.
func drawView(
  _ width: Int, _ height: Int, draw: (Rect, inout Buffer) -> Void
) -> Buffer {
  var buffer = sentinelBuffer(width, height)
  draw(buffer.area, &buffer)
  return buffer
}

/// The rendered text of `buffer`, for searching.
func screenText(_ buffer: Buffer) -> String {
  buffer.lines.joined(separator: "\n")
}
