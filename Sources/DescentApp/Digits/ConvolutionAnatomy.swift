import NeuralEngine

/// The first convolution of a network, read from its description and parameters: the sizes,
/// every kernel, and where its activation and pooling layers sit.
///
/// Views draw from this value, never from the live layers: it copies what it needs.
struct ConvolutionAnatomy: Equatable {
  /// Index in `Network.layers` of the convolution (its output is the feature maps).
  let layer: Int
  /// The activation layer right after it, if any (its output is the activated maps).
  let activationLayer: Int?
  /// The pooling layer after that, if any (its output is the pooled maps).
  let poolingLayer: Int?
  let filters: Int
  let channels: Int
  let kernelSize: Int
  let stride: Int
  let padding: Int
  /// Input image rows and columns.
  let inputHeight: Int
  let inputWidth: Int
  /// Feature map rows and columns.
  let outputHeight: Int
  let outputWidth: Int
  /// The kernels in `[filter, channel, row, column]` order.
  let kernels: [Double]
  let biases: [Double]
  /// The activation applied after the convolution (`relu`), if any.
  let activation: Activation?
  /// What the pooling layer does (`maxpool 2`), if there is one.
  let poolingName: String?

  /// The first convolution of `network`, or nil when it has none.
  init?(network: Network) {
    guard let kernelBlock = network.block(named: "conv1.kernel"), let biasBlock = network.block(named: "conv1.bias"),
      kernelBlock.shape.rank == 4
    else { return nil }
    let layer = kernelBlock.layer
    let item = network.descriptionItems[layer]
    guard case .convolution(let filters, let size, let stride, let padding, _) = network.modelDescription.layers[item - 1]
    else { return nil }
    let input = network.layers[layer].inputShape
    let output = network.layers[layer].outputShape
    guard input.rank == 3, output.rank == 3 else { return nil }
    self.layer = layer
    self.filters = filters
    channels = input[0]
    kernelSize = size
    self.stride = stride
    self.padding = padding
    inputHeight = input[1]
    inputWidth = input[2]
    outputHeight = output[1]
    outputWidth = output[2]
    kernels = Array(network.parameters[kernelBlock.range])
    biases = Array(network.parameters[biasBlock.range])
    var next = layer + 1
    if next < network.layers.count, let function = network.layers[next].activation {
      activationLayer = next
      activation = function
      next += 1
    } else {
      activationLayer = nil
      activation = nil
    }
    var pooling: (layer: Int, name: String)?
    if next < network.layers.count {
      let spec = network.modelDescription.layers[network.descriptionItems[next] - 1]
      switch spec {
      case .maxPool, .averagePool: pooling = (next, spec.description)
      default: break
      }
    }
    poolingLayer = pooling?.layer
    poolingName = pooling?.name
  }

  /// Output positions of one feature map.
  var positions: Int { outputHeight * outputWidth }

  /// Kernel weight of `filter` at (`row`, `column`) of `channel`.
  func weight(filter: Int, channel: Int = 0, row: Int, column: Int) -> Double {
    kernels[((filter * channels + channel) * kernelSize + row) * kernelSize + column]
  }

  /// The kernel of `filter` on `channel`, row-major.
  func kernel(filter: Int, channel: Int = 0) -> [Double] {
    let start = (filter * channels + channel) * kernelSize * kernelSize
    return Array(kernels[start..<(start + kernelSize * kernelSize)])
  }

  /// One term of the sum at an output position: the weight, the input pixel under it (0 on the
  /// padding), and where that pixel is (nil on the padding).
  struct Term: Equatable {
    var weight: Double
    var input: Double
    var inputRow: Int?
    var inputColumn: Int?
    var product: Double { weight * input }
  }

  /// The terms of `filter` at output position `position` over `image` (`[channel, row, column]`),
  /// channel by channel, kernel row by row: `z = b + Σ weight · input`, the naive loop the
  /// engine's reference convolution runs.
  func terms(filter: Int, position: Int, image: [Double]) -> [Term] {
    let outputRow = position / outputWidth, outputColumn = position % outputWidth
    var terms: [Term] = []
    for channel in 0..<channels {
      for row in 0..<kernelSize {
        for column in 0..<kernelSize {
          let inputRow = outputRow * stride + row - padding
          let inputColumn = outputColumn * stride + column - padding
          let inside = (0..<inputHeight).contains(inputRow) && (0..<inputWidth).contains(inputColumn)
          let value = inside ? image[(channel * inputHeight + inputRow) * inputWidth + inputColumn] : 0
          terms.append(
            Term(
              weight: weight(filter: filter, channel: channel, row: row, column: column), input: value,
              inputRow: inside ? inputRow : nil, inputColumn: inside ? inputColumn : nil))
        }
      }
    }
    return terms
  }

  /// `b + Σ weight · input` for `filter` at `position`.
  func output(filter: Int, position: Int, image: [Double]) -> Double {
    terms(filter: filter, position: position, image: image).reduce(biases[filter]) { $0 + $1.product }
  }
}
