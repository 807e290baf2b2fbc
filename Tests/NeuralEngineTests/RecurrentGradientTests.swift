import Foundation
import Testing
@testable import NeuralEngine

/// Recurrent and LSTM layers: back-propagation through time against finite differences, the
/// forward pass against a plain loop, batches against single samples, the per-step gradient
/// norms, and the W5 benchmark's initialisation, initial loss and final loss.
@Suite struct RecurrentGradientTests {
  // MARK: - Gradients through time

  @Test func recurrentLastStep() throws {
    try GradientChecker.expectExact("rnn 4", inputShape: [5, 3])
  }

  @Test func recurrentSequencesIntoDense() throws {
    try GradientChecker.expectExact("rnn 4 sequences, dense 2", inputShape: [5, 3])
  }

  @Test func lstmLastStepIntoDense() throws {
    try GradientChecker.expectExact("lstm 4, dense 2", inputShape: [5, 3])
  }

  @Test func lstmSequences() throws {
    try GradientChecker.expectExact("lstm 3 sequences", inputShape: [4, 2])
  }

  @Test func stackedLSTMs() throws {
    try GradientChecker.expectExact("lstm 4 sequences, lstm 3, dense 1", inputShape: [5, 2])
  }

  /// Widths that take every path: the gate products' tiles (multiples of 8 units) and their
  /// fallback, the unit-wise pass's eight lanes and padded rest; a batch (5) that is no multiple
  /// of the row tiles.
  @Test func wideLSTMs() throws {
    try GradientChecker.expectExact("lstm 15 sequences, lstm 10, dense 1", inputShape: [3, 2], batch: 5)
    try GradientChecker.expectExact("lstm 8 sequences, lstm 16, dense 1", inputShape: [3, 2], batch: 5)
  }

  @Test func oneTimeStep() throws {
    try GradientChecker.expectExact("lstm 3 sequences, rnn 2, dense 1", inputShape: [1, 2])
  }

  @Test func aBatchOfOne() throws {
    try GradientChecker.expectExact("rnn 3 sequences, lstm 2, dense 1", inputShape: [4, 2], batch: 1)
  }

  // MARK: - Building

  @Test func blockNamesAndShapes() throws {
    let network = try Network(
      description: ModelDescription(parsing: "rnn 4 sequences, lstm 4 sequences, lstm 2, dense 1"), inputShape: [6, 3])
    #expect(
      network.blocks.map(\.name) == [
        "rnn1.w", "rnn1.b",
        "lstm1.input.w", "lstm1.forget.w", "lstm1.candidate.w", "lstm1.output.w",
        "lstm1.input.b", "lstm1.forget.b", "lstm1.candidate.b", "lstm1.output.b",
        "lstm2.input.w", "lstm2.forget.w", "lstm2.candidate.w", "lstm2.output.w",
        "lstm2.input.b", "lstm2.forget.b", "lstm2.candidate.b", "lstm2.output.b",
        "w1", "b1",
      ])
    #expect(network.block(named: "rnn1.w")?.shape == [4, 7])
    #expect(network.block(named: "lstm1.forget.w")?.shape == [4, 8])
    #expect(network.block(named: "lstm2.output.b")?.shape == [2])
    #expect(network.contains(ParameterID(block: "lstm1.forget.w", indices: [3, 7])))
    #expect(network.layers.map(\.outputShape) == [[6, 4], [6, 4], [2], [1]])
    #expect(network.description == "RNN(6×3→6×4) → LSTM(6×4→6×4) → LSTM(6×4→2) → Dense(2→1)")
  }

  @Test func recurrentLayersNeedASequence() throws {
    let cases: [(String, TensorShape, String)] = [
      ("dense 3, rnn 4", [5, 2], "layer 2 'rnn 4': needs a sequence input (time steps×features); got 3"),
      ("lstm 4", [1, 8, 8], "layer 1 'lstm 4': needs a sequence input (time steps×features); got 1×8×8"),
      ("lstm 4, lstm 2", [5, 2], "layer 2 'lstm 2': needs a sequence input (time steps×features); got 4"),
    ]
    for (text, shape, message) in cases {
      let description = try ModelDescription(parsing: text)
      do {
        _ = try Network(description: description, inputShape: shape)
        Issue.record("\(text) on \(shape) should not build")
      } catch {
        #expect(error.description == message)
      }
    }
  }

  // MARK: - Forward against a plain loop

  @Test func recurrentMatchesAPlainLoop() throws {
    let (steps, features, units) = (5, 3, 4)
    let network = try randomNetwork("rnn \(units) sequences", inputShape: [steps, features], seed: 11)
    let w = try #require(network.block(named: "rnn1.w"))
    let b = try #require(network.block(named: "rnn1.b"))
    let inputs = randomSamples(count: 3, width: steps * features, seed: 12)
    let trace = network.trace(inputs)
    for sample in 0..<inputs.count {
      let x = Array(inputs[sample])
      var h = [Double](repeating: 0, count: units)
      var expected: [Double] = []
      for step in 0..<steps {
        var next = [Double](repeating: 0, count: units)
        for unit in 0..<units {
          var sum = network.parameters[b.offset + unit]
          for column in 0..<(features + units) {
            let value = column < features ? x[step * features + column] : h[column - features]
            sum += network.parameters[w.offset + unit * (features + units) + column] * value
          }
          next[unit] = Foundation.tanh(sum)
        }
        h = next
        expected += h
      }
      expectClose(trace.output(sample: sample), expected)
      expectClose(trace.value(ofLayer: 0, named: "h", sample: sample)?.values ?? [], expected)
    }
  }

  @Test(arguments: [3, 8, 13])
  func lstmMatchesAPlainLoop(units: Int) throws {
    let (steps, features) = (6, 2)
    let network = try randomNetwork("lstm \(units) sequences", inputShape: [steps, features], seed: 21)
    let inputs = randomSamples(count: 4, width: steps * features, seed: 22)
    let trace = network.trace(inputs)
    for sample in 0..<inputs.count {
      let expected = plainLSTM(
        network, layer: 1, input: Array(inputs[sample]), steps: steps, features: features, units: units)
      expectClose(trace.output(sample: sample), expected["h"] ?? [])
      for name in ["input gate", "forget gate", "candidate", "output gate", "c", "h"] {
        let recorded = try #require(trace.value(ofLayer: 0, named: name, sample: sample))
        #expect(recorded.shape == [steps, units])
        expectClose(recorded.values, expected[name] ?? [], name)
      }
    }
  }

  @Test func lstmLastStepIsTheLastHiddenState() throws {
    let network = try randomNetwork("lstm 3", inputShape: [4, 2], seed: 31)
    let inputs = randomSamples(count: 2, width: 8, seed: 32)
    let trace = network.trace(inputs)
    for sample in 0..<2 {
      let expected = plainLSTM(network, layer: 1, input: Array(inputs[sample]), steps: 4, features: 2, units: 3)
      expectClose(trace.output(sample: sample), Array((expected["h"] ?? []).suffix(3)))
    }
  }

  // MARK: - Batches

  @Test func aBatchEqualsItsSamplesOneByOne() throws {
    let network = try randomNetwork("lstm 4 sequences, rnn 3, dense 2", inputShape: [5, 2], seed: 41)
    let inputs = randomSamples(count: 4, width: 10, seed: 42)
    let targets = randomSamples(count: 4, width: 2, seed: 43)
    let batch = network.backpropagate(inputs, targets: targets, loss: .square)
    var summed = [Double](repeating: 0, count: network.parameterCount)
    for row in 0..<4 {
      let single = network.backpropagate(
        Samples(width: 10, values: Array(inputs[row])), targets: Samples(width: 2, values: Array(targets[row])),
        loss: .square)
      for index in summed.indices { summed[index] += single.parameterGradients[index] / 4 }
      expectClose(single.trace.output(), batch.trace.output(sample: row), tolerance: 1e-14)
      expectClose(single.inputGradients, Array(batch.inputGradients[(row * 10)..<(row * 10 + 10)].map { $0 * 4 }))
      for name in ["forget gate", "c"] {
        expectClose(
          single.trace.value(ofLayer: 0, named: name)?.values ?? [],
          batch.trace.value(ofLayer: 0, named: name, sample: row)?.values ?? [], name, tolerance: 1e-14)
      }
    }
    expectClose(summed, batch.parameterGradients)
  }

  // MARK: - Gradient norms per step

  @Test(arguments: ["rnn 4, dense 1", "lstm 4, dense 1", "lstm 4 sequences, dense 1"])
  func timeStepGradientNormsAreRecorded(description: String) throws {
    let steps = 7
    let network = try randomNetwork(description, inputShape: [steps, 2], seed: 51)
    let inputs = randomSamples(count: 3, width: steps * 2, seed: 52)
    let targets = randomSamples(count: 3, width: 1, seed: 53)
    let result = network.backpropagate(inputs, targets: targets, loss: .square)
    let norms = try #require(result.trace.value(ofLayer: 0, named: TraceSlot.timeStepGradientNorms))
    #expect(norms.shape == [steps])
    #expect(norms.values.allSatisfy { $0 >= 0 && $0.isFinite })
    #expect(norms.values[steps - 1] > 0)
    // The last step's ∂L/∂h is exactly the gradient the layer's output received (last step only).
    if !description.contains("sequences") {
      let direct = result.outputGradients[0].reduce(0) { $0 + $1 * $1 }.squareRoot()
      #expect(abs(norms.values[steps - 1] - direct) <= 1e-15 * direct)
    }
  }

  // MARK: - W5

  @Test func w5Initialisation() throws {
    var network = try Network(description: ModelDescription(parsing: "lstm 16, dense 1"), inputShape: [20, 2])
    var generator = SplitMix64(seed: 7007)
    network.initialise(rule: .fanIn, using: &generator)
    let w = try #require(network.block(named: "lstm1.input.w"))
    #expect(
      Array(network.parameters[w.offset..<(w.offset + 3)])
        == [0.06321676041672114, 0.24874379720479317, 0.09736760325881799])
    let dense = try #require(network.block(named: "w1"))
    #expect(
      Array(network.parameters[dense.offset..<(dense.offset + 3)])
        == [-0.08638189492558945, 0.11688568132056948, 0.022134032117145708])
    let forget = try #require(network.block(named: "lstm1.forget.b"))
    #expect(network.parameters[forget.offset..<(forget.offset + 16)].allSatisfy { $0 == 1 })
    for gate in ["input", "candidate", "output"] {
      let bias = try #require(network.block(named: "lstm1.\(gate).b"))
      #expect(network.parameters[bias.offset..<(bias.offset + 16)].allSatisfy { $0 == 0 })
    }
    let weights = network.blocks.filter { $0.role == .weight && $0.name.hasPrefix("lstm") }
    #expect(weights.count == 4)
    for block in weights {
      #expect(network.parameters[block.offset..<(block.offset + block.count)].allSatisfy { abs($0) <= 0.25 })
    }
  }

  /// The whole W5 workload: initial loss and, after 10 epochs of Adam, the final loss the float64
  /// references agree on.
  @Test func w5TrainsToTheReferenceLoss() throws {
    var network = try Network(description: ModelDescription(parsing: "lstm 16, dense 1"), inputShape: [20, 2])
    var initialGenerator = SplitMix64(seed: 7007)
    network.initialise(rule: .fanIn, using: &initialGenerator)
    let (inputs, targets) = addingProblem()
    func meanLoss() -> Double {
      let predictions = network.predictions(inputs).values
      return zip(predictions, targets.values).reduce(0) { $0 + 0.5 * ($1.0 - $1.1) * ($1.0 - $1.1) } / 1000
    }
    #expect(abs(meanLoss() - 0.6454332665016005) < 1e-12)

    var shuffle = SplitMix64(seed: 8008)
    var order = Array(0..<1000)
    var first = Array(repeating: 0.0, count: network.parameterCount)
    var second = first
    var update = 0
    for _ in 0..<10 {
      var remaining = order.count
      while remaining > 0 {
        let pick = Int(shuffle.uniform() * Double(remaining))
        remaining -= 1
        order.swapAt(remaining, pick)
      }
      for start in stride(from: 0, to: 1000, by: 20) {
        let rows = order[start..<(start + 20)]
        let batchInputs = Samples(width: 40, values: rows.flatMap { inputs[$0] })
        let batchTargets = Samples(width: 1, values: rows.map { targets.values[$0] })
        let gradients = network.backpropagate(batchInputs, targets: batchTargets, loss: .square).parameterGradients
        update += 1
        let correction1 = 1 - pow(0.9, Double(update))
        let correction2 = 1 - pow(0.999, Double(update))
        for index in gradients.indices {
          first[index] = 0.9 * first[index] + (1 - 0.9) * gradients[index]
          second[index] = 0.999 * second[index] + (1 - 0.999) * gradients[index] * gradients[index]
          network.parameters[index] -=
            0.01 * (first[index] / correction1) / ((second[index] / correction2).squareRoot() + 1e-8)
        }
      }
    }
    let final = meanLoss()
    #expect(abs(final - 0.0068668589412935) < 1e-8 * 0.0068668589412935, "final loss \(final)")
  }

  // MARK: - Helpers

  /// W5's data: 1,000 sequences of 20 steps `(v_t, m_t)`, target `v_p + v_q`.
  private func addingProblem() -> (Samples, Samples) {
    var generator = SplitMix64(seed: 6006)
    var inputs = Samples(width: 40)
    var targets = Samples(width: 1)
    for _ in 0..<1000 {
      let values = (0..<20).map { _ in generator.uniform() }
      let p = Int((10 * generator.uniform()).rounded(.down))
      let q = 10 + Int((10 * generator.uniform()).rounded(.down))
      inputs.append((0..<20).flatMap { [values[$0], $0 == p || $0 == q ? 1 : 0] })
      targets.append([values[p] + values[q]])
    }
    return (inputs, targets)
  }

  /// A network with every parameter drawn and then shifted, so biases are not trivial.
  private func randomNetwork(_ description: String, inputShape: TensorShape, seed: UInt64) throws -> Network {
    var network = try Network(description: ModelDescription(parsing: description), inputShape: inputShape)
    var generator = SplitMix64(seed: seed)
    network.initialise(rule: .xavier, using: &generator)
    for index in network.parameters.indices { network.parameters[index] += generator.uniform(-0.5, 0.5) }
    return network
  }

  private func randomSamples(count: Int, width: Int, seed: UInt64) -> Samples {
    var generator = SplitMix64(seed: seed)
    return Samples(width: width, values: (0..<(count * width)).map { _ in generator.uniform(-1, 1) })
  }

  /// The LSTM `lstm<layer>` of `network` run over one sample with Foundation's `exp` and `tanh`:
  /// every trace value by name, time step after time step.
  private func plainLSTM(
    _ network: Network, layer: Int, input x: [Double], steps: Int, features: Int, units: Int
  ) -> [String: [Double]] {
    let columns = features + units
    func parameter(_ block: String, _ index: Int) -> Double {
      guard let found = network.block(named: "lstm\(layer).\(block)") else { return .nan }
      return network.parameters[found.offset + index]
    }
    func sigmoid(_ value: Double) -> Double { 1 / (1 + Foundation.exp(-value)) }
    var h = [Double](repeating: 0, count: units)
    var c = [Double](repeating: 0, count: units)
    var trace: [String: [Double]] = [:]
    for step in 0..<steps {
      let concatenated = Array(x[(step * features)..<((step + 1) * features)]) + h
      func preactivation(_ gate: String, _ unit: Int) -> Double {
        var sum = parameter("\(gate).b", unit)
        for column in 0..<columns { sum += parameter("\(gate).w", unit * columns + column) * concatenated[column] }
        return sum
      }
      let i = (0..<units).map { sigmoid(preactivation("input", $0)) }
      let f = (0..<units).map { sigmoid(preactivation("forget", $0)) }
      let g = (0..<units).map { Foundation.tanh(preactivation("candidate", $0)) }
      let o = (0..<units).map { sigmoid(preactivation("output", $0)) }
      c = (0..<units).map { f[$0] * c[$0] + i[$0] * g[$0] }
      h = (0..<units).map { o[$0] * Foundation.tanh(c[$0]) }
      let values = [("input gate", i), ("forget gate", f), ("candidate", g), ("output gate", o), ("c", c), ("h", h)]
      for (name, stepValues) in values { trace[name, default: []] += stepValues }
    }
    return trace
  }

  private func expectClose(
    _ actual: [Double], _ expected: [Double], _ what: String = "", tolerance: Double = 1e-12,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      actual.count == expected.count, "\(what): \(actual.count) numbers, expected \(expected.count)",
      sourceLocation: sourceLocation)
    let worst = zip(actual, expected).map { abs($0 - $1) / max(abs($1), 1) }.max() ?? 0
    #expect(worst <= tolerance, "\(what): worst difference \(worst)", sourceLocation: sourceLocation)
  }
}
