import Foundation
import NeuralEngine

/// The printed result of `descent train`: loss per epoch, then the learned weights by name.
public struct TrainingReport {
  public var configuration: TrainingConfiguration
  public var records: [EpochRecord]
  public var network: Network
  public var state: TrainingState
  public var stepCount: Int

  public init(session: TrainingSession, configuration: TrainingConfiguration, records: [EpochRecord]) {
    self.configuration = configuration
    self.records = records
    network = session.network
    state = session.state
    stepCount = session.stepCount
  }

  /// One learned parameter with the names of what it connects.
  public struct NamedParameter: Equatable, Codable, Sendable {
    public var layer: Int
    public var from: String
    public var to: String
    public var value: Double
  }

  /// Every weight and bias, named after features, hidden neurons (`h1.2`) and outputs.
  public var namedParameters: [NamedParameter] {
    let dataset = configuration.dataset
    var parameters: [NamedParameter] = []
    for (index, layer) in network.layers.enumerated() {
      let isOutput = index == network.layers.count - 1
      let inputNames = index == 0 ? dataset.featureNames : Self.hiddenNames(layer: index, count: layer.inputCount)
      let outputNames = isOutput ? Self.outputNames(for: dataset, count: layer.outputCount)
        : Self.hiddenNames(layer: index + 1, count: layer.outputCount)
      for output in 0..<layer.outputCount {
        for input in 0..<layer.inputCount {
          parameters.append(NamedParameter(
            layer: index + 1, from: inputNames[input], to: outputNames[output],
            value: layer.weights[output * layer.inputCount + input]))
        }
        parameters.append(NamedParameter(layer: index + 1, from: "bias", to: outputNames[output], value: layer.biases[output]))
      }
    }
    return parameters
  }

  static func hiddenNames(layer: Int, count: Int) -> [String] {
    (0..<count).map { "h\(layer).\($0 + 1)" }
  }

  static func outputNames(for dataset: Dataset, count: Int) -> [String] {
    if count == dataset.targetNames.count { return dataset.targetNames }
    return (0..<count).map { "class \($0)" }
  }

  public func rendered(as format: ReportFormat) -> String {
    switch format {
    case .table: table
    case .csv: csv
    case .json: json
    }
  }

  private var hasAccuracy: Bool { records.contains { $0.trainAccuracy != nil } }

  private var summaryLine: String {
    let dataset = configuration.dataset
    let model = network.layers.map(\.description).joined(separator: " → ")
    return "\(dataset.name): \(dataset.trainInputs.count) train / \(dataset.testInputs.count) test · \(model)"
      + " · \(configuration.optimizer.rawValue) lr \(configuration.learningRate) · \(configuration.batchMode.label)"
      + " · seed \(configuration.seed)"
  }

  private var stateLine: String {
    switch state {
    case .running: "finished after \(stepCount) steps"
    case .converged: "converged after \(stepCount) steps"
    case .diverged(let reason): "diverged: \(reason)"
    }
  }

  private var table: String {
    var lines = [summaryLine, ""]
    var header = "epoch  train loss   test loss"
    if hasAccuracy { header += "  train acc  test acc" }
    lines.append(header)
    for record in records {
      var line = pad(String(record.epoch), 5) + "  " + pad(number(record.trainLoss), 10) + "  " + pad(record.testLoss.map(number) ?? "—", 10)
      if hasAccuracy {
        line += "  " + pad(percent(record.trainAccuracy), 9) + "  " + pad(percent(record.testAccuracy), 8)
      }
      lines.append(line)
    }
    lines += ["", stateLine, "", "learned weights:"]
    let parameters = namedParameters
    let fromWidth = parameters.map(\.from.count).max() ?? 0
    let toWidth = parameters.map(\.to.count).max() ?? 0
    for parameter in parameters {
      lines.append("  layer \(parameter.layer)  " + parameter.from.padding(toLength: fromWidth, withPad: " ", startingAt: 0)
        + " → " + parameter.to.padding(toLength: toWidth, withPad: " ", startingAt: 0) + "  " + pad(number(parameter.value), 10))
    }
    return lines.joined(separator: "\n")
  }

  private var csv: String {
    var lines: [String] = []
    lines.append(hasAccuracy ? "epoch,train_loss,test_loss,train_accuracy,test_accuracy" : "epoch,train_loss,test_loss")
    for record in records {
      var fields = [String(record.epoch), "\(record.trainLoss)", record.testLoss.map { "\($0)" } ?? ""]
      if hasAccuracy { fields += [record.trainAccuracy.map { "\($0)" } ?? "", record.testAccuracy.map { "\($0)" } ?? ""] }
      lines.append(fields.joined(separator: ","))
    }
    lines += ["", "layer,from,to,weight"]
    for parameter in namedParameters {
      lines.append("\(parameter.layer),\(csvField(parameter.from)),\(csvField(parameter.to)),\(parameter.value)")
    }
    return lines.joined(separator: "\n")
  }

  private struct JSONReport: Encodable {
    var dataset: String
    var model: [String]
    var learningRate: Double
    var optimizer: String
    var batch: String
    var seed: UInt64
    var state: String
    var steps: Int
    var epochs: [JSONEpoch]
    var weights: [NamedParameter]
  }

  private struct JSONEpoch: Encodable {
    var epoch: Int
    var trainLoss: Double
    var testLoss: Double?
    var trainAccuracy: Double?
    var testAccuracy: Double?
  }

  private var json: String {
    let report = JSONReport(
      dataset: configuration.dataset.name, model: network.layers.map(\.description),
      learningRate: configuration.learningRate, optimizer: configuration.optimizer.rawValue,
      batch: configuration.batchMode.label, seed: configuration.seed, state: stateLine, steps: stepCount,
      epochs: records.map {
        JSONEpoch(epoch: $0.epoch, trainLoss: $0.trainLoss, testLoss: $0.testLoss,
                  trainAccuracy: $0.trainAccuracy, testAccuracy: $0.testAccuracy)
      },
      weights: namedParameters)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    guard let data = try? encoder.encode(report) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  private func number(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e5) { return String(format: "%.4e", value) }
    return String(format: "%.6f", value)
  }

  private func percent(_ value: Double?) -> String {
    value.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  private func csvField(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }
}
