import Foundation
import SafeText

#if canImport(Glibc)
  import Glibc
#endif

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
  ///
  /// Never blocks: the path is examined with `lstat` first and opened with `O_NONBLOCK`, and
  /// anything that is not a regular file (a FIFO, a directory, a device, a socket) is refused with
  /// a warning, left alone and never saved over, so no progress is lost.
  public mutating func load(now: Date = Date()) -> (progress: Progress, warning: String?) {
    let path = fileURL.path
    var info = stat()
    guard lstat(path, &info) == 0 else {
      // Missing (or under a path that is not a directory): a fresh start; saving will say why it fails.
      if errno == ENOENT || errno == ENOTDIR { return (Progress(), nil) }
      return refuse(because: "it cannot be examined (\(Self.describe(errno)))")
    }
    if FileKind(info) == .symbolicLink, stat(path, &info) != 0 {
      return (Progress(), setAside(because: "it is a symbolic link to nothing", now: now))
    }
    guard FileKind(info) == .regular else {
      return refuse(because: "it is \(FileKind(info).description), not a regular file")
    }
    let reason: String
    switch Self.readRegularFile(path, limit: Self.maximumFileBytes) {
    case .success(let data):
      do {
        return (try JSONDecoder().decode(Progress.self, from: data), nil)
      } catch {
        reason = "it is not valid progress JSON"
      }
    case .failure(.tooLarge):
      reason = "it is larger than \(Self.maximumFileBytes / 1024) KB"
    case .failure(.notRegular(let kind)):
      return refuse(because: "it is \(kind.description), not a regular file")
    case .failure(.unreadable(let code)):
      reason = "it cannot be read (\(Self.describe(code)))"
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

  /// Writes `progress` to a temporary file beside the real one, flushes it and renames it over
  /// the old file. A failure names its cause: a full disk says "no space left on device".
  private func write(_ progress: Progress) -> String? {
    let directory = fileURL.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(fileURL.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    let data: Data
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      data = try encoder.encode(progress)
    } catch {
      let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
      return saveFailure(code.map { Self.describe(Int32($0)) } ?? error.localizedDescription)
    }
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return saveFailure(Self.describe(errno)) }
    var failure = Self.writeAll(data, to: descriptor)
    if failure == nil, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == nil { failure = errno }
    if failure == nil, rename(temporary.path, fileURL.path) != 0 { failure = errno }
    guard let failure else { return nil }
    unlink(temporary.path)
    return saveFailure(Self.describe(failure))
  }

  private func saveFailure(_ reason: String) -> String {
    "could not save progress to \(display(fileURL)): \(reason)"
  }

  /// Writes every byte of `data`, retrying short writes; the errno of a failure, or nil.
  private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
    data.withUnsafeBytes { buffer -> Int32? in
      var offset = 0
      while offset < buffer.count {
        let written = writeBytes(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
  }

  /// What went wrong, in words a learner can act on.
  static func describe(_ code: Int32) -> String {
    switch code {
    case ENOSPC: return "no space left on device"
    case EDQUOT: return "disk quota exceeded"
    case EROFS: return "the file system is read-only"
    case EACCES, EPERM: return "permission denied (the directory is not writable)"
    default: return String(cString: strerror(code)).lowercased()
    }
  }

  /// Refuses a progress file that must not be read or replaced; saving stays off this session.
  private mutating func refuse(because reason: String) -> (progress: Progress, warning: String?) {
    isSavingBlocked = true
    return (
      Progress(),
      "progress file \(display(fileURL)) was left alone because \(reason); progress will not be saved this session"
    )
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

/// `write(2)`, reachable from inside `ProgressStore`, whose own `write` hides the C function.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
