import Foundation
import Testing

@testable import LessonKit

/// Progress files that are not plain files, and disks that are full.
@Suite struct ProgressStoreHostileFileTests {
  /// Runs `load` on another thread and gives up after `seconds`: a store that opened a FIFO for
  /// reading would wait for a writer forever.
  private func loadWithin(_ seconds: Double, _ store: ProgressStore, unblocking path: String) -> (LessonKit.Progress, String?)? {
    final class Box: @unchecked Sendable { var result: (LessonKit.Progress, String?)? }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      var copy = store
      box.result = copy.load()
      done.signal()
    }
    thread.start()
    if done.wait(timeout: .now() + seconds) == .timedOut {
      // Unblock the stuck open with a writer, so the test process can finish.
      let writer = open(path, O_WRONLY | O_NONBLOCK)
      if writer >= 0 { close(writer) }
      _ = done.wait(timeout: .now() + 5)
      return nil
    }
    return box.result
  }

  @Test func fifoDoesNotBlockAndIsLeftAlone() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("progress.json")
    #expect(mkfifo(file.path, 0o600) == 0)
    var store = ProgressStore(fileURL: file)
    let loaded = try #require(loadWithin(3, store, unblocking: file.path), "load blocked on a FIFO")
    #expect(loaded.0 == Progress())
    let warning = try #require(loaded.1)
    #expect(warning.contains("is a FIFO (named pipe), not a regular file"), "\(warning)")
    #expect(warning.contains("progress will not be saved this session"))
    _ = store.load()
    #expect(store.isSavingBlocked)
    let saved = store.save(Progress())
    #expect(saved == nil)
    var info = stat()
    #expect(lstat(file.path, &info) == 0 && FileKind(info) == .fifo, "the FIFO is never replaced")
  }

  @Test func directoryAtThePathIsRefused() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("progress.json")
    try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
    var store = ProgressStore(fileURL: file)
    let loaded = store.load()
    let warning = try #require(loaded.warning)
    #expect(warning.contains("is a directory, not a regular file"))
    #expect(store.isSavingBlocked)
  }

  @Test func symlinkToARegularFileIsRead() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let real = directory.appendingPathComponent("real.json")
    var writer = ProgressStore(fileURL: real)
    var progress = Progress()
    progress.visit(lessonID: "neuron", page: 1)
    #expect(writer.save(progress) == nil)
    let link = directory.appendingPathComponent("progress.json")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    var store = ProgressStore(fileURL: link)
    let loaded = store.load()
    #expect(loaded.warning == nil)
    #expect(loaded.progress == progress)
  }

  @Test(arguments: [(ENOSPC, "no space left on device"), (EROFS, "the file system is read-only"), (EDQUOT, "disk quota exceeded")])
  func failuresSayWhatHappened(code: Int32, text: String) {
    #expect(ProgressStore.describe(code) == text)
  }

  /// A real full disk: a 16 KB tmpfs filled to the last byte (needs root, as on CI).
  @Test(.enabled(if: getuid() == 0)) func fullDiskIsReportedAsSuch() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    guard mount("tmpfs", directory.path, "tmpfs", 0, "size=16k") == 0 else {
      Issue.record("cannot mount a tmpfs here: \(String(cString: strerror(errno)))")
      return
    }
    defer { umount(directory.path) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("descent"), withIntermediateDirectories: true)
    let filler = open(directory.appendingPathComponent("filler").path, O_WRONLY | O_CREAT, 0o600)
    let block = [UInt8](repeating: 0x61, count: 1024)
    while block.withUnsafeBytes({ write(filler, $0.baseAddress, $0.count) }) > 0 {}
    close(filler)
    var store = ProgressStore(fileURL: directory.appendingPathComponent("descent/progress.json"))
    var progress = Progress()
    for page in 0..<50 { progress.complete(lessonID: "lesson-\(page)", page: page) }
    let saved = store.save(progress)
    let warning = try #require(saved)
    #expect(warning.hasSuffix(": no space left on device"), "\(warning)")
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("descent").path)
    #expect(left.isEmpty, "the temporary file is removed: \(left)")
  }
}
