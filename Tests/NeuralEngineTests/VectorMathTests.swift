import Foundation
import Testing
@testable import NeuralEngine

/// The vectorised tanh, exp and sigmoid against Foundation's, over their whole range.
@Suite struct VectorMathTests {
  /// Distance in units in the last place of `expected`.
  static func ulps(_ value: Double, _ expected: Double) -> Double {
    if value == expected { return 0 }
    return abs(value - expected) / expected.ulp
  }

  /// `tanh` computed in 80-bit extended precision where the CPU has it, otherwise glibc's own.
  static func referenceTanh(_ x: Double) -> Double {
    #if arch(x86_64) && !os(Windows)
      return Double(Foundation.tanh(Float80(x)))
    #else
      return Foundation.tanh(x)
    #endif
  }

  /// How far `referenceTanh` may be from the exact value, in ulp: within half a unit of the
  /// nearest double in 80 bits, off by up to 2 ulp from glibc.
  #if arch(x86_64) && !os(Windows)
    static let referenceTanhError = 0.5
  #else
    static let referenceTanhError = 2.0
  #endif

  @Test func tanhIsWithinItsDocumentedUnitsInTheLastPlace() {
    var worst = 0.0
    // The whole range, and small arguments, where only relative accuracy counts.
    let wholeRange: [Double] = (0...400_000).map { index in -20 + 40 * Double(index) / 400_000 }
    let smallOnes: [Double] = (0...100_000).map { index in Foundation.pow(10, -12 + 12 * Double(index) / 100_000) }
    let arguments = wholeRange + smallOnes
    for x in arguments {
      worst = max(worst, Self.ulps(VectorMath.tanh(x), Self.referenceTanh(x)))
    }
    #expect(worst <= VectorMath.maximumErrorInUnits + Self.referenceTanhError)
  }

  @Test func specialValuesKeepTheirMeaning() {
    #expect(VectorMath.tanh(0).sign == .plus && VectorMath.tanh(-0.0).sign == .minus)
    #expect(VectorMath.tanh(.infinity) == 1 && VectorMath.tanh(-.infinity) == -1)
    #expect(VectorMath.tanh(.nan).isNaN)
    #expect(VectorMath.tanh(1e-300) == 1e-300)
    #expect(VectorMath.tanh(.leastNonzeroMagnitude) == .leastNonzeroMagnitude)
    #expect(VectorMath.exp(-800) == 0 && VectorMath.exp(800) == .infinity && VectorMath.exp(.nan).isNaN)
    #expect(VectorMath.sigmoid(-800) == 0 && VectorMath.sigmoid(800) == 1 && VectorMath.sigmoid(.nan).isNaN)
    #expect(VectorMath.sigmoid(0) == 0.5)
  }

  @Test func expAndSigmoidMatchFoundation() {
    var worstExp = 0.0
    var worstSigmoid = 0.0
    for index in 0...200_000 {
      let x = -700 + 1400 * Double(index) / 200_000
      worstExp = max(worstExp, Self.ulps(VectorMath.exp(x), Foundation.exp(x)))
      let small = -40 + 80 * Double(index) / 200_000
      let sigmoid = small >= 0 ? 1 / (1 + Foundation.exp(-small)) : Foundation.exp(small) / (1 + Foundation.exp(small))
      worstSigmoid = max(worstSigmoid, Self.ulps(VectorMath.sigmoid(small), sigmoid))
    }
    #expect(worstExp <= 2)
    #expect(worstSigmoid <= 4)
  }

  @Test func buffersOfAnyLengthAreTransformed() {
    for count in [0, 1, 7, 8, 9, 17, 31, 32, 33, 41, 63, 64, 100] {
      var values = (0..<count).map { Double($0) / 3 - 2 }
      let expected = values.map { Foundation.tanh($0) }
      values.withBase { VectorMath.applyTanh($0, count: count) }
      for (value, reference) in zip(values, expected) { #expect(Self.ulps(value, reference) <= 2) }
    }
  }
}
