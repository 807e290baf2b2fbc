import NeuralEngine

/// The parameters laid out the way the weights pane and the diagram show them, for moving a
/// selection with the arrows: one matrix per weight block, a row per neuron (filter, gate unit)
/// and a column per input it reads, then its bias; blocks outside such a matrix (batch norm's
/// scale, a bias without weights) are one column of their own.
///
/// ↑/↓ move between neurons (on into the next or previous layer, keeping the column as far as
/// it exists); ←/→ move along a neuron's inputs to its bias, then on to the next neuron, so →
/// alone visits every parameter.
struct ParameterGrid {
  /// One matrix: `rows` × `inputs` weights of `weights` (row-major), then a bias column when
  /// `bias` is set. A matrix without `weights` is `bias` alone, one row per number.
  struct Matrix {
    var weights: ParameterBlock?
    var bias: ParameterBlock?
    var rows: Int
    var inputs: Int
    var columns: Int { inputs + (bias != nil ? 1 : 0) }
  }

  let matrices: [Matrix]

  init(network: Network) {
    var matrices: [Matrix] = []
    var paired: Set<String> = []
    let blocks = network.blocks
    for (index, block) in blocks.enumerated() where block.role == .weight {
      let rows = block.shape[0]
      // A bias belongs to one matrix (an LSTM gate's bias follows its input and recurrent
      // weights: it goes with the first), so → never visits it twice.
      let bias = blocks[(index + 1)...].first {
        $0.layer == block.layer && $0.role == .bias && $0.count == rows && !paired.contains($0.name)
      }
      if let bias { paired.insert(bias.name) }
      matrices.append(Matrix(weights: block, bias: bias, rows: rows, inputs: block.count / rows))
    }
    // Blocks in no matrix go where they sit in the buffer, after the matrix before them.
    for block in blocks where block.role != .weight && !paired.contains(block.name) {
      let lone = Matrix(weights: nil, bias: block, rows: block.count, inputs: 0)
      let before = matrices.lastIndex { ($0.weights ?? $0.bias).map { $0.offset < block.offset } ?? false }
      matrices.insert(lone, at: before.map { $0 + 1 } ?? 0)
    }
    self.matrices = matrices
  }

  /// Where `parameter` sits: its matrix, row and column; nil when the network has no such
  /// parameter.
  func place(of parameter: ParameterID) -> (matrix: Int, row: Int, column: Int)? {
    for (index, matrix) in matrices.enumerated() {
      if let weights = matrix.weights, weights.name == parameter.block, let position = weights.position(of: parameter.indices) {
        return (index, position / matrix.inputs, position % matrix.inputs)
      }
      if let bias = matrix.bias, bias.name == parameter.block, let position = bias.position(of: parameter.indices) {
        return (index, position, matrix.inputs)
      }
    }
    return nil
  }

  /// The parameter at a place.
  func parameter(matrix index: Int, row: Int, column: Int) -> ParameterID? {
    guard matrices.indices.contains(index) else { return nil }
    let matrix = matrices[index]
    guard (0..<matrix.rows).contains(row), (0..<matrix.columns).contains(column) else { return nil }
    if column < matrix.inputs, let weights = matrix.weights {
      return ParameterID(block: weights.name, indices: weights.indices(at: row * matrix.inputs + column))
    }
    guard let bias = matrix.bias else { return nil }
    return ParameterID(block: bias.name, indices: bias.indices(at: row))
  }

  /// The first parameter.
  var first: ParameterID? { parameter(matrix: 0, row: 0, column: 0) }

  /// The parameter `rows` neurons down and `columns` places right of `parameter` (one of them
  /// ±1, the other 0); `parameter` itself at the edges of the network.
  func moved(_ parameter: ParameterID, rows: Int, columns: Int) -> ParameterID {
    guard let place = place(of: parameter) else { return first ?? parameter }
    var (index, row, column) = place
    if columns > 0 {
      column += 1
      if column == matrices[index].columns { (row, column) = (row + 1, 0) }
      if row == matrices[index].rows { (index, row) = (index + 1, 0) }
    } else if columns < 0 {
      column -= 1
      if column < 0 {
        row -= 1
        if row < 0 {
          index -= 1
          row = index >= 0 ? matrices[index].rows - 1 : 0
        }
        column = index >= 0 ? matrices[index].columns - 1 : 0
      }
    } else if rows > 0 {
      row += 1
      if row == matrices[index].rows { (index, row) = (index + 1, 0) }
      if index < matrices.count { column = min(column, matrices[index].columns - 1) }
    } else if rows < 0 {
      row -= 1
      if row < 0 {
        index -= 1
        if index >= 0 {
          row = matrices[index].rows - 1
          column = min(column, matrices[index].columns - 1)
        }
      }
    }
    return self.parameter(matrix: index, row: row, column: column) ?? parameter
  }
}
