import Foundation
import SnapshotSupport
import Testing

@testable import TerminalUI

/// A lab-like 80×24 screen built from the widgets, as an example of composing them and a
/// regression picture for both symbol sets.
@Suite struct ScreenCompositionTests {
  func composeLab(_ capabilities: TerminalCapabilities) -> Buffer {
    let theme = Theme(capabilities: capabilities)
    var buffer = Buffer(width: 80, height: 24)
    let rows = Layout.vertical([.fill(1), .length(1)]).split(buffer.area)
    let columns = Layout.horizontal([.percentage(55), .fill(1)]).split(rows[0])

    // Loss chart.
    let steps: [Double] = (0...200).map { Double($0) }
    let train: [(x: Double, y: Double)] = steps.map { step -> (x: Double, y: Double) in
      let decay: Double = exp(-step / 40)
      return (x: step, y: 0.7 * decay + 0.02)
    }
    let test: [(x: Double, y: Double)] = steps.map { step -> (x: Double, y: Double) in
      let decay: Double = exp(-step / 50)
      return (x: step, y: 0.7 * decay + 0.06)
    }
    let chartArea = Block(title: "Loss", rightTitle: "log", focused: true, theme: theme).draw(in: columns[0], buffer: &buffer)
    LineChart(
      series: [
        .init(name: "train", style: theme.trainSeries, points: train),
        .init(name: "test", style: theme.testSeries, points: test),
      ],
      markers: [.init(x: 120, label: "lr÷10", style: theme.marker)], yScale: .logarithmic, theme: theme
    ).render(in: chartArea, buffer: &buffer)

    // Weights: value and sparkline.
    let side = Layout.vertical([.length(6), .fill(1)]).split(columns[1])
    let weightsArea = Block(title: "Weights", theme: theme).draw(in: side[0], buffer: &buffer)
    let weights: [(String, Double, [Double])] = [
      ("w1", 0.82, [0.1, 0.3, 0.5, 0.7, 0.8, 0.82]), ("w2", -1.37, [0, -0.4, -0.9, -1.2, -1.3, -1.37]),
      ("b", 0.05, [0.2, 0.1, 0.08, 0.06, 0.05, 0.05]), ("w3", .nan, [0.1, 0.5, .nan]),
    ]
    for (index, (name, value, history)) in weights.enumerated() where index < weightsArea.height {
      let row = Rect(x: weightsArea.x, y: weightsArea.y + index, width: weightsArea.width, height: 1)
      let cells = Layout.horizontal([.length(3), .length(6), .fill(1), .length(8)], gap: 1).split(row)
      buffer.write(name, x: cells[0].x, y: row.y, style: theme.label, clip: cells[0])
      buffer.write(NumberFormat.value(value, width: 6), x: cells[1].x, y: row.y, style: theme.signed(value), clip: cells[1])
      Sparkline(values: history, style: theme.value, symbols: theme.symbols).render(in: cells[3], buffer: &buffer)
    }

    // A fitted curve over dots, on a canvas.
    let curveArea = Block(title: "Fit", theme: theme).draw(in: side[1], buffer: &buffer)
    var canvas = BrailleCanvas(width: curveArea.width, height: curveArea.height, symbols: theme.symbols)
    for step in 0..<canvas.pixelWidth where step % 3 == 0 {
      canvas.set(x: step, y: canvas.pixelHeight / 2 + (step % 7) - 3, style: theme.dim, rank: 0, character: ".")
    }
    let points = (0..<canvas.pixelWidth).map { x -> (x: Double, y: Double) in
      (Double(x), Double(canvas.pixelHeight - 1) * (0.5 - 0.4 * sin(Double(x) / 6)))
    }
    for (start, end) in zip(points, points.dropFirst()) { canvas.line(from: start, to: end, style: theme.trainSeries, rank: 1) }
    canvas.render(in: curveArea, buffer: &buffer)

    // Status row.
    buffer.fill(rows[1], with: Cell(" ", style: theme.statusBar))
    buffer.write(Line([Span("▶ step 200  loss 0.0266", style: theme.statusBar)]), x: 1, y: rows[1].y, clip: rows[1])
    return buffer
  }

  @Test func unicode256() {
    assertSnapshot(composeLab(TerminalCapabilities(colorCount: 256, unicode: true)), named: "lab-80x24-unicode")
  }

  @Test func asciiMonochrome() {
    assertSnapshot(composeLab(TerminalCapabilities(colorCount: 0, unicode: false)), named: "lab-80x24-ascii")
  }

  @Test func helpOverlayClearsItsArea() {
    let theme = Theme(capabilities: TerminalCapabilities(colorCount: 8, unicode: true))
    var buffer = composeLab(TerminalCapabilities(colorCount: 8, unicode: true))
    let box = Overlay.centeredRect(width: 40, height: 8, in: buffer.area)
    Overlay.clear(box, buffer: &buffer)
    let inner = Block(title: "Help", border: .rounded, focused: true, symbols: theme.symbols).draw(in: box, buffer: &buffer)
    Paragraph(
      [Line("space  play / pause"), Line("s      one step"), Line("l      linear / log loss axis"), Line("q      quit")]
    ).render(in: inner.inset(by: 0), buffer: &buffer)
    assertSnapshot(buffer, named: "lab-80x24-help-overlay")
  }
}
