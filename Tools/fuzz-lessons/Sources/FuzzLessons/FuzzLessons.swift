import LessonKit

/// libFuzzer's entry point: one input is one lesson file's bytes.
///
/// The bytes go through the same path as a file in a lesson folder (strict UTF-8 decoding, then
/// the parser, then the catalog's cross-lesson checks), so a crash, a hang or a leak here is one a
/// hostile `--lessons` folder could cause. Every problem found must also be one printable line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
  let catalog = LessonCatalog(sources: [(fileName: "fuzz.md", text: text), (fileName: "other.md", text: text)])
  for problem in catalog.problems {
    let line = problem.description
    if line.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
      fatalError("a problem line holds a control character: \(line.unicodeScalars.map(\.value))")
    }
  }
  for lesson in catalog.lessons where lesson.pages.isEmpty {
    fatalError("the catalog kept a lesson without pages: \(lesson.id)")
  }
  return 0
}
