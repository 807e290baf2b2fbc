import NeuralEngine
import TerminalUI

/// The current image's feature maps, one column per filter: the convolution's output, the same
/// after the activation, and after pooling, so the learner sees which strokes each filter
/// answers to and what pooling keeps.
///
/// Each filter's maps share one scale, dark at 0 and glowing orange (positive) or blue
/// (negative), so a value looks the same before and after the activation and the strokes a
/// filter answers to light up. Filters that do not fit are counted.
struct FeatureMapsView {
  let playground: Playground

  /// One row of maps: a name and the layer whose output it shows.
  struct Stage: Equatable {
    var name: String
    var layer: Int
  }

  /// The stages the first convolution has: `conv`, then its activation and pooling when present.
  static func stages(of convolution: ConvolutionAnatomy) -> [Stage] {
    var stages = [Stage(name: "conv", layer: convolution.layer)]
    if let layer = convolution.activationLayer { stages.append(Stage(name: convolution.activation?.rawValue ?? "act", layer: layer)) }
    if let layer = convolution.poolingLayer {
      stages.append(Stage(name: convolution.poolingName?.hasPrefix("avg") == true ? "avg" : "pool", layer: layer))
    }
    return stages
  }

  func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    guard let convolution = playground.convolution, let image = playground.currentImage else {
      buffer.write("feature maps need a convolution layer", x: area.x, y: area.y, style: theme.dim, clip: area)
      return
    }
    let trace = playground.session.network.trace(image)
    let stages = Self.stages(of: convolution)
    let outputs = stages.map { trace.layerOutput($0.layer) }
    // Per filter: one grid per stage, all on the filter's own scale.
    let limits = (0..<convolution.filters).map { filter in
      PixelGrid.largestMagnitude(outputs.flatMap { Self.channel(filter, of: $0) })
    }
    func grid(stage: Int, filter: Int) -> PixelGrid {
      let shape = outputs[stage].shape
      return PixelGrid(
        values: Self.channel(filter, of: outputs[stage]), rows: shape[1], columns: shape[2],
        kind: .response(limit: limits[filter]))
    }
    let labelWidth = stages.map { $0.name.count }.max().map { $0 + 1 } ?? 5
    var header = 1
    if area.height >= 4 {
      let caption = caption(theme: theme)
      buffer.write(theme.symbols.displayable(caption), x: area.x, y: area.y, style: theme.dim, clip: area)
    } else {
      header = 0
    }
    // Scale: the largest at which every stage's rows fit under the header and number row.
    let firstGrids = stages.indices.map { grid(stage: $0, filter: 0) }
    // A blank row between stages when there is room for it.
    var scale = 1
    var gap = 0
    search: for candidateGap in [1, 0] {
      for candidate in stride(from: 3, through: 1, by: -1) {
        let height = firstGrids.reduce(0) { $0 + $1.size(scale: candidate, theme: theme).height }
          + candidateGap * (stages.count - 1)
        if header + 1 + height <= area.height || (candidate == 1 && candidateGap == 0) {
          (scale, gap) = (candidate, candidateGap)
          break search
        }
      }
    }
    let columnWidth = (firstGrids.map { $0.size(scale: scale, theme: theme).width }.max() ?? 6) + 1
    let fitting = max(0, (area.width - labelWidth + 1) / columnWidth)
    let shown = min(convolution.filters, fitting)
    let numberRow = area.y + header
    var y = numberRow + 1
    for filter in 0..<shown {
      buffer.write(String(filter + 1), x: area.x + labelWidth + filter * columnWidth, y: numberRow, style: theme.label, clip: area)
    }
    for (stageIndex, stage) in stages.enumerated() {
      let height = firstGrids[stageIndex].size(scale: scale, theme: theme).height
      guard y < area.maxY else { break }
      buffer.write(stage.name, x: area.x, y: y, style: theme.label, clip: area)
      for filter in 0..<shown {
        grid(stage: stageIndex, filter: filter).render(x: area.x + labelWidth + filter * columnWidth, y: y, scale: scale, buffer: &buffer, theme: theme, clip: area)
      }
      y += height + gap
    }
    if shown < convolution.filters, area.width > labelWidth {
      let note = "+\(convolution.filters - shown)"
      buffer.write(note, x: area.maxX - note.count, y: numberRow, style: theme.dim, clip: area)
    }
  }

  /// Channel `channel` of a `[channels, rows, columns]` output, row-major.
  static func channel(_ channel: Int, of output: Tensor) -> [Double] {
    let count = output.shape[1] * output.shape[2]
    return Array(output.values[(channel * count)..<((channel + 1) * count)])
  }

  /// What image the maps belong to.
  private func caption(theme: Theme) -> String {
    if playground.followsDrawing { return "maps of your drawing" }
    let index = playground.digitLab.shownTestIndex % max(1, playground.testImageCount)
    let label = playground.testLabel(at: index).map { " (a \($0))" } ?? ""
    return "maps of test digit \(index + 1)\(label), x next"
  }
}
