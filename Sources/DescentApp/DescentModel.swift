import LessonKit
import TerminalUI

/// The whole app: the lesson menu, a lesson being read, and its labs.
public struct DescentModel {
}
