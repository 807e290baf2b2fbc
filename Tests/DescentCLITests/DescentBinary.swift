import Foundation

/// Runs the `descent` binary that `swift test` built next to the test bundle.
struct DescentBinary {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
    /// The bytes written, exactly (for checks that no control byte got through).
    var outputBytes = Data()
    var errorBytes = Data()
  }

  static var path: String {
    URL(fileURLWithPath: Bundle.main.bundlePath).appendingPathComponent("descent").path
  }

  /// The package root, so tests can name shipped files like `assets/data/houses.csv`.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
    try runProgram(path, arguments, environment: environment)
  }

  /// Runs `program` to completion. Output goes through temporary files, not pipes, so a
  /// process that outlives it (such as a tmux server it started) cannot hold the test open.
  static func runProgram(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outputURL = directory.appendingPathComponent("stdout"), errorURL = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL), error = try FileHandle(forWritingTo: errorURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    if let environment { process.environment = environment }
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try runWithDefaultSignalMask(process)
    process.waitUntilExit()
    try output.close()
    try error.close()
    let outputBytes = (try? Data(contentsOf: outputURL)) ?? Data()
    let errorBytes = (try? Data(contentsOf: errorURL)) ?? Data()
    return Result(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputBytes, as: UTF8.self),
      standardError: String(decoding: errorBytes, as: UTF8.self),
      outputBytes: outputBytes, errorBytes: errorBytes)
  }


  /// Starts `process` with no signals blocked. Test-runner threads block SIGHUP, SIGINT and
  /// SIGTERM, a child inherits that mask, and a tmux server started under it can then never
  /// stop its panes.
  private static func runWithDefaultSignalMask(_ process: Process) throws {
    var everything = sigset_t()
    var previous = sigset_t()
    sigfillset(&everything)
    pthread_sigmask(SIG_UNBLOCK, &everything, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    try process.run()
  }
}
