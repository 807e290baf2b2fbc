import Foundation
import NeuralEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `w` saves: the model (the JSON of `descent train --save`, for `descent predict` and
/// `descent export`) and the history (the CSV of `--history`), under names that never replace
/// an existing file.
public struct SavedRun: Equatable, Sendable {
  /// The dataset's name, the start of the file names.
  public var name: String
  public var model: SavedModel
  /// The history file's text.
  public var history: String

  public init(name: String, model: SavedModel, history: String) {
    self.name = name
    self.model = model
    self.history = history
  }

  /// Most numbered names tried before giving up.
  static let attempts = 1000

  /// Writes `descent-<name>-<n>.json` and `.csv` into `directory` with the first `n` for which
  /// neither file exists (each is created only if absent, so a file appearing meanwhile is not
  /// replaced either), and says where, or why it could not: a message for the playground.
  public func write(in directory: String) -> Message {
    let stem = "descent-" + Self.fileSafe(name)
    for number in 1...Self.attempts {
      let base = URL(fileURLWithPath: directory).appendingPathComponent("\(stem)-\(number)").path
      let modelPath = base + ".json", historyPath = base + ".csv"
      switch Self.reserve(modelPath) {
      case .taken: continue
      case .failed(let reason): return .warning("cannot save in \(directory): \(reason)")
      case .reserved: break
      }
      switch Self.reserve(historyPath) {
      case .taken:
        unlink(modelPath)
        continue
      case .failed(let reason):
        unlink(modelPath)
        return .warning("cannot save in \(directory): \(reason)")
      case .reserved: break
      }
      do {
        try model.write(to: modelPath)
        try Data(history.utf8).write(to: URL(fileURLWithPath: historyPath))
      } catch {
        unlink(modelPath)
        unlink(historyPath)
        return .warning("cannot save \(base).json and .csv: \(Self.reason(error))")
      }
      let shown = directory == FileManager.default.currentDirectoryPath ? "\(stem)-\(number)" : base
      return .notice("saved the model to \(shown).json (descent predict reads it) and the history to \(shown).csv")
    }
    return .warning("cannot save: \(stem)-1 … \(stem)-\(Self.attempts) (.json or .csv) all exist in \(directory)")
  }

  private enum Reservation { case reserved, taken, failed(String) }

  /// Creates `path` empty if no file has that name.
  private static func reserve(_ path: String) -> Reservation {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if descriptor >= 0 {
      close(descriptor)
      return .reserved
    }
    let code = errno
    if code == EEXIST { return .taken }
    return .failed(String(cString: strerror(code)))
  }

  /// Letters, digits, `-` and `_` of `name` (a CSV file's name may hold anything); `run` if none.
  static func fileSafe(_ name: String) -> String {
    let kept = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }.prefix(40).map(Character.init))
    return kept.isEmpty ? "run" : kept
  }

  private static func reason(_ error: Error) -> String {
    if let error = error as? SavedModel.FileError { return error.problem }
    return error.localizedDescription
  }
}
