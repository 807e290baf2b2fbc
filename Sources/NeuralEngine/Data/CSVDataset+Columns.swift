extension CSVDataset {
  /// The values of the columns named `columns`, in that order, for every row of the CSV file at
  /// `path` (other columns are ignored): the inputs `descent predict` feeds a saved model.
  public static func readColumns(path: String, columns: [String]) throws -> Samples {
    let text = try readText(path: path)
    return try parseColumns(text: text, fileName: path, columns: columns)
  }

  /// `readColumns` on text already read; errors name `fileName`, the line and the column.
  public static func parseColumns(text: String, fileName: String, columns: [String]) throws -> Samples {
    func failure(_ line: Int?, _ column: String? = nil, _ problem: String) -> CSVError {
      CSVError(fileName: fileName, line: line, column: column, problem: problem)
    }
    var text = text
    return try text.withUTF8 { bytes in
      var reader = CSVRecordReader(bytes: bytes)
      var header: CSVRecord?
      while let record = reader.next() {
        if !record.isBlank {
          header = record
          break
        }
      }
      guard let header else { throw failure(1, nil, "the file is empty") }
      let names = try columnNames(header, failure: failure)
      var positions: [Int] = []
      for column in columns {
        guard let position = names.firstIndex(of: sanitisedName(column)) else {
          throw failure(header.line, nil, "no column named '\(sanitisedName(column))' (columns: \(columnList(names)))")
        }
        positions.append(position)
      }
      var samples = Samples(width: Swift.max(1, columns.count))
      while let record = reader.next() {
        if record.isBlank { continue }
        guard record.fields.count == names.count else {
          throw failure(record.line, nil, "expected \(names.count) fields, found \(record.fields.count)")
        }
        var row: [Double] = []
        row.reserveCapacity(positions.count)
        for position in positions {
          row.append(try number(record.fields[position], line: record.line, column: names[position], failure: failure))
        }
        samples.append(row)
      }
      if let line = reader.unterminatedQuoteLine { throw failure(line, nil, "a quoted field is never closed") }
      guard samples.count > 0 else { throw failure(header.line, nil, "no data rows after the header") }
      return samples
    }
  }
}
