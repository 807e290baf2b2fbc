import Foundation

/// Runs the `descent` binary that `swift test` built next to the test bundle.
struct DescentBinary {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
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

  static func runProgram(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    if let environment { process.environment = environment }
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}
