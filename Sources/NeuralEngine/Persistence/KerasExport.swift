import Foundation

/// `descent export model.json --keras`: a runnable Keras (TensorFlow) script that builds the same
/// network with the same weights (float64) and prints predictions for a CSV file exactly as
/// `descent predict` does. One line per layer, with a comment naming each tensor.
///
/// Keras computes convolutions with channels last, so an image enters as `[C, H, W]`, is
/// permuted once to `[H, W, C]`, and permuted back before it is flattened, to keep Descent's
/// channel-major order for the dense layer that follows.
public enum KerasExport {
  public static func script(for model: SavedModel, network: Network) -> String {
    var lines: [String] = []
    var weights: [String] = []
    var layerNumber = 0
    /// The current tensor's variable and whether it is an image in channels-last order.
    var channelsLast = false
    func add(_ expression: String, _ comment: String = "") {
      lines.append("    x = \(expression)(x)\(comment.isEmpty ? "" : "  # \(comment)")")
    }
    func named(_ layer: String) -> String {
      layerNumber += 1
      return "layer\(layerNumber)"
    }
    func values(_ name: String) -> [Double] { model.blocks.first { $0.name == name }?.values ?? [] }
    func toChannelMajor() {
      if channelsLast {
        add("layers.Permute((3, 1, 2))", "back to channels, rows, columns (Descent's order)")
        channelsLast = false
      }
    }
    let list = PyTorchExport.list
    for (layerIndex, layer) in network.layers.enumerated() {
      let owned = network.blocks.filter { $0.layer == layerIndex }
      let input = layer.inputShape
      switch layer.kind {
      case .dense(let dense):
        toChannelMajor()
        if input.rank > 1 { add("layers.Flatten()") }
        let (w, b) = (owned[0], owned[1])
        let name = named("dense")
        add("layers.Dense(\(dense.outputCount), name=\"\(name)\")", "\(w.name) \(w.shape), \(b.name) \(b.shape)")
        // Keras keeps the kernel as inputs × outputs: Wᵀ.
        let matrix = values(w.name)
        let transposed = (0..<dense.inputCount).map { input in
          list((0..<dense.outputCount).map { matrix[$0 * dense.inputCount + input] })
        }
        weights.append("    model.get_layer(\"\(name)\").set_weights([array([\(transposed.joined(separator: ", "))]), array(\(list(values(b.name))))])  # \(w.name)ᵀ, \(b.name)")
      case .activation(let activation):
        if activation.function == .softmax, input.rank > 1 {
          toChannelMajor()
          add("layers.Flatten()")
        }
        add(Self.activation(activation.function))
      case .flatten:
        toChannelMajor()
        add("layers.Flatten()")
      case .dropout(let dropout):
        add("layers.Dropout(\(dropout.rate))", "inactive when predicting")
      case .convolution(let convolution):
        let window = convolution.window
        if !channelsLast {
          add("layers.Permute((2, 3, 1))", "rows, columns, channels: Keras convolves channels last")
          channelsLast = true
        }
        if window.padding > 0 { add("layers.ZeroPadding2D(\(window.padding))") }
        let (kernel, bias) = (owned[0], owned[1])
        let name = named("conv")
        add(
          "layers.Conv2D(\(convolution.filters), \(window.size), strides=\(window.stride), name=\"\(name)\")",
          "\(kernel.name) \(kernel.shape), \(bias.name) \(bias.shape)")
        // Keras keeps kernels as rows × columns × channels × filters.
        let k = values(kernel.name)
        let (filters, channels, size) = (convolution.filters, window.channels, window.size)
        let rows = (0..<size).map { ky in
          "[" + (0..<size).map { kx in
            "[" + (0..<channels).map { c in
              list((0..<filters).map { f in k[((f * channels + c) * size + ky) * size + kx] })
            }.joined(separator: ", ") + "]"
          }.joined(separator: ", ") + "]"
        }
        weights.append("    model.get_layer(\"\(name)\").set_weights([array([\(rows.joined(separator: ", "))]), array(\(list(values(bias.name))))])  # \(kernel.name), \(bias.name)")
      case .maxPool(let pool):
        if !channelsLast {
          add("layers.Permute((2, 3, 1))")
          channelsLast = true
        }
        add("layers.MaxPooling2D(\(pool.window.size), strides=\(pool.window.stride))")
      case .averagePool(let pool):
        if !channelsLast {
          add("layers.Permute((2, 3, 1))")
          channelsLast = true
        }
        add("layers.AveragePooling2D(\(pool.window.size), strides=\(pool.window.stride))")
      case .recurrent(let recurrent):
        let features = input[1]
        let hidden = recurrent.hiddenCount
        let (w, b) = (owned[0], owned[1])
        let name = named("rnn")
        add(
          "layers.SimpleRNN(\(hidden), return_sequences=\(recurrent.returnsSequences ? "True" : "False"), name=\"\(name)\")",
          "\(w.name) \(w.shape) = [inputs | previous hidden state], \(b.name)")
        let matrix = values(w.name)
        weights.append("    model.get_layer(\"\(name)\").set_weights([\(Self.transposedColumns(matrix, rows: hidden, width: features + hidden, range: 0..<features)), \(Self.transposedColumns(matrix, rows: hidden, width: features + hidden, range: features..<(features + hidden))), array(\(list(values(b.name))))])  # \(w.name) split and transposed, \(b.name)")
      case .lstm(let lstm):
        let features = input[1]
        let hidden = lstm.hiddenCount
        let gates = ["input", "forget", "candidate", "output"]
        let weightNames = gates.map { gate in owned.first { $0.name.hasSuffix(".\(gate).w") }?.name ?? "" }
        let biasNames = gates.map { gate in owned.first { $0.name.hasSuffix(".\(gate).b") }?.name ?? "" }
        let matrix = weightNames.flatMap(values)
        let name = named("lstm")
        add(
          "layers.LSTM(\(hidden), return_sequences=\(lstm.returnsSequences ? "True" : "False"), recurrent_activation=\"sigmoid\", name=\"\(name)\")",
          "gates i, f, c, o as Descent's \(gates.joined(separator: ", "))")
        let width = features + hidden
        weights.append("    model.get_layer(\"\(name)\").set_weights([\(Self.transposedColumns(matrix, rows: 4 * hidden, width: width, range: 0..<features)), \(Self.transposedColumns(matrix, rows: 4 * hidden, width: width, range: features..<width)), array(\(list(biasNames.flatMap(values))))])  # \(weightNames.joined(separator: ", ")) split and transposed")
      case .residual(let residual):
        toChannelMajor()
        if input.rank > 1 { add("layers.Flatten()") }
        let (w, b) = (owned[0], owned[1])
        let name = named("residual")
        let width = input.count
        lines.append("    branch = layers.Dense(\(width), name=\"\(name)\")(x)  # \(w.name), \(b.name)")
        lines.append("    x = layers.Add()([x, \(Self.activation(residual.function))(branch)])  # x + f(W x + b)")
        let matrix = values(w.name)
        let transposed = (0..<width).map { input in list((0..<width).map { matrix[$0 * width + input] }) }
        weights.append("    model.get_layer(\"\(name)\").set_weights([array([\(transposed.joined(separator: ", "))]), array(\(list(values(b.name))))])  # \(w.name)ᵀ, \(b.name)")
      case .batchNorm(let norm):
        let (gamma, beta) = (owned[0], owned[1])
        let statePosition = network.stateOffsets[layerIndex]
        let groups = norm.groups
        let means = Array(model.state[statePosition..<(statePosition + groups)])
        let variances = Array(model.state[(statePosition + groups)..<(statePosition + 2 * groups)])
        let name = named("batchnorm")
        if input.rank == 3 && !channelsLast {
          add("layers.Permute((2, 3, 1))")
          channelsLast = true
        }
        if input.rank == 2 { add("layers.Flatten()") }
        add("layers.BatchNormalization(epsilon=1e-5, name=\"\(name)\")", "\(gamma.name), \(beta.name), running averages")
        if input.rank == 2 { add("layers.Reshape((\(input[0]), \(input[1])))") }
        weights.append("    model.get_layer(\"\(name)\").set_weights([array(\(list(values(gamma.name)))), array(\(list(values(beta.name)))), array(\(list(means))), array(\(list(variances)))])")
      }
    }
    if channelsLast { toChannelMajor() }
    let scaling = model.scaling.map { "(\(list($0.minimums)), \(list($0.maximums)))" } ?? "None"
    return """
      #!/usr/bin/env python3
      \"\"\"\(PyTorchExport.comment(model.model)): the network trained by Descent, rebuilt in Keras.

      Generated by `descent export --keras`. Usage: python3 \\(sys.argv[0]) points.csv
      Prints one row per CSV row in the format of `descent predict`.
      \"\"\"
      import csv
      import os
      import sys

      os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
      import numpy
      import tensorflow as tf
      from tensorflow.keras import layers

      tf.keras.backend.set_floatx("float64")

      FEATURES = \(PyTorchExport.strings(model.featureNames))  # the CSV columns the network reads, in order
      SCALING = \(scaling)  # per feature (minimums, maximums): x' = (x - min) / (max - min)
      INPUT_SHAPE = (\(model.inputShape.map(String.init).joined(separator: ", ")),)
      CLASSIFICATION = \(model.classCount != nil ? "True" : "False")
      HEADER = \(PyTorchExport.strings([PredictionTable.header(for: model)]))[0]


      def array(values):
          return numpy.array(values, dtype="float64")


      def build():
          inputs = tf.keras.Input(shape=INPUT_SHAPE, dtype="float64")
          x = inputs
      \(lines.joined(separator: "\n"))
          model = tf.keras.Model(inputs, x)
      \(weights.isEmpty ? "    pass" : weights.joined(separator: "\n"))
          return model


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
          return array(data).reshape((-1,) + INPUT_SHAPE)


      def main():
          model = build()
          outputs = model(read(sys.argv[1]), training=False).numpy().reshape(-1, \(network.outputCount))
          \(PyTorchExport.printedRows)


      if __name__ == "__main__":
          main()

      """
  }

  static func activation(_ function: Activation) -> String {
    switch function {
    case .linear: "layers.Activation(\"linear\")"
    case .relu: "layers.Activation(\"relu\")"
    case .leakyRelu: "layers.Lambda(lambda t: tf.where(t > 0, t, \(Activation.leakySlope) * t))"
    case .sigmoid: "layers.Activation(\"sigmoid\")"
    case .tanh: "layers.Activation(\"tanh\")"
    case .softmax: "layers.Softmax()"
    }
  }

  /// Columns `range` of a `rows × width` row-major matrix, transposed (one list per column).
  static func transposedColumns(_ values: [Double], rows: Int, width: Int, range: Range<Int>) -> String {
    "array([" + range.map { column in PyTorchExport.list((0..<rows).map { values[$0 * width + column] }) }
      .joined(separator: ", ") + "])"
  }
}
