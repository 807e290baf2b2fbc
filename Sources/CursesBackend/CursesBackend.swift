import CNCurses
import CTermGuard
import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ncurses implementation of `TerminalBackend`: the only code that talks to the learner's terminal.
///
/// Lifecycle: `try CursesBackend.preflight()` (optional: `init` runs it too), `try CursesBackend(logPath:)`,
/// then `draw` / `nextEvent` from one thread, then `shutdown()` on a normal quit. While it runs, stderr goes
/// to the log file (replayed on the terminal at shutdown), and a C term guard restores the terminal on
/// every catchable signal whose default action ends the process (Ctrl-C, SIGTERM, SIGHUP, SIGPIPE,
/// SIGUSR1, SIGALRM, SIGXCPU, …), crashes and `exit()`. Quit signals end the process from inside
/// `nextEvent`/`draw` (curses closed, then death by the same signal, status 128 + n), so call `nextEvent`
/// at least every few hundred milliseconds while working — a `nil` timeout is fine, it wakes on signals.
public final class CursesBackend: TerminalBackend {
  /// The screen size in cells, updated on resize.
  public private(set) var size: Size
  /// Colours and Unicode, decided once in `init`.
  public let capabilities: TerminalCapabilities
  /// How many cells the last `draw` sent to curses (a test seam: 0 when nothing changed).
  public private(set) var cellsSentByLastDraw = 0

  /// The longest single wait inside `wget_wch`; a `nil` timeout loops over such slices.
  ///
  /// A blocking `wget_wch` does return on SIGINT/SIGTERM/SIGHUP (the guard installs its handlers without
  /// `SA_RESTART`, so `read` fails with EINTR), but a signal landing between the pending-signal check and
  /// the `read` would wait for the next key; the slice bounds that window. Four wake-ups a second cost
  /// nothing measurable.
  static let blockingSliceMilliseconds: Int32 = 250

  /// How long curses waits after ESC for the rest of a key's sequence (ESCDELAY), and how long a
  /// started sequence may pause between bytes. Long enough for a sequence split across packets
  /// over SSH, short enough that a lone Escape still answers within a tenth of a second.
  static let escapeDelayMilliseconds: Int32 = 50

  private let screen: OpaquePointer
  /// stdscr of `screen` (internal for the test inspection helpers).
  let window: UnsafeMutablePointer<WINDOW>
  private let ownsTerminal: Bool
  private let offscreenFiles: [UnsafeMutablePointer<FILE>]
  private let canShowNonASCII: Bool
  private var pairs: ColorPairTable
  private let defaultColor: (foreground: Int16, background: Int16)
  private var lastDrawn: Buffer?
  private var needsFullRedraw = true
  private var isShutDown = false
  private var quickErrors = 0
  /// Whether the app asked for the mouse (and the terminal has one).
  private var reportsMouse = false
  private var mouse = MouseMapping()

  /// xterm's "report moves while a button is held" (1002), which ncurses never asks for by
  /// itself, and the modes ncurses uses (1006 SGR coordinates, 1000 presses): all off.
  static let mouseDragOn = "\u{1b}[?1002h"
  static let mouseDragOff = "\u{1b}[?1002l"
  static let mouseOff = "\u{1b}[?1002l\u{1b}[?1006l\u{1b}[?1000l"

  /// Whether the terminal reports the mouse the xterm way (`kmous` is `ESC [ M` or `ESC [ <`), so
  /// drags can be asked for and the modes are known for the emergency restore.
  static func hasXtermMouse() -> Bool {
    nc_tigetstr("kmous").map { String(cString: $0).hasPrefix("\u{1b}[") } ?? false
  }

  // MARK: - Start-up

  /// Checks that an interactive UI can start here, without touching the terminal.
  ///
  /// Throws for: stdin/stdout not a tty, `TERM` unset/empty, `TERM=dumb`. (An unknown `TERM` is found by
  /// `init`, because only `newterm` can tell.) The caller prints `error.description` to stderr and exits 2.
  public static func preflight() throws(CursesStartupError) {
    try preflight(
      stdinIsTerminal: isatty(STDIN_FILENO) == 1,
      stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
      term: getenv("TERM").map { String(cString: $0) })
  }

  /// The preflight decision for given facts (tests call this one).
  public static func preflight(
    stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?
  ) throws(CursesStartupError) {
    guard stdinIsTerminal, stdoutIsTerminal else { throw .notATerminal }
    guard let term, !term.isEmpty else { throw .termUnset }
    guard term != "dumb" else { throw .dumbTerminal }
  }

  /// Takes over the terminal: alternate screen, no echo, keypad, hidden cursor.
  ///
  /// - Parameters:
  ///   - logPath: where stderr goes while curses owns the screen (created 0600, truncated; its directory
  ///     must exist). `nil` uses an unnamed temporary file. Either way the text is replayed on the real
  ///     stderr by `shutdown()` or the guard (last 64 KiB), so warnings and crash messages stay visible.
  ///   - asciiOverride: report `capabilities.unicode == false` even in a UTF-8 locale (`--ascii`).
  /// - Throws: the `preflight()` errors, or `.unknownTerminal` when ncurses has no usable entry for `TERM`.
  ///   Nothing has been changed on the terminal when it throws.
  public convenience init(logPath: String?, asciiOverride: Bool = false) throws(CursesStartupError) {
    try Self.preflight()
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    setlocale(LC_ALL, "")  // before newterm, or wide characters are dropped
    setlocale(LC_NUMERIC, "C")  // but keep "1.5", not "1,5", in any C-level number formatting
    tg_save_termios()
    tg_set_detach_stdin_on_crash(Self.wantsInteractiveBacktrace() ? 0 : 1)
    tg_install_handlers()
    guard let screen = newterm(nil, nc_stdout(), nc_stdin()) else { throw .unknownTerminal(term) }
    guard nc_tigetstr("cup") != nil, let window = nc_stdscr() else {
      endwin()
      delscreen(screen)
      throw .unknownTerminal(term)
    }
    if tg_capture_stderr(logPath) != 0 { _ = tg_capture_stderr(nil) }
    let restoreCapabilities: [String] = ["rmcup", "cnorm", "sgr0", "rmkx"]
    // A crash while the mouse is reported must not leave the shell receiving mouse sequences.
    let mouseRestore = Self.hasXtermMouse() ? Self.mouseOff : ""
    tg_set_restore_sequence(
      mouseRestore + restoreCapabilities.compactMap { nc_tigetstr($0).map { String(cString: $0) } }.joined())
    tg_arm()
    self.init(
      screen: screen, window: window, ownsTerminal: true, offscreenFiles: [],
      colorsAllowed: !Self.noColorRequested(), asciiOverride: asciiOverride)
  }

  /// A backend drawing into an invisible screen (`/dev/null`), for tests: no tty, no `TERM`, no signal
  /// handlers, no stderr capture. The caller sets a UTF-8 locale first if it draws wide characters.
  public static func offscreen(
    size: Size, terminalType: String = "xterm-256color", colors: Bool = true
  ) throws(CursesStartupError) -> CursesBackend {
    guard let output = fopen("/dev/null", "w") else { throw .notATerminal }
    guard let input = fopen("/dev/null", "r") else {
      fclose(output)
      throw .notATerminal
    }
    guard let screen = newterm(terminalType, output, input), let window = nc_stdscr() else {
      fclose(output)
      fclose(input)
      throw .unknownTerminal(terminalType)
    }
    resize_term(Int32(size.height), Int32(size.width))  // unlike resizeterm, queues no KEY_RESIZE
    return CursesBackend(
      screen: screen, window: window, ownsTerminal: false, offscreenFiles: [output, input],
      colorsAllowed: colors, asciiOverride: false)
  }

  private init(
    screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, ownsTerminal: Bool,
    offscreenFiles: [UnsafeMutablePointer<FILE>], colorsAllowed: Bool, asciiOverride: Bool
  ) {
    self.screen = screen
    self.window = window
    self.ownsTerminal = ownsTerminal
    self.offscreenFiles = offscreenFiles
    cbreak()
    noecho()
    nonl()
    intrflush(window, false)
    keypad(window, true)
    curs_set(0)
    set_escdelay(Self.escapeDelayMilliseconds)
    if ownsTerminal { Self.disableFlowControl() }

    var colorCount = 0
    var defaults: (foreground: Int16, background: Int16) = (-1, -1)
    if colorsAllowed && has_colors() && start_color() == OK {
      if use_default_colors() != OK { defaults = (7, 0) }
      let available = nc_COLORS()
      colorCount = available >= 256 ? 256 : (available >= 8 ? 8 : 0)
    }
    defaultColor = defaults
    pairs = ColorPairTable(
      colorPairs: colorCount == 0 ? 0 : Int(nc_COLOR_PAIRS()),
      defaultColors: .init(foreground: defaults.foreground, background: defaults.background))
    canShowNonASCII = nc_codeset_is_utf8() == 1
    capabilities = TerminalCapabilities(colorCount: colorCount, unicode: canShowNonASCII && !asciiOverride)
    var rows: Int32 = 0
    var columns: Int32 = 0
    nc_getmaxyx(window, &rows, &columns)
    size = Size(width: Int(columns), height: Int(rows))
  }

  /// Turns off XON/XOFF so Ctrl-S and Ctrl-Q reach the program as `.control("s")`/`.control("q")` instead
  /// of freezing the output (`cbreak` keeps IXON; `raw` would also drop ISIG, which Ctrl-C needs), then
  /// records the mode as curses' program mode (restored after Ctrl-Z / `fg`; `endwin` restores the shell's).
  private static func disableFlowControl() {
    var modes = termios()
    guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
    modes.c_iflag &= ~tcflag_t(IXON)
    guard tcsetattr(STDIN_FILENO, TCSANOW, &modes) == 0 else { return }
    def_prog_mode()
  }

  deinit {
    shutdown()
  }

  /// `SWIFT_BACKTRACE` explicitly asks for the interactive crash prompt (`interactive=yes`).
  private static func wantsInteractiveBacktrace() -> Bool {
    guard let value = getenv("SWIFT_BACKTRACE").map({ String(cString: $0) }) else { return false }
    return value.split(separator: ",").contains { String($0.filter { $0 != " " }) == "interactive=yes" }
  }

  /// `NO_COLOR` set and non-empty (no-color.org).
  private static func noColorRequested() -> Bool {
    guard let value = getenv("NO_COLOR") else { return false }
    return value.pointee != 0
  }

  // MARK: - Shutdown

  /// Gives the terminal back (normal quit): leaves the alternate screen, restores modes, puts stderr
  /// back and replays what was logged. Idempotent; later `draw` calls do nothing and `nextEvent` returns
  /// `.tick`.
  public func shutdown() {
    guard !isShutDown else { return }
    setMouseReporting(false)
    isShutDown = true
    endwin()
    if ownsTerminal {
      tg_disarm()
      tg_release_stderr()
    }
    delscreen(screen)
    for file in offscreenFiles { fclose(file) }
  }

  /// Ends the process by a quit signal the guard recorded (Ctrl-C, SIGTERM, SIGPIPE, SIGUSR1, …), after
  /// closing curses properly.
  private func dieIfSignalled() {
    let signal = tg_pending_signal()
    guard signal != 0 else { return }
    setMouseReporting(false)
    endwin()
    tg_disarm()
    tg_release_stderr()
    tg_reraise(signal)
  }

  // MARK: - Drawing

  /// Shows `buffer`, sending only cells that changed since the last draw (all cells after a resize, or
  /// when the buffer's size differs from the screen's; such a buffer is clipped).
  public func draw(_ buffer: Buffer) {
    dieIfSignalled()
    guard !isShutDown else { return }
    var previous = lastDrawn
    if needsFullRedraw || buffer.size != size || previous?.size != buffer.size {
      previous = nil
      werase(window)
    }
    if needsFullRedraw, let current = nc_curscr() { clearok(current, true) }
    var sent = 0
    for change in BufferDiff.changes(from: previous, to: buffer) where change.y < size.height {
      for (offset, cell) in change.cells.enumerated() {
        let x = change.x + offset
        guard x < size.width else { break }
        // The right half of a wide character is drawn with its left half, which a run always
        // holds; an orphan half (no wide character left of it) is drawn as a space.
        if cell.symbol.isEmpty, x > 0, buffer[x - 1, change.y].isWide { continue }
        put(cell, x: x, y: change.y)
        sent += 1
      }
    }
    wnoutrefresh(window)
    doupdate()
    lastDrawn = buffer
    needsFullRedraw = false
    cellsSentByLastDraw = sent
  }

  /// Writes one cell; errors (the bottom-right corner, a wide character at the right edge) are ignored.
  private func put(_ cell: Cell, x: Int, y: Int) {
    var scalars = printableScalars(of: cell)
    if cell.isWide, x + 1 >= size.width { scalars = [" "] }
    let attributes = StyleAttributes.attributes(of: cell.style)
    let pair = pairNumber(for: cell.style)
    var text = scalars.prefix(5).map { wchar_t(bitPattern: $0.value) } + [0]
    if nc_put_cell(window, Int32(y), Int32(x), &text, attributes, pair) == ERR, scalars.count > 1 {
      text = [wchar_t(bitPattern: scalars[0].value), 0]
      _ = nc_put_cell(window, Int32(y), Int32(x), &text, attributes, pair)
    }
  }

  /// The scalars to send for `cell`: a space for empty cells and control characters, one ASCII
  /// stand-in (`→` → `>`, `ŷ` → `y`) for non-ASCII text in a locale that cannot show it.
  private func printableScalars(of cell: Cell) -> [Unicode.Scalar] {
    let scalars = Array(cell.symbol.unicodeScalars)
    guard let first = scalars.first, first.value >= 0x20, !(0x7F...0x9F).contains(first.value) else {
      return [" "]
    }
    if !canShowNonASCII, scalars.contains(where: { $0.value > 0x7E }) {
      return Array(String(ASCIITransliteration.singleCell(first)).unicodeScalars)
    }
    return scalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
  }

  /// The colour pair for `style`, calling `init_pair` the first time a combination is used.
  private func pairNumber(for style: Style) -> Int32 {
    let colorCount = capabilities.colorCount
    guard colorCount > 0 else { return 0 }
    let colors = ColorPairTable.Colors(
      foreground: ColorMapping.cursesNumber(
        for: style.foreground, colorCount: colorCount, defaultColor: defaultColor.foreground),
      background: ColorMapping.cursesNumber(
        for: style.background, colorCount: colorCount, defaultColor: defaultColor.background))
    let assignment = pairs.pair(for: colors)
    if assignment.isNew {
      init_pair(Int16(assignment.pair), colors.foreground, colors.background)
    }
    return assignment.pair
  }

  // MARK: - Mouse

  /// Asks the terminal for presses, releases and drags (`enabled`), or gives the mouse back to
  /// it. Terminals without a mouse (no `kmous`) are left alone.
  public func setMouseReporting(_ enabled: Bool) {
    guard !isShutDown, enabled != reportsMouse else { return }
    if enabled {
      guard mousemask(MouseMapping.reportedEvents, nil) != 0 else { return }
      mouseinterval(0)  // no waiting to pair a press with a release into a click
      // After ncurses' own modes (it writes them at once), or they would switch drags off again.
      if ownsTerminal, Self.hasXtermMouse() { writeNow(Self.mouseDragOn) }
    } else {
      if ownsTerminal, Self.hasXtermMouse() { writeNow(Self.mouseDragOff) }
      mousemask(0, nil)
      mouse = MouseMapping()
    }
    reportsMouse = enabled
  }

  /// Sends `sequence` to the terminal now. (`putp` would queue it in stdio until exit, behind
  /// everything ncurses writes itself.)
  private func writeNow(_ sequence: String) {
    fputs(sequence, nc_stdout())
    fflush(nc_stdout())
  }

  /// After Ctrl-Z and `fg` ncurses turns its own mouse modes back on, but not drags.
  private func restoreDragsAfterResume() {
    guard ownsTerminal, tg_take_continued() != 0, reportsMouse, Self.hasXtermMouse() else { return }
    writeNow(Self.mouseDragOn)
  }

  /// The event for a `KEY_MOUSE` read: what `getmouse` holds, mapped.
  private func readMouse() -> TerminalEvent? {
    var report = MEVENT()
    guard getmouse(&report) == OK else { return nil }
    return mouse.event(state: report.bstate, x: report.x, y: report.y).map { .mouse($0) }
  }

  // MARK: - Input

  /// Waits up to `timeoutMilliseconds` for a key, a mouse event or a resize (`.tick` when none came), or until one comes
  /// when `nil`. Also where recorded quit signals end the process.
  public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent {
    dieIfSignalled()
    guard !isShutDown else { return .tick }
    guard let timeout = timeoutMilliseconds else {
      while true {
        if let event = readEvent(timeout: Self.blockingSliceMilliseconds) { return event }
      }
    }
    return readEvent(timeout: Int32(clamping: max(0, timeout))) ?? .tick
  }

  /// One `wget_wch` with `timeout`; `nil` when it timed out, was interrupted, or read an unused key.
  private func readEvent(timeout: Int32) -> TerminalEvent? {
    restoreDragsAfterResume()
    wtimeout(window, timeout)
    var code: wint_t = 0
    let started = monotonicMilliseconds()
    let result = wget_wch(window, &code)
    dieIfSignalled()
    switch result {
    case KEY_CODE_YES:
      quickErrors = 0
      if Int32(bitPattern: code) == KEY_RESIZE { return resized() }
      if Int32(bitPattern: code) == KEY_MOUSE { return readMouse() }
      return KeyMapping.key(code: code, isKeyCode: true).map { .key($0) }
    case ERR:
      noteError(waited: monotonicMilliseconds() - started, timeout: timeout)
      return nil
    default:
      quickErrors = 0
      if EscapeSequence.startsSequence(code) { return readEscapeSequence(startingWith: code) }
      return KeyMapping.key(code: code, isKeyCode: false).map { .key($0) }
    }
  }

  /// Reads the rest of an escape sequence curses did not turn into a key code, whole (see
  /// `EscapeSequence`): a recognised one is its key, any other is dropped, never split into keys.
  private func readEscapeSequence(startingWith introducer: UInt32) -> TerminalEvent? {
    var units = [introducer]
    while true {
      switch EscapeSequence.interpret(units) {
      case .complete(let key):
        return key.map { .key($0) }
      case .completeBefore(let key, let unit):
        _ = unget_wch(wchar_t(bitPattern: unit))
        return key.map { .key($0) }
      case .needMore:
        // Curses already waited ESCDELAY after the ESC: whatever followed it is buffered now.
        wtimeout(window, units.count == 1 ? 0 : Self.escapeDelayMilliseconds)
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        dieIfSignalled()
        switch result {
        case OK:
          units.append(code)
        case KEY_CODE_YES:
          _ = ungetch(Int32(bitPattern: code))
          return EscapeSequence.timedOut(units).map { .key($0) }
        default:
          return EscapeSequence.timedOut(units).map { .key($0) }
        }
      }
    }
  }

  /// Re-reads the size after ncurses resized the screen on SIGWINCH, and schedules a full redraw.
  private func resized() -> TerminalEvent {
    var rows: Int32 = 0
    var columns: Int32 = 0
    nc_getmaxyx(window, &rows, &columns)
    size = Size(width: Int(columns), height: Int(rows))
    needsFullRedraw = true
    lastDrawn = nil
    return .resize(size)
  }

  /// Treats a stream of immediate read errors as a hang-up: once the terminal is gone, `wget_wch` fails at
  /// once forever (EOF), which would spin the loop at full CPU.
  private func noteError(waited: Int, timeout: Int32) {
    guard ownsTerminal, timeout >= 20 else { return }
    quickErrors = waited * 4 < Int(timeout) ? quickErrors + 1 : 0
    if quickErrors >= 50 {
      endwin()
      tg_disarm()
      tg_release_stderr()
      tg_reraise(SIGHUP)
    }
  }

  private func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
  }
}
