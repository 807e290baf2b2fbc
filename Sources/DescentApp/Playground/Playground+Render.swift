import LessonKit
import TerminalUI

/// Drawing the playground: panes in a grid and the status line, from the model alone.
extension Playground {
  /// Narrowest pane area that is split into two columns.
  static let twoColumnWidth = 60
  /// Shortest pane area that is split into two rows beside another column.
  static let twoRowHeight = 14
  /// Shortest pane area that stacks two panes in a single column.
  static let stackedHeight = 18

  // MARK: - Drawing

  /// Draws the panes and, at the bottom, the status line inside `area` (no title bar).
  ///
  /// Shows as many panes as fit: four in a 2×2 grid, three as one large beside two stacked,
  /// two side by side, or only the focused one in a small area; Enter's maximised pane alone.
  public func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.fill(area, with: .blank)
    let layout = layout(in: area, theme: theme)
    let paneArea = layout.paneArea
    for (pane, rect) in layout.panes {
      renderPane(at: pane, in: rect, hidden: panes.count - layout.panes.count, buffer: &buffer, theme: theme)
    }
    if panes.isEmpty, !paneArea.isEmpty {
      let middle = Rect(x: paneArea.x, y: paneArea.y + paneArea.height / 2, width: paneArea.width, height: 1)
      Paragraph([Line("no views on this page", style: theme.dim)], alignment: .center).render(in: middle, buffer: &buffer)
    }
    if reshape.choosesFeatures { FeatureChooserView(playground: self).render(in: layout.paneArea, buffer: &buffer, theme: theme) }
    StatusLine(playground: self).render(in: layout.statusArea, buffer: &buffer, theme: theme)
  }

  /// Where the panes and the status line go when the playground is drawn in `area`.
  struct ScreenLayout {
    var paneArea: Rect
    var statusArea: Rect
    /// Each shown pane's index into `panes` with its bordered rect.
    var panes: [(index: Int, rect: Rect)]
  }

  /// The layout `render` draws: the status line's height depends on its notice, so on `theme`'s
  /// symbols too.
  func layout(in area: Rect, theme: Theme) -> ScreenLayout {
    let statusHeight = area.height >= 12 ? StatusLine(playground: self).height(width: area.width, maximum: area.height >= 18 ? 3 : 2, theme: theme) : 1
    let rows = Layout.vertical([.fill(1), .length(statusHeight)]).split(area)
    let shown = shownPaneIndices(in: rows[0])
    let rects = Self.paneRects(count: shown.count, in: rows[0])
    return ScreenLayout(paneArea: rows[0], statusArea: rows[1], panes: Array(zip(shown, rects)).map { (index: $0.0, rect: $0.1) })
  }

  /// Where a pane's view draws inside its bordered `rect`: within the border, one column of
  /// margin on each side.
  static func contentRect(ofPane rect: Rect, theme: Theme) -> Rect {
    let inner = Block(theme: theme).inner(rect)
    return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
  }

  /// Indices into `panes` drawn in `area`: the maximised pane, or as many as fit, always
  /// including the focused one.
  func shownPaneIndices(in area: Rect) -> [Int] {
    guard !panes.isEmpty, !area.isEmpty else { return [] }
    let focused = min(focusedPaneIndex, panes.count - 1)
    if let maximisedPane, let index = panes.firstIndex(of: maximisedPane) { return [index] }
    let capacity: Int
    if area.width >= Self.twoColumnWidth {
      capacity = area.height >= Self.twoRowHeight ? 4 : 2
    } else {
      capacity = area.height >= Self.stackedHeight ? 2 : 1
    }
    let count = min(capacity, panes.count)
    let start = focused < count ? 0 : focused - count + 1
    return Array(start..<(start + count))
  }

  /// Rects for `count` panes: one full; two side by side (stacked when narrow); three as one
  /// large on the left and two stacked on the right; four (or more) in two rows.
  static func paneRects(count: Int, in area: Rect) -> [Rect] {
    switch count {
    case ...0:
      return []
    case 1:
      return [area]
    case 2:
      let layout = area.width >= twoColumnWidth ? Layout.horizontal([.fill(1), .fill(1)]) : Layout.vertical([.fill(1), .fill(1)])
      return layout.split(area)
    case 3:
      let columns = Layout.horizontal([.percentage(area.width >= 100 ? 55 : 50), .fill(1)]).split(area)
      return [columns[0]] + Layout.vertical([.fill(1), .fill(1)]).split(columns[1])
    default:
      let rows = Layout.vertical([.fill(1), .fill(1)]).split(area)
      let top = (count + 1) / 2
      let topRects = Layout.horizontal(Array(repeating: .fill(1), count: top)).split(rows[0])
      let bottomRects = Layout.horizontal(Array(repeating: .fill(1), count: count - top)).split(rows[1])
      return topRects + bottomRects
    }
  }

  /// One pane: its bordered block (highlighted when focused) and its view inside.
  private func renderPane(at index: Int, in rect: Rect, hidden: Int, buffer: inout Buffer, theme: Theme) {
    let pane = panes[index]
    let focused = index == min(focusedPaneIndex, panes.count - 1)
    var rightTitle: String?
    if maximisedPane != nil {
      rightTitle = "Esc restore"
    } else if hidden > 0, focused {
      rightTitle = "\(index + 1)/\(panes.count) Tab"
    } else if pane == .loss {
      rightTitle = usesLogScale ? "log y" : nil
    } else if pane == .filters, filtersAreFrozen {
      rightTitle = "frozen"
    }
    let block = Block(title: pane.title(for: configuration.dataset.task), rightTitle: rightTitle, focused: focused && panes.count > 1, theme: theme)
    let inner = block.draw(in: rect, buffer: &buffer)
    guard !inner.isEmpty else { return }
    let content = Self.contentRect(ofPane: rect, theme: theme)
    guard !content.isEmpty else { return }
    switch pane {
    case .loss: LossChartView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .weights: WeightsView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .network: NetworkPaneView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .bowl: LossBowlView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .boundary: DecisionBoundaryView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .accuracy: AccuracyChartView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .digit: DigitImageView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .filters: FiltersView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .featureMaps: FeatureMapsView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .convolution: ConvolutionStepView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .probabilities: ClassProbabilitiesView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .confusion: ConfusionMatrixView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .mistakes: MistakesGalleryView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .draw: DrawingPadView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .unrolled: UnrolledSequenceView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .gates: LSTMGatesView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .gradientFlow: GradientFlowView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    case .sequenceFit: SequenceFitView(playground: self).render(in: content, buffer: &buffer, theme: theme)
    }
  }
}
