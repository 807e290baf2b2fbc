import Testing
@testable import NeuralEngine

/// Convolution, max pooling and average pooling: gradients against finite differences, the fast
/// im2col path against the plain loops, the first-maximum rule, names, initialisation order and
/// the shape errors a description can hit.
@Suite struct ConvolutionGradientTests {
  // MARK: - Gradients

  @Test func convolutionWithStrideOneAndNoPadding() throws {
    try GradientChecker.expectExact("conv 3 3x3 tanh", inputShape: [1, 5, 6])
  }

  @Test func convolutionWithStrideTwoPaddingOneAndTwoChannels() throws {
    try GradientChecker.expectExact("conv 2 3x3 stride 2 pad 1 tanh, dense 3", inputShape: [2, 5, 5])
  }

  @Test func convolutionReluMaxPoolDense() throws {
    try GradientChecker.expectExact("conv 4 3x3 relu, maxpool 2, dense 3", inputShape: [1, 6, 6])
  }

  @Test func convolutionsStackedWithManyFiltersAndEvenKernels() throws {
    // Eight filters or more take the transposing branch of `multiplyTransposed`.
    try GradientChecker.expectExact("conv 9 2x2 stride 2 tanh, conv 3 3x3 pad 2, dense 2", inputShape: [2, 6, 5])
  }

  @Test func maxPoolWithOverlappingWindows() throws {
    try GradientChecker.expectExact("maxpool 3 stride 2, dense 2", inputShape: [2, 7, 7])
    try GradientChecker.expectExact("conv 2 2x2 tanh, maxpool 2 stride 1", inputShape: [1, 5, 4])
  }

  @Test func averagePool() throws {
    try GradientChecker.expectExact("avgpool 2, dense 2", inputShape: [2, 6, 4])
    try GradientChecker.expectExact("conv 2 3x3 tanh, avgpool 3 stride 1, dense 2", inputShape: [1, 7, 6])
  }

  @Test func theWorkloadCNNWithSoftmaxAndCrossEntropy() throws {
    try GradientChecker.expectExact(
      "conv 8 3x3 relu, maxpool 2, dense 10 softmax", inputShape: [1, 8, 8], batch: 4,
      loss: .categoricalCrossEntropy, targets: GradientChecker.oneHot)
  }

  // MARK: - Max pooling's first maximum

  @Test func theGradientOfATiedWindowGoesToItsFirstMaximum() throws {
    let network = try Network(description: ModelDescription(parsing: "maxpool 2"), inputShape: [1, 2, 4])
    // Window 0 ties at (0, 1) and (1, 0); window 1 ties along its bottom row, (1, 2) and (1, 3).
    let input: [Double] = [
      0.5, 0.9, 0.3, 0.1,
      0.9, 0.2, 0.7, 0.7,
    ]
    let zeros = Samples(width: 2, values: [0, 0])
    // Square loss against 0: the gradient of each output is the output itself.
    let result = network.backpropagate(Samples(width: 8, values: input), targets: zeros, loss: .square)
    #expect(result.trace.output() == [0.9, 0.7])
    #expect(result.trace.value(ofLayer: 0, named: "argmax")?.values == [1, 6])
    #expect(result.inputGradients == [0, 0.9, 0, 0, 0, 0, 0.7, 0])
  }

  @Test func overlappingWindowsAddTheirGradientsOnASharedMaximum() throws {
    let network = try Network(description: ModelDescription(parsing: "maxpool 2 stride 1"), inputShape: [1, 2, 3])
    let input: [Double] = [0.1, 0.8, 0.2, 0.3, 0.4, 0.5]
    let result = network.backpropagate(
      Samples(width: 6, values: input), targets: Samples(width: 2, values: [0, 0]), loss: .square)
    #expect(result.trace.output() == [0.8, 0.8])
    #expect(result.inputGradients == [0, 1.6, 0, 0, 0, 0])
  }

  // MARK: - Fast path against the plain loops

  /// Descriptions and input shapes covering strides, padding, channels, odd and even sizes.
  static let convolutionShapes: [(String, TensorShape)] = [
    ("conv 2 3x3", [1, 5, 5]),
    ("conv 3 3x3 stride 2 pad 1", [2, 7, 6]),
    ("conv 4 2x2 stride 2", [3, 5, 7]),
    ("conv 2 5x5 pad 2", [2, 6, 5]),
    ("conv 8 3x3", [1, 8, 8]),
    ("conv 5 3x3 stride 3 pad 1", [3, 9, 9]),
    ("conv 3 4x4 stride 3 pad 2", [2, 7, 5]),
    ("conv 2 1x1", [2, 3, 4]),
    ("conv 9 3x3 pad 3", [1, 3, 3]),
  ]

  @Test(arguments: convolutionShapes)
  func theFastPathEqualsTheReferenceLoops(description: String, inputShape: TensorShape) throws {
    var network = try Network(description: ModelDescription(parsing: description), inputShape: inputShape)
    var generator = SplitMix64(seed: 7)
    network.initialise(rule: .uniform, bias: 0.1, using: &generator)
    for index in network.parameters.indices { network.parameters[index] += generator.uniform(-0.3, 0.3) }
    let batch = 3
    let input = (0..<(batch * inputShape.count)).map { _ in generator.uniform(-1, 1) }
    guard case .convolution(let layer) = network.layers[0].kind else {
      Issue.record("\(description) did not build a convolution")
      return
    }
    let fast = network.predictions(Samples(width: inputShape.count, values: input)).values
    let reference = layer.referenceForward(input: input, parameters: network.parameters, batch: batch)
    #expect(fast.count == reference.count)
    #expect(zip(fast, reference).allSatisfy { abs($0 - $1) < 1e-12 }, "\(description) on \(inputShape)")
  }

  @Test func oneKernelOnOnePatchIsTheSumOfTheNineProductsPlusTheBias() throws {
    var network = try Network(description: ModelDescription(parsing: "conv 1 3x3"), inputShape: [1, 3, 3])
    #expect(network.outputShape == [1, 1, 1])
    let kernel: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    for ky in 0..<3 {
      for kx in 0..<3 {
        network[ParameterID(block: "conv1.kernel", indices: [0, 0, ky, kx])] = kernel[ky * 3 + kx]
      }
    }
    network[ParameterID(block: "conv1.bias", indices: [0])] = 0.5
    let patch: [Double] = [0.1, -0.2, 0.3, 0.4, 0.5, -0.6, 0.7, 0.8, 0.9]
    // 0.1 − 0.4 + 0.9 + 1.6 + 2.5 − 3.6 + 4.9 + 6.4 + 8.1 = 20.5, plus the bias 0.5.
    let output = network.predict(patch)
    #expect(output.count == 1)
    #expect(abs(output[0] - 21) < 1e-12)
  }

  @Test func aBatchEqualsItsSamplesOneByOne() throws {
    let description = "conv 3 3x3 pad 1 relu, maxpool 2, conv 2 2x2, avgpool 2 stride 1, dense 4 softmax"
    var network = try Network(description: ModelDescription(parsing: description), inputShape: [2, 6, 6])
    var generator = SplitMix64(seed: 9)
    network.initialise(rule: .he, bias: 0.05, using: &generator)
    let batch = 5
    let inputs = Samples(width: 72, values: (0..<(batch * 72)).map { _ in generator.uniform(-1, 1) })
    let targets = Samples(width: 4, values: GradientChecker.oneHot(&generator, batch, 4))
    let whole = network.backpropagate(inputs, targets: targets, loss: .categoricalCrossEntropy)
    var summed = [Double](repeating: 0, count: network.parameterCount)
    for row in 0..<batch {
      let single = network.backpropagate(
        Samples(width: 72, values: Array(inputs[row])), targets: Samples(width: 4, values: Array(targets[row])),
        loss: .categoricalCrossEntropy)
      for index in summed.indices { summed[index] += single.parameterGradients[index] / Double(batch) }
      #expect(zip(single.trace.output(), whole.trace.output(sample: row)).allSatisfy { abs($0 - $1) < 1e-14 })
      // The batch's loss is the mean, so each sample's input gradient is divided by the batch size.
      #expect(
        zip(single.inputGradients, whole.inputGradients[(row * 72)..<((row + 1) * 72)])
          .allSatisfy { abs($0 / Double(batch) - $1) < 1e-14 })
    }
    for index in summed.indices { #expect(abs(summed[index] - whole.parameterGradients[index]) < 1e-12) }
  }

  // MARK: - Trace, names and initialisation

  @Test func theColumnsSlotHoldsEachSamplesPatches() throws {
    let network = try Network(description: ModelDescription(parsing: "conv 1 2x2"), inputShape: [1, 2, 3])
    let inputs = Samples(width: 6, values: [1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60])
    let trace = network.trace(inputs)
    // Rows are the kernel cells (ky, kx), columns the two positions of the window.
    #expect(trace.value(ofLayer: 0, named: "columns")?.shape == [4, 2])
    #expect(trace.value(ofLayer: 0, named: "columns", sample: 0)?.values == [1, 2, 2, 3, 4, 5, 5, 6])
    #expect(trace.value(ofLayer: 0, named: "columns", sample: 1)?.values == [10, 20, 20, 30, 40, 50, 50, 60])
  }

  @Test func blocksAreNamedAndShapedAsTheLessonsWriteThem() throws {
    let network = try Network(
      description: ModelDescription(parsing: "conv 4 3x3 relu, maxpool 2, conv 2 2x2, avgpool 3, dense 3"),
      inputShape: [3, 10, 10])
    #expect(network.blocks.map(\.name) == ["conv1.kernel", "conv1.bias", "conv2.kernel", "conv2.bias", "w1", "b1"])
    #expect(network.blocks.map(\.shape) == [[4, 3, 3, 3], [4], [2, 4, 2, 2], [2], [3, 2], [3]])
    #expect(network.layers.map(\.outputShape) == [[4, 8, 8], [4, 8, 8], [4, 4, 4], [2, 3, 3], [2, 1, 1], [3]])
    #expect(network.contains(ParameterID(block: "conv1.kernel", indices: [3, 0, 1, 2])))
    #expect(network.description.hasPrefix("Conv(3×10×10→4×8×8, 3×3) → relu → MaxPool(4×8×8→4×4×4, 2×2) → Conv("))
  }

  @Test func theWorkloadCNNDrawsItsWeightsInTheReferenceOrder() throws {
    // WORKLOADS.md W4: Glorot uniform from seed 4004, the kernels (fan-in 9, fan-out 72) first.
    var network = try Network(
      description: ModelDescription(parsing: "conv 8 3x3 relu, maxpool 2, dense 10 softmax"), inputShape: [1, 8, 8])
    var generator = SplitMix64(seed: 4004)
    network.initialise(rule: .xavier, using: &generator)
    let kernel = try #require(network.block(named: "conv1.kernel"))
    let dense = try #require(network.block(named: "w1"))
    #expect(Array(network.parameters[kernel.offset..<(kernel.offset + 3)]) == [
      -0.028353232226624503, 0.08254739775669634, 0.044655740672099986,
    ])
    #expect(Array(network.parameters[dense.offset..<(dense.offset + 3)]) == [
      0.021882595387850645, 0.10601098448195406, 0.027545876699859695,
    ])
    #expect(network.parameters[(kernel.offset + 72)..<(kernel.offset + 80)].allSatisfy { $0 == 0 })
  }

  // MARK: - Shape errors

  /// A description, the input shape it is built for and the error's text.
  static let shapeErrors: [(String, TensorShape, String)] = [
    ("dense 64, conv 8 3x3", [3],
     "layer 2 'conv 8 3x3': needs an image input (channels×height×width); got 64"),
    ("maxpool 2", [4, 6], "layer 1 'maxpool 2': needs an image input (channels×height×width); got 4×6"),
    ("conv 2 9x9", [1, 8, 8], "layer 1 'conv 2 9x9': the 8×8 input is smaller than the 9×9 kernel"),
    ("conv 1 7x7 pad 1", [1, 4, 5],
     "layer 1 'conv 1 7x7 pad 1': the 4×5 input (6×7 with padding) is smaller than the 7×7 kernel"),
    ("conv 8 3x3, maxpool 4", [1, 8, 8], "layer 2 'maxpool 4': the 6×6 input is not divisible by 4"),
    ("avgpool 2", [1, 6, 5], "layer 1 'avgpool 2': the 6×5 input is not divisible by 2"),
    ("avgpool 3 stride 1", [1, 2, 2], "layer 1 'avgpool 3 stride 1': the 2×2 input is smaller than the 3×3 window"),
  ]

  @Test(arguments: shapeErrors)
  func shapeErrorsNameTheLayerAndTheProblem(description: String, inputShape: TensorShape, message: String) throws {
    let parsed = try ModelDescription(parsing: description)
    let error = #expect(throws: ModelError.self) { try Network(description: parsed, inputShape: inputShape) }
    #expect(error?.description == message)
  }

  @Test func overlappingPoolsNeedNotDivideTheInput() throws {
    let network = try Network(description: ModelDescription(parsing: "maxpool 3 stride 2"), inputShape: [1, 6, 6])
    #expect(network.outputShape == [1, 2, 2])
  }
}
