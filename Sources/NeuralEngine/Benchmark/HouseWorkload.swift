import Foundation

/// W1 "house": one linear neuron fitted to 1,000 invented houses by full-batch gradient descent.
///
/// Features are stored column by column (size, bedrooms, location, price), so one epoch is a
/// single fused pass: the prediction error `r = w·x + b − y` of eight houses at a time feeds the
/// four gradient sums `Σr`, `Σr·size`, `Σr·bedrooms`, `Σr·location` straight away.
struct HouseWorkload: TimedWorkload {
  static let workload = BenchmarkWorkload.w1
  static var samplesPerEpoch: Int { sampleCount }
  /// Houses in the training set.
  static let sampleCount = 1000
  /// Full-batch epochs per training.
  static let epochs = 2000
  /// Gradient-descent step size.
  static let learningRate = 0.5

  /// The model: `prediction = weights · x + bias`.
  struct Parameters: Equatable {
    var weights = SIMD4<Double>(0, 0, 0, 0)
    var bias = 0.0
  }

  /// Size column, in [0, 1).
  let sizes: [Double]
  /// Bedrooms column, one of 0, .25, .5, .75, 1.
  let bedrooms: [Double]
  /// Location column, in [0, 1).
  let locations: [Double]
  /// Prices (targets).
  let prices: [Double]

  /// Generates the data from seed 1, in the draw order of `WORKLOADS.md`.
  init() {
    var generator = SplitMix64(seed: 1)
    var sizes = [Double]()
    var bedrooms = [Double]()
    var locations = [Double]()
    var prices = [Double]()
    for _ in 0..<Self.sampleCount {
      let size = generator.uniform()
      let bedroom = Foundation.floor(5 * generator.uniform()) / 4
      let location = generator.uniform()
      let noise = 0.01 * generator.normal()
      let price = 0.3 * size + 0.2 * bedroom + 0.5 * location + noise
      sizes.append(size)
      bedrooms.append(bedroom)
      locations.append(location)
      prices.append(price)
    }
    self.sizes = sizes
    self.bedrooms = bedrooms
    self.locations = locations
    self.prices = prices
  }

  // MARK: - Running

  static func initialState() -> Parameters { Parameters() }

  func loss(_ parameters: Parameters) -> Double { meanSquaredError(parameters) }

  /// Epochs per second and the learned weights, which must equal the least-squares solution.
  func extras(_ parameters: Parameters, epochsPerSecond: Double) -> [(String, String)] {
    let format = { (value: Double) in String(format: "%.6f", value) }
    let w = parameters.weights
    return [
      ("epochs_per_s", BenchmarkResult.compact(epochsPerSecond)),
      ("w", "\(format(w[0])),\(format(w[1])),\(format(w[2]))"),
      ("b", format(parameters.bias)),
    ]
  }

  // MARK: - Model

  /// `(1/n) Σ (w·x + b − y)²` over all houses.
  func meanSquaredError(_ parameters: Parameters) -> Double {
    var total = 0.0
    for index in 0..<Self.sampleCount {
      let error = prediction(parameters, at: index) - prices[index]
      total += error * error
    }
    return total / Double(Self.sampleCount)
  }

  private func prediction(_ parameters: Parameters, at index: Int) -> Double {
    let w = parameters.weights
    return w[0] * sizes[index] + w[1] * bedrooms[index] + w[2] * locations[index] + parameters.bias
  }

  // MARK: - Training (timed)

  /// All epochs of full-batch gradient descent: `p −= lr · (2/n) Σ r·x` once per epoch.
  func train(_ parameters: inout Parameters) {
    sizes.withUnsafeBufferPointer { size in
      bedrooms.withUnsafeBufferPointer { bedroom in
        locations.withUnsafeBufferPointer { location in
          prices.withUnsafeBufferPointer { price in
            guard let size = size.baseAddress, let bedroom = bedroom.baseAddress,
              let location = location.baseAddress, let price = price.baseAddress
            else { return }
            for _ in 0..<Self.epochs {
              let sums = Self.gradientSums(
                parameters, size: size, bedroom: bedroom, location: location, price: price,
                count: Self.sampleCount)
              let scale = 2.0 / Double(Self.sampleCount)
              for feature in 0..<3 {
                parameters.weights[feature] -= Self.learningRate * (scale * sums[feature])
              }
              parameters.bias -= Self.learningRate * (scale * sums[3])
            }
          }
        }
      }
    }
  }

  /// One fused pass over the columns: `(Σ r·size, Σ r·bedrooms, Σ r·location, Σ r)` where
  /// `r = w·x + b − y`, eight houses per step in two groups of four SIMD lanes (two independent
  /// sets of sums, so consecutive additions do not wait on each other). `count` must be a
  /// multiple of 8. Not inlined on purpose: with the count a compile-time constant the
  /// optimiser unrolls the loop fully and shuffles lanes around, three times slower.
  @inline(never)
  private static func gradientSums(
    _ parameters: Parameters, size: UnsafePointer<Double>, bedroom: UnsafePointer<Double>,
    location: UnsafePointer<Double>, price: UnsafePointer<Double>, count: Int
  ) -> SIMD4<Double> {
    typealias Lanes = SIMD4<Double>
    let w0 = Lanes(repeating: parameters.weights[0])
    let w1 = Lanes(repeating: parameters.weights[1])
    let w2 = Lanes(repeating: parameters.weights[2])
    let b = Lanes(repeating: parameters.bias)
    var sumSizeA = Lanes()
    var sumBedroomA = Lanes()
    var sumLocationA = Lanes()
    var sumErrorA = Lanes()
    var sumSizeB = Lanes()
    var sumBedroomB = Lanes()
    var sumLocationB = Lanes()
    var sumErrorB = Lanes()
    @inline(__always) func load(_ pointer: UnsafePointer<Double>, _ index: Int) -> Lanes {
      UnsafeRawPointer(pointer + index).loadUnaligned(as: Lanes.self)
    }
    /// `w·x + b − y`, as `w0·x0 + (w1·x1 + (w2·x2 + (b − y)))` so it fuses where FMA exists.
    @inline(__always) func forward(_ x0: Lanes, _ x1: Lanes, _ x2: Lanes, _ y: Lanes) -> Lanes {
      let last = DenseKernels.multiplyAdd(b - y, w2, x2)
      return DenseKernels.multiplyAdd(DenseKernels.multiplyAdd(last, w1, x1), w0, x0)
    }
    var index = 0
    while index < count {
      let x0 = load(size, index)
      let x1 = load(bedroom, index)
      let x2 = load(location, index)
      let error = forward(x0, x1, x2, load(price, index))
      sumErrorA += error
      sumSizeA = DenseKernels.multiplyAdd(sumSizeA, error, x0)
      sumBedroomA = DenseKernels.multiplyAdd(sumBedroomA, error, x1)
      sumLocationA = DenseKernels.multiplyAdd(sumLocationA, error, x2)
      let y0 = load(size, index &+ 4)
      let y1 = load(bedroom, index &+ 4)
      let y2 = load(location, index &+ 4)
      let errorB = forward(y0, y1, y2, load(price, index &+ 4))
      sumErrorB += errorB
      sumSizeB = DenseKernels.multiplyAdd(sumSizeB, errorB, y0)
      sumBedroomB = DenseKernels.multiplyAdd(sumBedroomB, errorB, y1)
      sumLocationB = DenseKernels.multiplyAdd(sumLocationB, errorB, y2)
      index &+= 8
    }
    return SIMD4(
      (sumSizeA + sumSizeB).sum(), (sumBedroomA + sumBedroomB).sum(),
      (sumLocationA + sumLocationB).sum(), (sumErrorA + sumErrorB).sum())
  }
}
