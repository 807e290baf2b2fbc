/// How `descent train` prints its report.
public enum ReportFormat: String, CaseIterable, Sendable {
  case table
  case csv
  case json
}
