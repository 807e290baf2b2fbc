import Foundation
import NeuralEngine

/// `--plot loss.svg`: the train and test loss per epoch (and accuracy, for classification) as
/// an SVG chart for a report. Keeps at most about a thousand points per series however long the
/// run, averaging neighbours as `DownsampledSeries` does.
public struct LossPlot {
  private var trainLoss = DownsampledSeries(capacity: 1000)
  private var testLoss = DownsampledSeries(capacity: 1000)
  private var trainAccuracy = DownsampledSeries(capacity: 1000)
  private var testAccuracy = DownsampledSeries(capacity: 1000)
  /// The chart's title, e.g. the dataset and model.
  public var title: String

  public init(title: String) {
    self.title = title
  }

  /// Adds one epoch.
  public mutating func record(_ epoch: EpochRecord) {
    trainLoss.append(epoch.trainLoss, step: epoch.epoch)
    if let value = epoch.testLoss { testLoss.append(value, step: epoch.epoch) }
    if let value = epoch.trainAccuracy { trainAccuracy.append(value, step: epoch.epoch) }
    if let value = epoch.testAccuracy { testAccuracy.append(value, step: epoch.epoch) }
  }

  static let width = 720.0
  static let height = 400.0
  static let margin = (left: 70.0, right: 70.0, top: 40.0, bottom: 50.0)

  /// The chart as SVG text.
  public var svg: String {
    let plotWidth = Self.width - Self.margin.left - Self.margin.right
    let plotHeight = Self.height - Self.margin.top - Self.margin.bottom
    let lossPoints = (trainLoss.points + testLoss.points).filter { $0.value.isFinite }
    let lastEpoch = Double(max(1, (lossPoints.map(\.step).max() ?? 1)))
    let top = max(lossPoints.map(\.value).max() ?? 1, 1e-12)
    func x(_ epoch: Int) -> Double { Self.margin.left + plotWidth * Double(epoch) / lastEpoch }
    func lossY(_ value: Double) -> Double { Self.margin.top + plotHeight * (1 - min(max(value / top, 0), 1)) }
    func accuracyY(_ value: Double) -> Double { Self.margin.top + plotHeight * (1 - min(max(value, 0), 1)) }
    func path(_ series: DownsampledSeries, y: (Double) -> Double) -> String {
      series.points.filter { $0.value.isFinite }.enumerated().map { index, point in
        (index == 0 ? "M" : "L") + String(format: "%.1f,%.1f", x(point.step), y(point.value))
      }.joined(separator: " ")
    }
    func number(_ value: Double) -> String { String(format: value >= 0.01 || value == 0 ? "%.3g" : "%.2e", value) }
    var parts: [String] = []
    parts.append(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" font-family=\"sans-serif\" font-size=\"12\">")
    parts.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>")
    parts.append("<text x=\"\(Self.margin.left)\" y=\"22\" font-size=\"14\">\(Self.escaped(title))</text>")
    let left = Self.margin.left, right = Self.margin.left + plotWidth
    let bottom = Self.margin.top + plotHeight
    parts.append("<path d=\"M\(left),\(Self.margin.top) L\(left),\(bottom) L\(right),\(bottom)\" stroke=\"#444\" fill=\"none\"/>")
    for fraction in [0.0, 0.25, 0.5, 0.75, 1.0] {
      let y = Self.margin.top + plotHeight * (1 - fraction)
      parts.append("<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(right)\" y2=\"\(y)\" stroke=\"#ddd\"/>")
      parts.append("<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(number(top * fraction))</text>")
    }
    parts.append("<text x=\"\(left)\" y=\"\(bottom + 20)\">0</text>")
    parts.append("<text x=\"\(right)\" y=\"\(bottom + 20)\" text-anchor=\"end\">\(Int(lastEpoch))</text>")
    parts.append("<text x=\"\((left + right) / 2)\" y=\"\(bottom + 36)\" text-anchor=\"middle\">epoch</text>")
    parts.append("<text x=\"18\" y=\"\(Self.margin.top + plotHeight / 2)\" transform=\"rotate(-90 18 \(Self.margin.top + plotHeight / 2))\" text-anchor=\"middle\">loss</text>")
    parts.append("<path d=\"\(path(trainLoss, y: lossY))\" stroke=\"#1f77b4\" stroke-width=\"2\" fill=\"none\"/>")
    if !testLoss.isEmpty {
      parts.append("<path d=\"\(path(testLoss, y: lossY))\" stroke=\"#ff7f0e\" stroke-width=\"2\" stroke-dasharray=\"6 4\" fill=\"none\"/>")
    }
    var legend = [("train loss", "#1f77b4", ""), ("test loss", "#ff7f0e", "6 4")]
    if testLoss.isEmpty { legend.removeLast() }
    if !trainAccuracy.isEmpty {
      parts.append("<path d=\"M\(right),\(Self.margin.top) L\(right),\(bottom)\" stroke=\"#444\" fill=\"none\"/>")
      for fraction in [0.0, 0.5, 1.0] {
        parts.append("<text x=\"\(right + 6)\" y=\"\(Self.margin.top + plotHeight * (1 - fraction) + 4)\">\(Int(fraction * 100))%</text>")
      }
      parts.append("<text x=\"\(Self.width - 14)\" y=\"\(Self.margin.top + plotHeight / 2)\" transform=\"rotate(90 \(Self.width - 14) \(Self.margin.top + plotHeight / 2))\" text-anchor=\"middle\">accuracy</text>")
      parts.append("<path d=\"\(path(trainAccuracy, y: accuracyY))\" stroke=\"#2ca02c\" stroke-width=\"1.5\" fill=\"none\"/>")
      legend.append(("train accuracy", "#2ca02c", ""))
      if !testAccuracy.isEmpty {
        parts.append("<path d=\"\(path(testAccuracy, y: accuracyY))\" stroke=\"#9467bd\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\" fill=\"none\"/>")
        legend.append(("test accuracy", "#9467bd", "2 3"))
      }
    }
    for (index, entry) in legend.enumerated() {
      let y = Self.margin.top + 14 + Double(index) * 16
      let x0 = right - 150
      parts.append("<line x1=\"\(x0)\" y1=\"\(y - 4)\" x2=\"\(x0 + 24)\" y2=\"\(y - 4)\" stroke=\"\(entry.1)\" stroke-width=\"2\" stroke-dasharray=\"\(entry.2)\"/>")
      parts.append("<text x=\"\(x0 + 30)\" y=\"\(y)\">\(entry.0)</text>")
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n") + "\n"
  }

  /// Text safe inside SVG.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default:
        if scalar.value >= 0x20, !(0x7F...0x9F).contains(scalar.value) { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }
}
