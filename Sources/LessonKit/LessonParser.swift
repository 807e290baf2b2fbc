import Foundation
import SafeText
import Yams

/// Turns one lesson file's text into a `Lesson` and the problems found in it.
///
/// Layout: YAML front matter between `---` lines at the very top, then pages separated by lines
/// holding only `+++` (outside code blocks). In a page, fenced blocks whose info word is `lab`,
/// `quiz` or `goal` hold YAML; everything else is Markdown.
struct LessonParser {
  /// The line that separates pages.
  static let pageSeparator = "+++"
  static let frontMatterKeys = ["id", "title", "order", "summary", "requires"]

  let fileName: String
  /// Sanitised lines; `lines[0]` is file line 1.
  let lines: [String]
  private var problems: [LessonProblem] = []

  init(text: String, fileName: String) {
    self.fileName = TextSanitizer.sanitize(fileName)
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    self.lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isLineFeed)
      .map { TextSanitizer.sanitize(String($0)) }
  }

  func parse() -> LessonParseResult {
    var parser = self
    let lesson = parser.parseLesson()
    let sorted = parser.problems.enumerated().sorted { left, right in
      (left.element.line, left.offset) < (right.element.line, right.offset)
    }.map(\.element)
    return LessonParseResult(lesson: lesson, problems: sorted)
  }

  // MARK: - Front matter

  private struct FrontMatter {
    var id: String?
    var idLine = 1
    var title: String?
    var order: Int?
    var summary: String?
    var requires: [String] = []
    var requiresLines: [Int] = []
  }

  private mutating func parseLesson() -> Lesson? {
    guard let first = lines.first, first.trimmingSpaces() == "---" else {
      report(1, "missing front matter: the file must start with a `---` line, then id, title, order, summary, then `---`")
      return nil
    }
    guard let closing = lines.indices.dropFirst().first(where: { index in
      let trimmed = lines[index].trimmingSpaces()
      return trimmed == "---" || trimmed == "..."
    }) else {
      report(1, "front matter is not closed: add a `---` line after its fields")
      return nil
    }
    let yaml = YAMLBlock(fileName: fileName, firstLine: 2)
    let frontMatter = parseFrontMatter(lines[1..<closing].joined(separator: "\n"), yaml: yaml)
    let pages = parsePages(from: closing + 1)
    if pages.isEmpty {
      report(closing + 2, "lesson has no pages: add Markdown text after the front matter")
    }
    guard let id = frontMatter.id, let title = frontMatter.title, let order = frontMatter.order,
      let summary = frontMatter.summary
    else { return nil }
    var lesson = Lesson(
      id: id, title: title, order: order, summary: summary, requires: frontMatter.requires,
      fileName: fileName, pages: pages)
    lesson.idLine = frontMatter.idLine
    lesson.requiresLines = frontMatter.requiresLines
    return lesson
  }

  private mutating func parseFrontMatter(_ text: String, yaml: YAMLBlock) -> FrontMatter {
    var frontMatter = FrontMatter()
    let problemCountBefore = problems.count
    guard let root = yaml.compose(text, problems: &problems) else {
      if problems.count == problemCountBefore {
        report(1, "front matter is empty: give id, title, order and summary")
      }
      return frontMatter
    }
    guard let entries = yaml.entries(of: root, blockName: "front matter", problems: &problems) else {
      return frontMatter
    }
    for entry in entries {
      switch entry.key {
      case "id":
        frontMatter.idLine = entry.line
        if let id = entry.value.plainString, Self.isValidID(id) {
          frontMatter.id = id
        } else {
          report(entry.line, "`id` must be lowercase letters, digits and dashes, e.g. `gradient-descent`")
        }
      case "title":
        frontMatter.title = nonEmptyText(entry, "`title` must be text")
      case "summary":
        frontMatter.summary = nonEmptyText(entry, "`summary` must be text")
      case "order":
        if let order = entry.value.integer {
          frontMatter.order = order
        } else {
          report(entry.line, "`order` must be a whole number")
        }
      case "requires":
        parseRequires(entry, yaml: yaml, into: &frontMatter)
      default:
        report(entry.line, "unknown key `\(entry.key)` in front matter (known: \(Self.frontMatterKeys.joined(separator: ", ")))")
      }
    }
    for key in ["id", "title", "order", "summary"] where !entries.contains(where: { $0.key == key }) {
      report(1, "front matter is missing `\(key)`")
    }
    return frontMatter
  }

  private mutating func parseRequires(_ entry: YAMLBlock.Entry, yaml: YAMLBlock, into frontMatter: inout FrontMatter) {
    let items: [Node]
    switch entry.value {
    case .sequence(let sequence): items = Array(sequence)
    case .scalar: items = entry.value.plainString?.isEmpty == true ? [] : [entry.value]
    default:
      report(entry.line, "`requires` must be a list of lesson ids")
      return
    }
    for item in items {
      if let id = item.plainString, Self.isValidID(id) {
        frontMatter.requires.append(id)
        frontMatter.requiresLines.append(yaml.line(of: item))
      } else {
        problems.append(yaml.problem(at: item, "`requires` must list lesson ids"))
      }
    }
  }

  private mutating func nonEmptyText(_ entry: YAMLBlock.Entry, _ message: String) -> String? {
    if let text = entry.value.plainString, !text.trimmingSpaces().isEmpty { return text }
    report(entry.line, message)
    return nil
  }

  static func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64,
      ("a"..."z").contains(first) || ("0"..."9").contains(first)
    else { return false }
    return id.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
  }

  // MARK: - Pages

  /// A fenced block found in a page: where it starts and how it closes.
  private struct FenceState {
    var character: Character
    var length: Int
  }

  private static func fenceOpening(_ line: String) -> (fence: FenceState, info: String)? {
    let indent = MarkdownParser.leadingSpaces(line)
    guard indent < 4 else { return nil }
    let content = line.dropFirst(indent)
    guard let first = content.first, first == "`" || first == "~" else { return nil }
    let length = content.prefix(while: { $0 == first }).count
    guard length >= 3 else { return nil }
    let info = content.dropFirst(length).trimmingSpaces()
    if first == "`", info.contains("`") { return nil }
    let word = info.split(separator: " ").first.map(String.init) ?? ""
    return (FenceState(character: first, length: length), word)
  }

  private mutating func parsePages(from start: Int) -> [LessonPage] {
    var ranges: [Range<Int>] = []
    var pageStart = start
    var fence: FenceState?
    for index in start..<lines.count {
      let line = lines[index]
      if let open = fence {
        if MarkdownParser.closesFence(line, character: open.character, length: open.length) {
          fence = nil
        }
      } else if let opening = Self.fenceOpening(line) {
        fence = opening.fence
      } else if line.trimmingSpaces() == Self.pageSeparator {
        ranges.append(pageStart..<index)
        pageStart = index + 1
      }
    }
    ranges.append(pageStart..<lines.count)
    var pages: [LessonPage] = []
    for range in ranges where lines[range].contains(where: { !$0.trimmingSpaces().isEmpty }) {
      pages.append(parsePage(range, index: pages.count))
    }
    return pages
  }

  private struct SpecialBlock {
    var kind: String
    var fenceLine: Int
    var text: String
  }

  private mutating func parsePage(_ range: Range<Int>, index pageIndex: Int) -> LessonPage {
    var markdown: [String] = []
    var specials: [SpecialBlock] = []
    var index = range.lowerBound
    while index < range.upperBound {
      let line = lines[index]
      guard let opening = Self.fenceOpening(line) else {
        markdown.append(line)
        index += 1
        continue
      }
      var end = index + 1
      while end < range.upperBound,
        !MarkdownParser.closesFence(lines[end], character: opening.fence.character, length: opening.fence.length)
      {
        end += 1
      }
      if ["lab", "quiz", "goal"].contains(opening.info) {
        if end >= range.upperBound {
          report(index + 1, "```\(opening.info) block is not closed")
        } else {
          specials.append(
            SpecialBlock(
              kind: opening.info, fenceLine: index + 1,
              text: lines[(index + 1)..<end].joined(separator: "\n")))
        }
      } else {
        markdown.append(contentsOf: lines[index..<min(end + 1, range.upperBound)])
      }
      index = end + 1
    }
    var page = LessonPage(
      index: pageIndex, line: range.lowerBound + 1, blocks: MarkdownParser.parse(lines: markdown))
    var labBlockPresent = false
    for special in specials where special.kind == "lab" {
      if labBlockPresent {
        report(special.fenceLine, "a page may hold only one lab; start a new page with `+++`")
        continue
      }
      labBlockPresent = true
      if let root = composeBlock(special) {
        let yaml = YAMLBlock(fileName: fileName, firstLine: special.fenceLine + 1)
        page.lab = LabSpec.parse(root, yaml: yaml, fenceLine: special.fenceLine, problems: &problems)
      }
    }
    for special in specials where special.kind != "lab" {
      guard let root = composeBlock(special) else { continue }
      let yaml = YAMLBlock(fileName: fileName, firstLine: special.fenceLine + 1)
      if special.kind == "quiz" {
        if let quiz = QuizSpec.parse(root, yaml: yaml, fenceLine: special.fenceLine, problems: &problems) {
          page.checkpoints.append(.quiz(quiz))
        }
      } else {
        if !labBlockPresent {
          report(special.fenceLine, "a goal needs a lab on the same page (add a ```lab block)")
        } else if page.lab?.race != nil {
          report(special.fenceLine, "a goal watches one run; this page's lab is a race (put the goal on a page of its own)")
        }
        if let goal = GoalSpec.parse(
          root, yaml: yaml, fenceLine: special.fenceLine, lab: page.lab, problems: &problems)
        {
          page.checkpoints.append(.goal(goal))
        }
      }
    }
    return page
  }

  private mutating func composeBlock(_ special: SpecialBlock) -> Node? {
    let yaml = YAMLBlock(fileName: fileName, firstLine: special.fenceLine + 1)
    let before = problems.count
    guard let root = yaml.compose(special.text, problems: &problems) else {
      if problems.count == before {
        report(special.fenceLine, "empty \(special.kind) block")
      }
      return nil
    }
    return root
  }

  private mutating func report(_ line: Int, _ message: String) {
    problems.append(LessonProblem(file: fileName, line: line, message: message))
  }
}

extension Character {
  /// A line feed, alone or after a carriage return (`"\r\n"` is one `Character`).
  var isLineFeed: Bool { self == "\n" || self == "\r\n" }
}
