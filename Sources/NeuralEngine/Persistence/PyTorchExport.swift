import Foundation


/// `descent export model.json --pytorch`: a runnable PyTorch script that builds the same network
/// with the same weights (float64) and prints predictions for a CSV file exactly as
/// `descent predict` does. One line per layer, with a comment naming each tensor.
public enum PyTorchExport {
  public static func script(for model: SavedModel, network: Network) -> String {
    var modules: [String] = []
    var assignments: [String] = []
    var needsRecurrent = false
    var needsResidual = false
    var index = 0
    func add(_ module: String, _ comment: String = "") {
      modules.append("        \(module),\(comment.isEmpty ? "" : "  # \(comment)")")
      index += 1
    }
    func values(_ name: String) -> [Double] {
      model.blocks.first { $0.name == name }?.values ?? []
    }
    let blocks = network.blocks
    for (layerIndex, layer) in network.layers.enumerated() {
      let owned = blocks.filter { $0.layer == layerIndex }
      let input = layer.inputShape
      switch layer.kind {
      case .dense(let dense):
        if input.rank > 1 { add("nn.Flatten()", "a dense layer reads its input as one vector") }
        let (w, b) = (owned[0], owned[1])
        add("nn.Linear(\(dense.inputCount), \(dense.outputCount))", "\(w.name) \(w.shape), \(b.name) \(b.shape)")
        assignments.append("    model[\(index - 1)].weight.copy_(tensor(\(Self.nested(values(w.name), w.shape.dimensions))))  # \(w.name)")
        assignments.append("    model[\(index - 1)].bias.copy_(tensor(\(Self.list(values(b.name)))))  # \(b.name)")
      case .activation(let activation):
        if activation.function == .softmax, input.rank > 1 { add("nn.Flatten()") }
        add(Self.module(for: activation.function))
      case .flatten:
        add("nn.Flatten()")
      case .dropout(let dropout):
        add("nn.Dropout(\(dropout.rate))", "inactive when predicting")
      case .convolution(let convolution):
        let window = convolution.window
        let (kernel, bias) = (owned[0], owned[1])
        add(
          "nn.Conv2d(\(window.channels), \(convolution.filters), \(window.size), stride=\(window.stride), padding=\(window.padding))",
          "\(kernel.name) \(kernel.shape), \(bias.name) \(bias.shape)")
        assignments.append("    model[\(index - 1)].weight.copy_(tensor(\(Self.nested(values(kernel.name), kernel.shape.dimensions))))  # \(kernel.name)")
        assignments.append("    model[\(index - 1)].bias.copy_(tensor(\(Self.list(values(bias.name)))))  # \(bias.name)")
      case .maxPool(let pool):
        add("nn.MaxPool2d(\(pool.window.size), stride=\(pool.window.stride))")
      case .averagePool(let pool):
        add("nn.AvgPool2d(\(pool.window.size), stride=\(pool.window.stride))")
      case .recurrent(let recurrent):
        needsRecurrent = true
        let features = input[1]
        let (w, b) = (owned[0], owned[1])
        add(
          "Recurrent(nn.RNN(\(features), \(recurrent.hiddenCount), batch_first=True), sequences=\(recurrent.returnsSequences ? "True" : "False"))",
          "\(w.name) \(w.shape) = [inputs | previous hidden state], \(b.name) \(b.shape)")
        let matrix = values(w.name)
        let width = features + recurrent.hiddenCount
        assignments.append("    rnn = model[\(index - 1)].layer")
        assignments.append("    rnn.weight_ih_l0.copy_(tensor(\(Self.columns(matrix, rows: recurrent.hiddenCount, width: width, range: 0..<features))))  # \(w.name), input part")
        assignments.append("    rnn.weight_hh_l0.copy_(tensor(\(Self.columns(matrix, rows: recurrent.hiddenCount, width: width, range: features..<width))))  # \(w.name), hidden part")
        assignments.append("    rnn.bias_ih_l0.copy_(tensor(\(Self.list(values(b.name)))))  # \(b.name)")
        assignments.append("    rnn.bias_hh_l0.zero_()  # one bias per unit, as in Descent")
      case .lstm(let lstm):
        needsRecurrent = true
        let features = input[1]
        let hidden = lstm.hiddenCount
        let width = features + hidden
        let gates = ["input", "forget", "candidate", "output"]
        let weightNames = gates.map { name in owned.first { $0.name.hasSuffix(".\(name).w") }?.name ?? "" }
        let biasNames = gates.map { name in owned.first { $0.name.hasSuffix(".\(name).b") }?.name ?? "" }
        // PyTorch stacks the gates in the same order (i, f, g, o).
        let matrix = weightNames.flatMap(values)
        add(
          "Recurrent(nn.LSTM(\(features), \(hidden), batch_first=True), sequences=\(lstm.returnsSequences ? "True" : "False"))",
          "\(weightNames.joined(separator: ", ")) \(hidden)×\(width) each; biases \(biasNames.joined(separator: ", "))")
        assignments.append("    lstm = model[\(index - 1)].layer")
        assignments.append("    lstm.weight_ih_l0.copy_(tensor(\(Self.columns(matrix, rows: 4 * hidden, width: width, range: 0..<features))))  # gates i, f, g, o: input part")
        assignments.append("    lstm.weight_hh_l0.copy_(tensor(\(Self.columns(matrix, rows: 4 * hidden, width: width, range: features..<width))))  # gates i, f, g, o: hidden part")
        assignments.append("    lstm.bias_ih_l0.copy_(tensor(\(Self.list(biasNames.flatMap(values)))))  # \(biasNames.joined(separator: ", "))")
        assignments.append("    lstm.bias_hh_l0.zero_()  # one bias per gate unit, as in Descent")
      case .residual(let residual):
        needsResidual = true
        if input.rank > 1 { add("nn.Flatten()") }
        let (w, b) = (owned[0], owned[1])
        let width = input.count
        add(
          "Residual(nn.Linear(\(width), \(width)), \(Self.module(for: residual.function)))",
          "x + f(\(w.name) x + \(b.name))")
        assignments.append("    model[\(index - 1)].linear.weight.copy_(tensor(\(Self.nested(values(w.name), w.shape.dimensions))))  # \(w.name)")
        assignments.append("    model[\(index - 1)].linear.bias.copy_(tensor(\(Self.list(values(b.name)))))  # \(b.name)")
      case .batchNorm(let norm):
        let (gamma, beta) = (owned[0], owned[1])
        let statePosition = network.stateOffsets[layerIndex]
        let groups = norm.groups
        let means = Array(model.state[statePosition..<(statePosition + groups)])
        let variances = Array(model.state[(statePosition + groups)..<(statePosition + 2 * groups)])
        if input.rank == 3 {
          add("nn.BatchNorm2d(\(groups), eps=1e-5)", "\(gamma.name), \(beta.name), running averages")
        } else {
          if input.rank > 1 { add("nn.Flatten()") }
          add("nn.BatchNorm1d(\(groups), eps=1e-5)", "\(gamma.name), \(beta.name), running averages")
        }
        assignments.append("    model[\(index - 1)].weight.copy_(tensor(\(Self.list(values(gamma.name)))))  # \(gamma.name)")
        assignments.append("    model[\(index - 1)].bias.copy_(tensor(\(Self.list(values(beta.name)))))  # \(beta.name)")
        assignments.append("    model[\(index - 1)].running_mean.copy_(tensor(\(Self.list(means))))")
        assignments.append("    model[\(index - 1)].running_var.copy_(tensor(\(Self.list(variances))))")
        if input.rank == 2 { add("nn.Unflatten(1, (\(input[0]), \(input[1])))") }
      }
    }
    var helpers: [String] = []
    if needsRecurrent {
      helpers.append("""
        class Recurrent(nn.Module):
            \"\"\"A recurrent layer giving its last hidden state, or every step's with sequences=True.\"\"\"

            def __init__(self, layer, sequences):
                super().__init__()
                self.layer = layer
                self.sequences = sequences

            def forward(self, x):
                outputs, _ = self.layer(x)
                return outputs if self.sequences else outputs[:, -1, :]

        """)
    }
    if needsResidual {
      helpers.append("""
        class Residual(nn.Module):
            \"\"\"x + f(W x + b): the skip connection adds the input to what the branch computes.\"\"\"

            def __init__(self, linear, activation):
                super().__init__()
                self.linear = linear
                self.activation = activation

            def forward(self, x):
                return x + self.activation(self.linear(x))

        """)
    }
    let scaling = model.scaling.map { "(\(Self.list($0.minimums)), \(Self.list($0.maximums)))" } ?? "None"
    let classification = model.classCount != nil
    return """
      #!/usr/bin/env python3
      \"\"\"\(Self.comment(model.model)): the network trained by Descent, rebuilt in PyTorch.

      Generated by `descent export --pytorch`. Usage: python3 \\(sys.argv[0]) points.csv
      Prints one row per CSV row in the format of `descent predict`.
      \"\"\"
      import csv
      import sys

      import torch
      from torch import nn

      torch.set_default_dtype(torch.float64)

      FEATURES = \(Self.strings(model.featureNames))  # the CSV columns the network reads, in order
      SCALING = \(scaling)  # per feature (minimums, maximums): x' = (x - min) / (max - min)
      INPUT_SHAPE = (\(model.inputShape.map(String.init).joined(separator: ", ")),)
      CLASSIFICATION = \(classification ? "True" : "False")
      HEADER = \(Self.strings([PredictionTable.header(for: model)]))[0]


      def tensor(values):
          return torch.tensor(values, dtype=torch.float64)


      \(helpers.joined())def build():
          model = nn.Sequential(
      \(modules.joined(separator: "\n"))
          )
          with torch.no_grad():
      \(assignments.isEmpty ? "        pass" : assignments.map { "    " + $0 }.joined(separator: "\n"))
          return model.eval()


      def read(path):
          with open(path, newline="") as file:
              rows = list(csv.reader(file))
          header = [name.strip() for name in rows[0]]
          columns = [header.index(name) for name in FEATURES]
          data = [[float(row[column]) for column in columns] for row in rows[1:] if any(field.strip() for field in row)]
          if SCALING is not None:
              minimums, maximums = SCALING
              data = [[(value - low) / (high - low) if high > low else 0.0
                       for value, low, high in zip(row, minimums, maximums)] for row in data]
          return tensor(data).reshape(-1, *INPUT_SHAPE)


      def main():
          model = build()
          with torch.no_grad():
              outputs = model(read(sys.argv[1])).reshape(-1, \(network.outputCount))
          \(Self.printedRows)


      if __name__ == "__main__":
          main()

      """
  }

  /// The lines of `main()` that print `outputs` in `descent predict`'s format (the header, then
  /// per row the predicted class for classification and every output): one copy for every export.
  static let printedRows = """
    print(HEADER)
        for row in outputs.tolist():
            values = ["%.17g" % value for value in row]
            if CLASSIFICATION:
                predicted = (1 if row[0] >= 0.5 else 0) if len(row) == 1 else max(range(len(row)), key=lambda i: (row[i], -i))
                values = [str(predicted)] + values
            print(",".join(values))
    """

  static func module(for activation: Activation) -> String {
    switch activation {
    case .linear: "nn.Identity()"
    case .relu: "nn.ReLU()"
    case .leakyRelu: "nn.LeakyReLU(\(Activation.leakySlope))"
    case .sigmoid: "nn.Sigmoid()"
    case .tanh: "nn.Tanh()"
    case .softmax: "nn.Softmax(dim=1)"
    }
  }

  /// `[1.5, -2.0]` with every digit a Double needs to round-trip.
  static func list(_ values: [Double]) -> String {
    "[" + values.map { "\($0)" }.joined(separator: ", ") + "]"
  }

  /// Row-major `values` as nested lists of `shape`.
  static func nested(_ values: [Double], _ shape: [Int]) -> String {
    guard shape.count > 1 else { return list(values) }
    let inner = shape.dropFirst().reduce(1, *)
    return "[" + (0..<shape[0]).map { nested(Array(values[($0 * inner)..<(($0 + 1) * inner)]), Array(shape.dropFirst())) }
      .joined(separator: ", ") + "]"
  }

  /// Columns `range` of a `rows × width` row-major matrix, as nested lists.
  static func columns(_ values: [Double], rows: Int, width: Int, range: Range<Int>) -> String {
    "[" + (0..<rows).map { row in list(range.map { values[row * width + $0] }) }.joined(separator: ", ") + "]"
  }

  /// A Python list of string literals.
  static func strings(_ values: [String]) -> String {
    "[" + values.map(JSONText.string).joined(separator: ", ") + "]"
  }

  /// Text safe inside a Python docstring.
  static func comment(_ text: String) -> String {
    String(text.filter { $0 != "\"" && $0 != "\\" && !$0.isNewline })
  }
}
