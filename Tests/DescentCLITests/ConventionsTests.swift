import Foundation
import Testing

/// What a terminal user expects of a command: a version, completions, a current man page.
@Suite struct ConventionsTests {
  @Test func versionPrintsOneLineAndExitsZero() throws {
    let result = try DescentBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.standardOutput.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.standardOutput)")
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScripts(shell: String) throws {
    let result = try DescentBinary.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("descent"))
    #expect(result.standardOutput.contains("target"))
  }

  /// `docs/descent.1` (from `Tools/generate-manual.sh`) names every subcommand and option the
  /// parser knows, so it cannot silently fall behind.
  @Test func manPageNamesEveryCommandAndOption() throws {
    let manual = try String(
      contentsOf: DescentBinary.packageRoot.appendingPathComponent("docs/descent.1"), encoding: .utf8)
    for command in ["", "learn", "lessons", "play", "train", "check", "bench"] {
      let help = try DescentBinary.run((command.isEmpty ? [] : [command]) + ["--help"])
      #expect(help.status == 0)
      let options = Set(help.standardOutput.matches(of: /--([a-z][a-z-]*)/).map { String($0.1) })
      for option in options.subtracting(["help"]) {
        #expect(manual.contains("Fl -\(option)"), "docs/descent.1 lacks --\(option) (run Tools/generate-manual.sh)")
      }
      if !command.isEmpty { #expect(manual.contains(".It Em \(command)"), "docs/descent.1 lacks \(command)") }
    }
  }
}
