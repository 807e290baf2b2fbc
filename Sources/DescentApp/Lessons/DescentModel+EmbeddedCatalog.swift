import LessonKit

extension DescentModel {
  /// The lessons shipped with Descent, compiled into the program (see `Lessons/embed.sh`).
  public static func embeddedCatalog() -> LessonCatalog {
    LessonCatalog(sources: EmbeddedLessons.sources)
  }
}
