import CTermGuard
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The term guard catches every signal that would otherwise end the process with the terminal
/// still raw and in the alternate screen.
@Suite(.serialized) struct TermGuardSignalTests {
  /// signal(7), Linux x86-64: every signal whose default action is Term or Core and that can be
  /// caught, by number (SIGSTKFLT 16, SIGIO 29, SIGPWR 30 are not all exported to Swift), plus
  /// the real-time signals glibc leaves to programs (34...64).
  static let endingSignals: [Int32] =
    [SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE,
     SIGALRM, SIGTERM, 16, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, 29, 30, SIGSYS] + Array(34...64)

  /// What the guard must not treat as ending the process: uncatchable, stopping, continuing, or
  /// ignored by default.
  static let otherSignals: [Int32] = [SIGCHLD, SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH]

  @Test func everySignalThatEndsTheProcessIsCaught() {
    // A signal the parent set to be ignored cannot end the process, so the guard leaves it ignored.
    let ignoredBefore = Set(Self.endingSignals.filter { sig in
      var current = sigaction()
      guard sigaction(sig, nil, &current) == 0, let handler = current.__sigaction_handler.sa_handler else { return false }
      return unsafeBitCast(handler, to: Int.self) == 1  // SIG_IGN
    })
    tg_install_handlers()
    for sig in Self.endingSignals where !ignoredBefore.contains(sig) {
      #expect(tg_is_handled(sig) == 1, "signal \(sig) is not caught")
    }
    for sig in Self.otherSignals {
      #expect(tg_is_handled(sig) == 0, "signal \(sig) must not end the process")
    }
  }

  @Test func continuingIsNotedOnce() {
    tg_install_handlers()
    _ = tg_take_continued()
    // The guard unblocks SIGCONT on the thread that installs it; this test may run on another.
    var continueSignal = sigset_t()
    sigemptyset(&continueSignal)
    sigaddset(&continueSignal, SIGCONT)
    pthread_sigmask(SIG_UNBLOCK, &continueSignal, nil)
    raise(SIGCONT)
    #expect(tg_take_continued() == 1, "SIGCONT after Ctrl-Z and fg is noted, so drags can be asked for again")
    #expect(tg_take_continued() == 0)
  }
}
