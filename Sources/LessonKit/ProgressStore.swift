import Foundation
import SafeText

/// Reads and writes `progress.json` under `$XDG_STATE_HOME/descent/` (default
/// `~/.local/state/descent/`).
///
/// Never crashes and never silently loses data: a corrupt or unreadable file is set aside as
/// `progress.json.corrupt-<timestamp>` with a warning; saving writes a temporary file in the same
/// directory and renames it over the old one, so a crash mid-write leaves the old file whole; a
/// failed save returns a warning once and the app keeps working.
public struct ProgressStore: Sendable {
  /// Largest progress file read, in bytes.
  public static let maximumFileBytes = 1024 * 1024

  /// Where progress lives.
  public let fileURL: URL
  /// Set when the existing file could not be set aside: saving would overwrite it.
  public private(set) var isSavingBlocked = false
  private var lastSaveWarning: String?

  /// A store at an explicit location.
  public init(fileURL: URL) {
    self.fileURL = fileURL
  }

  /// The store for `environment` (`XDG_STATE_HOME`, else `HOME`); nil when neither is set.
  public init?(environment: [String: String]) {
    guard let url = Self.defaultFileURL(environment: environment) else { return nil }
    self.init(fileURL: url)
  }

  /// `$XDG_STATE_HOME/descent/progress.json`, or `$HOME/.local/state/descent/progress.json`.
  /// A relative `XDG_STATE_HOME` is ignored, as the XDG spec says.
  public static func defaultFileURL(environment: [String: String]) -> URL? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return URL(fileURLWithPath: state).appendingPathComponent("descent/progress.json")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home).appendingPathComponent(".local/state/descent/progress.json")
    }
    return nil
  }

  /// Loads progress. A missing file is a fresh start; a bad one is set aside with a warning.
  public mutating func load(now: Date = Date()) -> (progress: Progress, warning: String?) {
    let path = fileURL.path
    guard FileManager.default.fileExists(atPath: path) else { return (Progress(), nil) }
    let reason: String
    do {
      let handle = try FileHandle(forReadingFrom: fileURL)
      defer { try? handle.close() }
      let data = try handle.read(upToCount: Self.maximumFileBytes + 1) ?? Data()
      if data.count > Self.maximumFileBytes {
        reason = "it is larger than \(Self.maximumFileBytes / 1024) KB"
      } else {
        do {
          return (try JSONDecoder().decode(Progress.self, from: data), nil)
        } catch {
          reason = "it is not valid progress JSON"
        }
      }
    } catch {
      reason = "it cannot be read"
    }
    return (Progress(), setAside(because: reason, now: now))
  }

  /// Saves atomically; returns a warning when saving fails (each distinct warning once).
  public mutating func save(_ progress: Progress) -> String? {
    if isSavingBlocked { return nil }
    let warning = write(progress)
    defer { lastSaveWarning = warning }
    return warning == lastSaveWarning ? nil : warning
  }

  // MARK: - Private

  private func write(_ progress: Progress) -> String? {
    let directory = fileURL.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(fileURL.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      let data = try encoder.encode(progress)
      guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
        return "could not save progress to \(display(fileURL)): the directory is not writable"
      }
      guard rename(temporary.path, fileURL.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        return "could not save progress to \(display(fileURL)): \(reason)"
      }
      return nil
    } catch {
      return "could not save progress to \(display(fileURL)): \(error.localizedDescription)"
    }
  }

  private mutating func setAside(because reason: String, now: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    let baseName = "\(fileURL.lastPathComponent).corrupt-\(formatter.string(from: now))"
    var aside = fileURL.deletingLastPathComponent().appendingPathComponent(baseName)
    var attempt = 1
    while FileManager.default.fileExists(atPath: aside.path), attempt < 100 {
      attempt += 1
      aside = fileURL.deletingLastPathComponent().appendingPathComponent("\(baseName)-\(attempt)")
    }
    if !FileManager.default.fileExists(atPath: aside.path), rename(fileURL.path, aside.path) == 0 {
      return "progress file \(display(fileURL)) was set aside as \(aside.lastPathComponent) because \(reason); starting fresh"
    }
    isSavingBlocked = true
    return "progress file \(display(fileURL)) is unusable because \(reason) and could not be set aside; progress will not be saved this session"
  }

  private func display(_ url: URL) -> String { TextSanitizer.sanitize(url.path) }
}
