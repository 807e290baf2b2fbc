/// Text spelled in printable ASCII for terminals that cannot show anything else (a locale that
/// is not UTF-8, or `--ascii`): the lessons' maths stays readable instead of turning into `?`.
///
/// Greek letters become their names (`η` → `eta`), `ŷ` becomes `y_hat`, `∂` becomes `d`,
/// operators their ASCII spellings (`·` → `*`, `−` → `-`, `≤` → `<=`, `±` → `+/-`, `→` → `->`),
/// subscripts plain digits (`x₁` → `x1`) and a run of superscripts one power (`e⁻ᶻ` → `e^-z`,
/// `x²` → `x^2`). Box drawing keeps its width (`─` → `-`, `┼` → `+`) so diagrams stay aligned.
/// Accented letters lose their accents; anything else unknown becomes `_`, never `?`.
///
/// ```swift
/// ASCIITransliteration.text("ŷ = σ(w·x + b), η ≤ 0.1")   // "y_hat = sigma(w*x + b), eta <= 0.1"
/// ```
public enum ASCIITransliteration {
  /// `text` in printable ASCII (tabs and newlines kept).
  public static func text(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var inSuperscript = false
    for scalar in text.unicodeScalars {
      if let raised = superscripts[scalar] {
        if !inSuperscript { result += "^" }
        result += raised
        inSuperscript = true
        continue
      }
      inSuperscript = false
      if scalar.isASCII {
        result.unicodeScalars.append(scalar)
      } else if scalar == "\u{302}" {
        result += "_hat"  // a combining circumflex: x̂ → x_hat
      } else if (0x300...0x36F).contains(scalar.value) {
        continue  // other combining accents are dropped
      } else {
        result += spelling(of: scalar)
      }
    }
    return result
  }

  /// One printable ASCII character for a cell that can hold only one: the first character of
  /// the scalar's spelling (`→` → `-`, `ŷ` → `y`), or `_`.
  public static func singleCell(_ scalar: Unicode.Scalar) -> Character {
    if scalar.isASCII { return Character(scalar) }
    if let single = singleCells[scalar] { return single }
    if let raised = superscripts[scalar], let first = raised.first { return first }
    return spelling(of: scalar).first ?? "_"
  }

  // MARK: - Private

  /// A non-ASCII scalar's ASCII spelling.
  private static func spelling(of scalar: Unicode.Scalar) -> String {
    if let known = spellings[scalar] { return known }
    if (0x2500...0x257F).contains(scalar.value) { return boxDrawing(scalar) }
    if (0x2800...0x28FF).contains(scalar.value) { return "." }  // braille
    if (0x2580...0x259F).contains(scalar.value) { return "#" }  // blocks and shades
    if let base = unaccented(scalar) { return base }
    return "_"
  }

  /// The letter under an accent (`é` → `e`, `Ö` → `O`) for Latin-1 and Latin Extended-A.
  private static func unaccented(_ scalar: Unicode.Scalar) -> String? {
    for (letter, ranges) in accentGroups where ranges.contains(where: { $0.contains(scalar.value) }) { return letter }
    return nil
  }

  private static let accentGroups: [(String, [ClosedRange<UInt32>])] = [
    ("A", [0xC0...0xC5, 0x100...0x100, 0x102...0x102, 0x104...0x104]),
    ("a", [0xE0...0xE5, 0x101...0x101, 0x103...0x103, 0x105...0x105]),
    ("C", [0xC7...0xC7, 0x106...0x106, 0x108...0x108, 0x10A...0x10A, 0x10C...0x10C]),
    ("c", [0xE7...0xE7, 0x107...0x107, 0x109...0x109, 0x10B...0x10B, 0x10D...0x10D]),
    ("E", [0xC8...0xCB, 0x112...0x112, 0x114...0x114, 0x116...0x116, 0x118...0x118, 0x11A...0x11A]),
    ("e", [0xE8...0xEB, 0x113...0x113, 0x115...0x115, 0x117...0x117, 0x119...0x119, 0x11B...0x11B]),
    ("I", [0xCC...0xCF]), ("i", [0xEC...0xEF]), ("N", [0xD1...0xD1]), ("n", [0xF1...0xF1]),
    ("O", [0xD2...0xD6, 0xD8...0xD8]), ("o", [0xF2...0xF6, 0xF8...0xF8]),
    ("U", [0xD9...0xDC]), ("u", [0xF9...0xFC]), ("Y", [0xDD...0xDD]), ("y", [0xFD...0xFD, 0xFF...0xFF]),
  ]

  /// Box drawing, width for width: horizontals `-`, verticals `|`, diagonals, everything else `+`.
  private static func boxDrawing(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "─", "━", "┄", "┅", "┈", "┉", "╌", "╍", "╴", "╶", "╸", "╺": return "-"
    case "═": return "="
    case "│", "┃", "┆", "┇", "┊", "┋", "╎", "╏", "╵", "╷", "╹", "╻", "║": return "|"
    case "╱": return "/"
    case "╲": return "\\"
    case "╳": return "X"
    default: return "+"
    }
  }

  private static let spellings: [Unicode.Scalar: String] = [
    // Letters the lessons use as symbols.
    "ŷ": "y_hat", "Ŷ": "Y_hat", "ĥ": "h_hat",
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
    "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi",
    "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi",
    "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Π": "Pi",
    "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
    // Operators and relations.
    "∂": "d", "∇": "grad", "·": "*", "∙": "*", "×": "x", "÷": "/", "−": "-", "∓": "-/+", "±": "+/-",
    "≈": "~=", "≃": "~=", "≠": "!=", "≤": "<=", "≥": ">=", "≪": "<<", "≫": ">>", "∞": "inf",
    "√": "sqrt", "∑": "sum", "∏": "prod", "∫": "int", "∈": "in", "∝": "~", "′": "'", "″": "''",
    "½": "1/2", "⅓": "1/3", "¼": "1/4", "¾": "3/4", "°": " deg", "µ": "mu",
    // Arrows.
    "→": "->", "←": "<-", "↔": "<->", "⇒": "=>", "⇐": "<=", "⇔": "<=>", "↑": "^", "↓": "v",
    "▶": ">", "◀": "<", "▲": "^", "▼": "v", "⟶": "->",
    // Subscripts.
    "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
    "₊": "+", "₋": "-", "₌": "=", "₍": "(", "₎": ")", "ₐ": "a", "ₑ": "e", "ₒ": "o", "ₓ": "x", "ₕ": "h",
    "ₖ": "k", "ₗ": "l", "ₘ": "m", "ₙ": "n", "ₚ": "p", "ₛ": "s", "ₜ": "t", "ᵢ": "i", "ⱼ": "j",
    "ᵣ": "r", "ᵤ": "u", "ᵥ": "v",
    // Punctuation.
    "–": "-", "—": "--", "‐": "-", "‑": "-", "…": "...", "‘": "'", "’": "'", "‚": ",", "“": "\"",
    "”": "\"", "„": "\"", "«": "<<", "»": ">>", "•": "*", "◦": "o", "●": "o", "○": "o", "✓": "v",
    "✔": "v", "✗": "x", "✘": "x", "⋮": ":", "⋯": "...", "❚": "|", "\u{A0}": " ", "\u{2009}": " ",
    "\u{202F}": " ", "¬": "not", "§": "S", "©": "(c)", "®": "(R)", "™": "(TM)", "€": "EUR", "£": "GBP",
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ð": "d", "þ": "th",
  ]

  /// Superscript characters and what they raise: a run of them is written after one `^`.
  private static let superscripts: [Unicode.Scalar: String] = [
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    "⁺": "+", "⁻": "-", "⁼": "=", "⁽": "(", "⁾": ")", "ⁿ": "n", "ⁱ": "i", "ᵃ": "a", "ᵇ": "b", "ᶜ": "c",
    "ᵈ": "d", "ᵉ": "e", "ᶠ": "f", "ᵍ": "g", "ʰ": "h", "ʲ": "j", "ᵏ": "k", "ˡ": "l", "ᵐ": "m", "ᵒ": "o",
    "ᵖ": "p", "ʳ": "r", "ˢ": "s", "ᵗ": "t", "ᵘ": "u", "ᵛ": "v", "ʷ": "w", "ˣ": "x", "ʸ": "y", "ᶻ": "z",
    "ᵀ": "T",
  ]

  /// Single-cell stand-ins where the first character of the spelling would mislead.
  private static let singleCells: [Unicode.Scalar: Character] = [
    "→": ">", "←": "<", "⇒": ">", "—": "-", "…": ".", "≤": "<", "≥": ">", "≈": "~", "±": "+", "√": "V",
  ]
}
