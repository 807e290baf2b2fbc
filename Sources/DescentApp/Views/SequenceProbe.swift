import NeuralEngine

/// One sequence run through the network, read the way the sequence views show it: the inputs
/// per time step, the first recurrent layer's hidden state (and an LSTM's gates and cell state)
/// per step, the output and the target.
///
/// Built from the playground's shown sample (`x` picks it) with one forward pass of that sample,
/// so a frame costs one sequence however long the run.
struct SequenceProbe {
  /// Which kind of recurrent layer the probe read.
  enum Kind: Equatable {
    case recurrent
    case lstm
  }

  /// The LSTM's values per time step, each `[T][H]`.
  struct Gates {
    var forget: [[Double]]
    var input: [[Double]]
    var output: [[Double]]
    var candidate: [[Double]]
    /// The cell state c (long-term memory).
    var cell: [[Double]]
  }

  let kind: Kind
  /// Index (from 0) of the training sample shown, and how many there are.
  let sampleIndex: Int
  let sampleCount: Int
  /// Feature names without their step number: `bit`, `marker`.
  let featureNames: [String]
  /// The inputs, `[T][F]`.
  let inputs: [[Double]]
  /// The hidden state h (short-term memory), `[T][H]`.
  let hidden: [[Double]]
  /// The LSTM's gates and cell state; nil for a simple recurrent layer.
  let gates: Gates?
  /// The network's prediction and the sample's target.
  let output: [Double]
  let target: [Double]
  /// True when the target is a class (one sigmoid output or one-hot).
  let isClassification: Bool
  /// How strongly each unit's last hidden state sways the output: |h_T,k| times the summed
  /// |weights| from unit k into the dense layer right after the recurrent one; empty when no
  /// dense layer reads the last hidden state directly.
  let influence: [Double]

  var steps: Int { inputs.count }
  var unitCount: Int { hidden.first?.count ?? 0 }

  // MARK: - Reading the network

  /// Index of the network's first recurrent or LSTM layer and its kind, if it has one.
  static func recurrentLayer(of network: Network) -> (index: Int, kind: Kind)? {
    for index in network.layers.indices {
      let item = network.descriptionItems[index] - 1
      guard network.modelDescription.layers.indices.contains(item) else { continue }
      switch network.modelDescription.layers[item] {
      case .recurrent: return (index, .recurrent)
      case .lstm: return (index, .lstm)
      default: continue
      }
    }
    return nil
  }

  /// Hidden units of the first recurrent layer, or nil without one.
  static func recurrentUnitCount(of network: Network) -> Int? {
    guard let layer = recurrentLayer(of: network) else { return nil }
    let shape = network.layers[layer.index].outputShape
    return shape[shape.rank - 1]
  }

  /// The probe for `playground`'s shown sample, or nil when the network has no recurrent layer
  /// or the data is not a sequence.
  init?(playground: Playground) {
    let session = playground.session
    let network = session.network
    guard let layer = Self.recurrentLayer(of: network), network.inputShape.rank == 2 else { return nil }
    let dataset = session.configuration.dataset
    let rows = dataset.trainInputs
    guard rows.count > 0 else { return nil }
    let steps = network.inputShape[0], features = network.inputShape[1]
    sampleCount = rows.count
    sampleIndex = playground.shownSampleIndex % rows.count
    let input = Array(rows[sampleIndex])
    inputs = (0..<steps).map { step in Array(input[(step * features)..<((step + 1) * features)]) }
    featureNames = (0..<features).map { feature in
      let name = feature < dataset.featureNames.count ? dataset.featureNames[feature] : "x\(feature + 1)"
      return String(name.reversed().drop(while: \.isNumber).reversed())
    }
    kind = layer.kind
    let trace = network.trace(input)
    func series(_ name: String) -> [[Double]] {
      guard let tensor = trace.value(ofLayer: layer.index, named: name) else { return [] }
      let width = tensor.shape.count / steps
      return (0..<steps).map { Array(tensor.values[($0 * width)..<(($0 + 1) * width)]) }
    }
    hidden = series("h")
    if layer.kind == .lstm {
      gates = Gates(
        forget: series("forget gate"), input: series("input gate"), output: series("output gate"),
        candidate: series("candidate"), cell: series("c"))
    } else {
      gates = nil
    }
    output = trace.output()
    influence = Self.influence(of: network, recurrentLayer: layer.index, lastHidden: hidden.last ?? [])
    target = Array(dataset.trainTargets[sampleIndex])
    if case .classification = dataset.task { isClassification = true } else { isClassification = false }
  }

  /// |h_T,k| · Σ_o |w_o,k| for the dense layer that reads the recurrent layer's last state.
  private static func influence(of network: Network, recurrentLayer: Int, lastHidden: [Double]) -> [Double] {
    let next = recurrentLayer + 1
    guard network.layers.indices.contains(next), network.layers[next].isDense,
      network.layers[next].inputShape.count == lastHidden.count,
      let weights = network.blocks(ofLayer: next).first(where: { $0.role == .weight })
    else { return [] }
    let inputs = lastHidden.count
    var totals = [Double](repeating: 0, count: inputs)
    for (offset, position) in weights.range.enumerated() {
      totals[offset % inputs] += abs(network.parameters[position])
    }
    return zip(totals, lastHidden).map { $0 * abs($1) }
  }

  // MARK: - Derived values

  /// The unit the views single out: `chosen` (wrapped to the layer's size) or, when nil, the
  /// unit that sways this sequence's output most (see `influence`), else the one whose memory is
  /// strongest at the last step (|c| for an LSTM, |h| otherwise).
  func unit(chosen: Int?) -> Int {
    guard unitCount > 0 else { return 0 }
    if let chosen { return chosen % unitCount }
    let scores = influence.count == unitCount ? influence : (gates?.cell.last ?? hidden.last ?? []).map(abs)
    guard !scores.isEmpty else { return 0 }
    return scores.indices.max { scores[$0] < scores[$1] } ?? 0
  }

  /// The first step where a feature named `marker` is on, if the sequence has such a feature.
  var markedStep: Int? {
    guard let feature = featureNames.firstIndex(of: "marker") else { return nil }
    return inputs.firstIndex { $0[feature] > 0.5 }
  }

  /// The predicted class (one sigmoid output or the largest of several), for classification.
  var predictedClass: Int? {
    guard isClassification, !output.isEmpty else { return nil }
    if output.count == 1 { return output[0] >= 0.5 ? 1 : 0 }
    return output.indices.max { output[$0] < output[$1] }
  }

  /// The target class, for classification.
  var targetClass: Int? {
    guard isClassification, !target.isEmpty else { return nil }
    if target.count == 1 { return target[0] >= 0.5 ? 1 : 0 }
    return target.indices.max { target[$0] < target[$1] }
  }
}
