import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension ProgressStore {
  /// Why `readRegularFile` read nothing.
  enum ReadFailure: Error, Equatable {
    case tooLarge
    /// Replaced by something else between `lstat` and `open`.
    case notRegular(FileKind)
    /// The errno of the failed call.
    case unreadable(Int32)
  }

  /// Reads at most `limit` bytes of the regular file at `path` without ever blocking.
  ///
  /// `O_NONBLOCK` makes `open` return at once even if the path became a FIFO after it was
  /// examined, and `fstat` on the open descriptor checks what was really opened.
  static func readRegularFile(_ path: String, limit: Int) -> Result<Data, ReadFailure> {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.unreadable(errno)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(errno)) }
    guard FileKind(info) == .regular else { return .failure(.notRegular(FileKind(info))) }
    guard Int(info.st_size) <= limit else { return .failure(.tooLarge) }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while data.count <= limit {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(errno))
      }
      if count == 0 { break }
      data.append(contentsOf: chunk[..<count])
    }
    return data.count > limit ? .failure(.tooLarge) : .success(data)
  }
}
