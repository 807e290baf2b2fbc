import Foundation
import NeuralEngine

/// The text of `descent train`'s report in one format, piece by piece: a header, one line per
/// epoch, then the final state and the learned parameters by name.
struct ReportWriter {
  let configuration: TrainingConfiguration
  let network: Network
  let format: ReportFormat
  /// The run's setup string (printable), printed under the table's summary so the run can be
  /// repeated.
  var setup: String? = nil

  /// Tables list every parameter up to this many; larger networks get one line per block.
  static let listedParameterLimit = 200

  private var classifies: Bool { configuration.classCount != nil }

  // MARK: - Pieces

  var header: String {
    switch format {
    case .table:
      var header = "epoch  train loss   test loss"
      if classifies { header += "  train acc  test acc" }
      let setupLine = setup.map { "\nsetup: " + $0 } ?? ""
      return summaryLine + setupLine + "\n\n" + header
    case .csv:
      return classifies ? "epoch,train_loss,test_loss,train_accuracy,test_accuracy" : "epoch,train_loss,test_loss"
    case .json:
      let model = network.layers.map { JSONText.string($0.description) }.joined(separator: ", ")
      return """
        {
          "dataset": \(JSONText.string(configuration.dataset.name)),
          "model": [\(model)],
          "description": \(JSONText.string(network.modelDescription.description)),
          "learningRate": \(JSONText.number(configuration.learningRate)),
          "optimizer": \(JSONText.string(configuration.optimizer.rawValue)),
          "batch": \(JSONText.string(configuration.batchMode.label)),
          "seed": \(configuration.seed),
          "epochs": [
        """
    }
  }

  func line(for record: EpochRecord, first: Bool) -> String {
    switch format {
    case .table:
      var line = pad(String(record.epoch), 5) + "  " + pad(number(record.trainLoss), 10) + "  " + pad(record.testLoss.map(number) ?? "—", 10)
      if classifies { line += "  " + pad(percent(record.trainAccuracy), 9) + "  " + pad(percent(record.testAccuracy), 8) }
      return line
    case .csv:
      var fields = [String(record.epoch), "\(record.trainLoss)", record.testLoss.map { "\($0)" } ?? ""]
      if classifies { fields += [record.trainAccuracy.map { "\($0)" } ?? "", record.testAccuracy.map { "\($0)" } ?? ""] }
      return fields.joined(separator: ",")
    case .json:
      var fields = ["\"epoch\": \(record.epoch)", "\"trainLoss\": \(JSONText.number(record.trainLoss))"]
      if let testLoss = record.testLoss { fields.append("\"testLoss\": \(JSONText.number(testLoss))") }
      if let accuracy = record.trainAccuracy { fields.append("\"trainAccuracy\": \(JSONText.number(accuracy))") }
      if let accuracy = record.testAccuracy { fields.append("\"testAccuracy\": \(JSONText.number(accuracy))") }
      return (first ? "" : ",\n") + "    {" + fields.joined(separator: ", ") + "}"
    }
  }

  func footer(for session: TrainingSession) -> String {
    // Named only where listed: naming thousands costs more than a few epochs of training.
    func named() -> [NamedParameter] { NamedParameter.all(in: session.network, dataset: configuration.dataset) }
    let count = session.network.parameterCount
    let state = stateLine(session)
    switch format {
    case .table:
      var lines = ["", state, "", "learned weights:"]
      if count <= Self.listedParameterLimit {
        let parameters = named()
        let nameWidth = parameters.map(\.name.count).max() ?? 0
        let fromWidth = parameters.map(\.from.count).max() ?? 0
        let toWidth = parameters.map(\.to.count).max() ?? 0
        for parameter in parameters {
          var line = "  layer \(parameter.layer)  "
          if parameter.from.isEmpty {
            line += parameter.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
          } else {
            line += parameter.from.padding(toLength: fromWidth, withPad: " ", startingAt: 0) + " → "
              + parameter.to.padding(toLength: toWidth, withPad: " ", startingAt: 0)
          }
          lines.append(line + "  " + pad(number(parameter.value), 10))
        }
      } else {
        lines.append("  \(count) parameters; per block (--format csv or json lists each):")
        for block in session.network.blocks {
          let values = session.network.parameters[block.range]
          let meanMagnitude = values.reduce(0) { $0 + abs($1) } / Double(max(1, values.count))
          lines.append(
            "  \(block.name) \(block.shape)  mean |value| \(number(meanMagnitude))  min \(number(values.min() ?? 0))  max \(number(values.max() ?? 0))")
        }
      }
      return lines.joined(separator: "\n")
    case .csv:
      var lines = ["", "layer,name,from,to,weight"]
      for parameter in named() {
        lines.append("\(parameter.layer),\(parameter.name),\(csvField(parameter.from)),\(csvField(parameter.to)),\(parameter.value)")
      }
      return lines.joined(separator: "\n")
    case .json:
      let weights = named().map { parameter in
        "    {\"layer\": \(parameter.layer), \"name\": \(JSONText.string(parameter.name)), \"from\": \(JSONText.string(parameter.from)), \"to\": \(JSONText.string(parameter.to)), \"value\": \(JSONText.number(parameter.value))}"
      }
      return """

          ],
          "state": \(JSONText.string(state)),
          "steps": \(session.stepCount),
          "weights": [
        \(weights.joined(separator: ",\n"))
          ]
        }
        """
    }
  }

  // MARK: - Text

  private var summaryLine: String {
    let dataset = configuration.dataset
    let model = network.isDenseStack ? network.denseStages.map(\.description).joined(separator: " → ") : network.modelDescription.description
    return "\(dataset.name): \(dataset.trainInputs.count) train / \(dataset.testInputs.count) test · \(model)"
      + " · \(network.parameterCount) parameters · \(configuration.optimizer.rawValue) lr \(configuration.learningRate)"
      + " · \(configuration.batchMode.label) · seed \(configuration.seed)"
  }

  private func stateLine(_ session: TrainingSession) -> String {
    switch session.state {
    case .running: "finished after \(session.stepCount) steps"
    case .converged: "converged after \(session.stepCount) steps"
    case .diverged(let reason): "diverged: \(reason)"
    }
  }

  private func number(_ value: Double) -> String {
    let magnitude = abs(value)
    if !value.isFinite || (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e5)) { return String(format: "%.4e", value) }
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

