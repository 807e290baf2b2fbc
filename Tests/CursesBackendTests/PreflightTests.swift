import Testing

@testable import CursesBackend

@Suite struct PreflightTests {
  @Test func aRealTerminalPasses() throws {
    try CursesBackend.preflight(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-256color")
  }

  @Test func refusals() {
    #expect(throws: CursesStartupError.notATerminal) {
      try CursesBackend.preflight(stdinIsTerminal: false, stdoutIsTerminal: true, term: "xterm")
    }
    #expect(throws: CursesStartupError.notATerminal) {
      try CursesBackend.preflight(stdinIsTerminal: true, stdoutIsTerminal: false, term: "xterm")
    }
    #expect(throws: CursesStartupError.termUnset) {
      try CursesBackend.preflight(stdinIsTerminal: true, stdoutIsTerminal: true, term: nil)
    }
    #expect(throws: CursesStartupError.termUnset) {
      try CursesBackend.preflight(stdinIsTerminal: true, stdoutIsTerminal: true, term: "")
    }
    #expect(throws: CursesStartupError.dumbTerminal) {
      try CursesBackend.preflight(stdinIsTerminal: true, stdoutIsTerminal: true, term: "dumb")
    }
  }

  @Test func messagesAreOneLineAndPointToHeadlessTraining() {
    let errors: [CursesStartupError] = [.notATerminal, .termUnset, .dumbTerminal, .unknownTerminal("bogus")]
    for error in errors {
      #expect(error.description.hasPrefix("descent: "))
      #expect(error.description.contains("descent train"))
      #expect(!error.description.contains("\n"))
    }
    #expect(CursesStartupError.unknownTerminal("bogus").description.contains("'bogus'"))
  }

  @Test func theTestRunnerHasNoTerminal() {
    // `swift test` in CI runs without a tty; the real preflight must refuse rather than crash.
    if isatty(0) == 0 || isatty(1) == 0 {
      #expect(throws: CursesStartupError.notATerminal) { try CursesBackend.preflight() }
    }
  }
}

#if canImport(Glibc)
  import Glibc
#endif
