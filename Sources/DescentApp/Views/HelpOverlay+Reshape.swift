import TerminalUI

extension HelpOverlay {
  /// The reshaping and tuning keys that apply here and are unlocked: the shape keys for a dense
  /// network of hidden layers, `i` for 2-D data, the data keys for a built-in dataset that can be
  /// drawn again. Locked ones are left out: a lab that locks them is about something else, and
  /// ten dim lines would bury the keys it offers.
  static func reshapeEntries(for playground: Playground, symbols: SymbolSet) -> [Entry] {
    let unlocked = playground.unlockedControls
    var entries: [Entry] = []
    if playground.reshapesNetwork, unlocked.contains(.layers) || unlocked.contains(.neurons) {
      entries += [
        Entry(keys: "[  ]", action: "fewer / more hidden layers", control: .layers, brief: "fewer / more layers"),
        Entry(keys: "{  }", action: "fewer / more neurons in the focused layer", control: .neurons, brief: "neurons in focus -/+"),
        Entry(keys: "<  >", action: "focus the previous / next hidden layer", control: nil, brief: "focus another layer"),
      ]
    }
    if playground.takesInputFeatures {
      entries.append(Entry(keys: "i", action: symbols.displayable("input features: x₁², x₁x₂, sin x₁ …"), control: .features, brief: "input features"))
    }
    entries += [
      Entry(keys: "g", action: "regularisation: none, L1, L2", control: .regularization, brief: "regularisation kind"),
      Entry(keys: "k  K", action: "regularisation rate up / down", control: .regularization, brief: "regularisation rate"),
      Entry(keys: "D", action: "dropout: 0, 10, 20, 30, 50 %", control: .dropout, brief: "dropout rate"),
    ]
    if let recipe = playground.redrawableRecipe {
      if recipe.resolvedNoise != nil { entries.append(Entry(keys: "j  J", action: "more / less noise in the data", control: .noise, brief: "noise up / down")) }
      if recipe.resolvedTestFraction != nil {
        entries.append(Entry(keys: "t  T", action: "more / less data for training", control: .split, brief: "training share"))
      }
      entries.append(Entry(keys: "G", action: "draw new data (next data seed)", control: .data, brief: "draw new data"))
    }
    return entries.filter { $0.control.map(unlocked.contains) ?? true }
  }
}
