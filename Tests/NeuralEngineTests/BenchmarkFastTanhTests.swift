import Foundation
import Testing

@testable import NeuralEngine

@Suite struct BenchmarkFastTanhTests {
  /// Error of `value` against `reference`, in units in the last place of `reference`.
  private func ulps(_ value: Double, _ reference: Double) -> Double {
    if value == reference { return 0 }
    return abs(value - reference) / reference.ulp
  }

  @Test func matchesFoundationDenselyWithinDocumentedBound() {
    var worst = 0.0
    var worstAt = 0.0
    var x = -20.0
    let step = 40.0 / 400_000
    var lanes = SIMD8<Double>()
    var filled = 0
    func flush() {
      let results = FastTanh.tanh(lanes)
      for lane in 0..<filled {
        let error = ulps(results[lane], Foundation.tanh(lanes[lane]))
        if error > worst { (worst, worstAt) = (error, lanes[lane]) }
      }
      filled = 0
    }
    while x <= 20 {
      lanes[filled] = x
      filled += 1
      if filled == 8 { flush() }
      x += step
    }
    flush()
    print("FastTanh worst error \(worst) ulp at \(worstAt)")
    #expect(worst <= FastTanh.maximumErrorInUnits)
  }

  @Test func handlesSpecialValues() {
    #expect(FastTanh.tanh(0.0) == 0 && FastTanh.tanh(0.0).sign == .plus)
    #expect(FastTanh.tanh(-0.0) == 0 && FastTanh.tanh(-0.0).sign == .minus)
    #expect(FastTanh.tanh(Double.infinity) == 1)
    #expect(FastTanh.tanh(-Double.infinity) == -1)
    #expect(FastTanh.tanh(20) == 1 && FastTanh.tanh(-20) == -1)
    #expect(FastTanh.tanh(1e300) == 1)
    #expect(FastTanh.tanh(Double.nan).isNaN)
    for tiny in [1e-300, Double.leastNonzeroMagnitude, 1e-17, 1e-9, 3e-5] {
      #expect(FastTanh.tanh(tiny) == Foundation.tanh(tiny))
      #expect(FastTanh.tanh(-tiny) == -FastTanh.tanh(tiny))
    }
    for x in [0.624999, 0.625, 0.625000001, 1, 5, 19, 19.1] {
      #expect(ulps(FastTanh.tanh(x), Foundation.tanh(x)) <= FastTanh.maximumErrorInUnits)
      #expect(FastTanh.tanh(-x) == -FastTanh.tanh(x))
    }
  }

  @Test func appliesToWholeBuffers() {
    var values = (0..<16).map { Double($0) / 4 - 2 }
    values.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress { FastTanh.apply(to: base, count: 16) }
    }
    for (index, value) in values.enumerated() {
      #expect(ulps(value, Foundation.tanh(Double(index) / 4 - 2)) <= FastTanh.maximumErrorInUnits)
    }
  }
}
