import Foundation
import SafeText

/// All lessons of a directory (or of embedded texts), in menu order, with every problem found.
public struct LessonCatalog: Equatable, Sendable {
  /// Largest lesson file read, in bytes; larger files are reported, not read.
  public static let maximumFileBytes = 512 * 1024
  /// Most lesson files read from one directory.
  public static let maximumFileCount = 500

  /// Lessons whose front matter was usable, sorted by `order`, then `id`.
  public var lessons: [Lesson]
  /// Problems in single files and across lessons (duplicate ids, unknown `requires`), sorted
  /// by file and line.
  public var problems: [LessonProblem]

  /// Parses lesson texts (e.g. embedded in the program): `(fileName, text)` pairs.
  public init(sources: [(fileName: String, text: String)]) {
    self.init(sources: sources, readProblems: [])
  }

  /// The lesson with `id`, if loaded.
  public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }

  /// Reads every `*.md` file in `directory` except `README.md` (the authoring guide).
  ///
  /// Hostile files are reported, never fatal: unreadable, too large, binary (NUL bytes),
  /// not UTF-8, or not a regular file.
  public static func load(directory: URL) -> LessonCatalog {
    var readProblems: [LessonProblem] = []
    var sources: [(fileName: String, text: String)] = []
    let directoryName = TextSanitizer.sanitize(directory.path)
    let fileManager = FileManager.default
    let names: [String]
    do {
      names = try fileManager.contentsOfDirectory(atPath: directory.path)
    } catch {
      return LessonCatalog(
        sources: [],
        readProblems: [LessonProblem(file: directoryName, line: 0, message: "cannot read lesson directory")])
    }
    var lessonNames = names.filter { $0.lowercased().hasSuffix(".md") && $0 != "README.md" }.sorted()
    if lessonNames.count > maximumFileCount {
      readProblems.append(
        LessonProblem(
          file: directoryName, line: 0,
          message: "more than \(maximumFileCount) lesson files; only the first \(maximumFileCount) are read"))
      lessonNames = Array(lessonNames.prefix(maximumFileCount))
    }
    for name in lessonNames {
      switch readLessonFile(directory.appendingPathComponent(name)) {
      case .success(let text): sources.append((fileName: name, text: text))
      case .failure(let problem):
        readProblems.append(LessonProblem(file: name, line: problem.line, message: problem.message))
      }
    }
    if lessonNames.isEmpty {
      readProblems.append(LessonProblem(file: directoryName, line: 0, message: "no lesson files (*.md) found"))
    }
    return LessonCatalog(sources: sources, readProblems: readProblems)
  }

  // MARK: - Private

  private init(sources: [(fileName: String, text: String)], readProblems: [LessonProblem]) {
    var problems = readProblems
    var lessons: [Lesson] = []
    for source in sources {
      let result = Lesson.parse(text: source.text, fileName: source.fileName)
      problems.append(contentsOf: result.problems)
      // A lesson without pages is reported by the parser and left out: there is nothing to open.
      if let lesson = result.lesson, !lesson.pages.isEmpty { lessons.append(lesson) }
    }
    var firstByID: [String: Lesson] = [:]
    var unique: [Lesson] = []
    for lesson in lessons {
      if let first = firstByID[lesson.id] {
        problems.append(
          LessonProblem(
            file: lesson.fileName, line: lesson.idLine,
            message: "duplicate lesson id `\(lesson.id)` (also in \(first.fileName):\(first.idLine))"))
      } else {
        firstByID[lesson.id] = lesson
        unique.append(lesson)
      }
    }
    for lesson in unique {
      for (required, line) in zip(lesson.requires, lesson.requiresLines) {
        if required == lesson.id {
          problems.append(LessonProblem(file: lesson.fileName, line: line, message: "lesson requires itself"))
        } else if firstByID[required] == nil {
          problems.append(
            LessonProblem(file: lesson.fileName, line: line, message: "`requires` names unknown lesson `\(required)`"))
        }
      }
    }
    self.lessons = unique.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    self.problems = problems.enumerated().sorted { left, right in
      (left.element.file, left.element.line, left.offset) < (right.element.file, right.element.line, right.offset)
    }.map(\.element)
  }

  /// Reads one file defensively; the failure's `file` is ignored (the caller knows it).
  private static func readLessonFile(_ url: URL) -> Result<String, LessonProblem> {
    func failure(_ message: String, line: Int = 0) -> Result<String, LessonProblem> {
      .failure(LessonProblem(file: "", line: line, message: message))
    }
    let resolved = url.resolvingSymlinksInPath()
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path) else {
      return failure("cannot read file")
    }
    guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
      return failure("not a regular file")
    }
    if let size = attributes[.size] as? NSNumber, size.intValue > maximumFileBytes {
      return failure("file is larger than \(maximumFileBytes / 1024) KB")
    }
    guard let handle = try? FileHandle(forReadingFrom: resolved) else {
      return failure("cannot read file")
    }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: maximumFileBytes + 1) ?? Data() else {
      return failure("cannot read file")
    }
    if data.count > maximumFileBytes {
      return failure("file is larger than \(maximumFileBytes / 1024) KB")
    }
    return decode(data).mapError { $0 }
  }

  /// Decodes strict UTF-8; binary (NUL bytes) and invalid bytes are problems with their line.
  static func decode(_ data: Data) -> Result<String, LessonProblem> {
    let bytes = [UInt8](data)
    if let nul = bytes.firstIndex(of: 0) {
      return .failure(
        LessonProblem(
          file: "", line: lineNumber(at: nul, in: bytes),
          message: "file holds NUL bytes: it looks binary, not a Markdown lesson"))
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      return .success(text)
    }
    var offset = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    decodeLoop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: break decodeLoop
      case .error: break decodeLoop
      }
    }
    return .failure(
      LessonProblem(file: "", line: lineNumber(at: offset, in: bytes), message: "file is not valid UTF-8"))
  }

  private static func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<min(offset, bytes.count)].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
  }
}

/// Loads every lesson in `directory` (see `LessonCatalog.load(directory:)`).
public func loadLessons(in directory: URL) -> LessonCatalog {
  LessonCatalog.load(directory: directory)
}

/// Every problem in the lessons of `directory`, as `descent check DIR` prints them.
public func validateLessons(in directory: URL) -> [LessonProblem] {
  LessonCatalog.load(directory: directory).problems
}
