import TerminalUI

extension HelpOverlay {
  /// The keys of the image views, listed only when the lab shows images.
  static func imageEntries(symbols: SymbolSet) -> [Entry] {
    [
      Entry(keys: "x  X", action: "next / previous test digit", control: nil, brief: "next / previous digit"),
      Entry(keys: ".  ,", action: "move the convolution window on / back", control: nil, brief: "move the window"),
      Entry(keys: "f", action: "next filter in the step-through", control: nil, brief: "next filter"),
      Entry(keys: "d", action: "draw a digit (arrows, space, backspace, c; d or Esc ends)", control: nil, brief: "draw a digit"),
      Entry(keys: "mouse", action: "on the pad: left button paints, right erases", control: nil, brief: "paint with the mouse"),
    ]
  }
}
