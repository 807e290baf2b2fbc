import NeuralEngine

/// One learned parameter with its engine name and, in dense layers, the names of what it
/// connects: features, hidden neurons (`h1.2`) and outputs.
struct NamedParameter: Equatable, Sendable {
  /// Dense layer number (1-based), or the description item for other layers.
  var layer: Int
  /// `w1[0,2]`, `conv1.kernel[3,0,1,2]`.
  var name: String
  /// What the weight reads from (`size`, `h1.2`, `bias`); empty outside dense layers.
  var from: String
  /// The neuron it feeds (`price`, `h2.1`); empty outside dense layers.
  var to: String
  var value: Double

  /// Every parameter of `network` in buffer order.
  static func all(in network: Network, dataset: Dataset) -> [NamedParameter] {
    let stages = network.denseStages
    let denseOnly = network.isDenseStack
    return (0..<network.parameterCount).map { position in
      NamedParameter(at: position, in: network, dataset: dataset, stages: stages, denseOnly: denseOnly)
    }
  }

  /// The parameter at `position` of `network`.
  init(at position: Int, in network: Network, dataset: Dataset) {
    self.init(at: position, in: network, dataset: dataset, stages: network.denseStages, denseOnly: network.isDenseStack)
  }

  private init(at position: Int, in network: Network, dataset: Dataset, stages: [DenseStage], denseOnly: Bool) {
    let id = network.parameterID(at: position)
    let layerIndex = network.blocks.last { $0.offset <= position }?.layer ?? 0
    let stage = stages.first { $0.layer == layerIndex }
    layer = stage.map { $0.index + 1 } ?? network.descriptionItems[layerIndex]
    name = id.description
    from = ""
    to = ""
    value = network.parameters[position]
    guard denseOnly, let stage else { return }
    let isOutput = stage.index == stages.count - 1
    let output = id.indices[0]
    to = isOutput ? Self.outputName(output, dataset: dataset, count: stage.outputCount) : "h\(stage.index + 1).\(output + 1)"
    if id.indices.count == 2 {
      let input = id.indices[1]
      from =
        stage.index == 0
        ? (dataset.featureNames.indices.contains(input) ? dataset.featureNames[input] : "x\(input + 1)")
        : "h\(stage.index).\(input + 1)"
    } else {
      from = "bias"
    }
  }

  private static func outputName(_ output: Int, dataset: Dataset, count: Int) -> String {
    if count == dataset.targetNames.count { return dataset.targetNames[output] }
    return "class \(output)"
  }
}
