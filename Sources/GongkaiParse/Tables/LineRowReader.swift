import GongkaiModel

/// A row of numbers read from line-by-line text, with the row its label names (nil when the
/// numbers stand without a recognisable label).
struct NumberRow<Row: Hashable & Sendable>: Sendable {
    var row: Row?
    var numbers: [Double]
    var line: Int
}

/// Reads number rows from lines: a label and its numbers on one line (tabs, pipes, spaces),
/// a label followed by one cell per line, or numbers alone on a line.
struct LineRowReader<Row: Hashable & Sendable> {
    let table: String
    let matcher: LabelMatcher<Row>
    let allowed: Set<Row>
    let columnCount: (Row) -> Int
    let rowLabel: (Row) -> String
    /// Numbers alone on a line count as a row only with at least this many (a lone `1` is noise).
    let minUnlabelledNumbers: Int

    func read(_ lines: [DocumentLine]) -> (rows: [NumberRow<Row>], diagnostics: [Diagnostic]) {
        var rows: [NumberRow<Row>] = []
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let cells = LineCells(line.text)
            index += 1
            if cells.isBlank { continue }
            if !cells.numbers.isEmpty {
                if let match = matcher.match(cells.label, allowed: allowed) {
                    if case .approximate(let row) = match {
                        diagnostics.append(TableDiagnostics.approximateLabel(table, rowLabel(row), printed: cells.label, line: line.number))
                    }
                    rows.append(NumberRow(row: match.row, numbers: cells.numbers, line: line.number))
                } else if cells.numbers.count >= minUnlabelledNumbers {
                    if !cells.label.isEmpty {
                        diagnostics.append(TableDiagnostics.unknownLabel(table, printed: cells.label, line: line.number))
                    }
                    rows.append(NumberRow(row: nil, numbers: cells.numbers, line: line.number))
                }
            } else if cells.label.count <= matcher.maxLabelLength, let row = matcher.exactMatch(cells.label, allowed: allowed) {
                let (numbers, next) = cellsPerLine(lines, from: index, limit: columnCount(row))
                if !numbers.isEmpty {
                    rows.append(NumberRow(row: row, numbers: numbers, line: line.number))
                    index = next
                }
            }
        }
        return (rows, diagnostics)
    }

    /// The numbers standing one per line after a label (blank and lone `|` lines between).
    private func cellsPerLine(_ lines: [DocumentLine], from start: Int, limit: Int) -> (numbers: [Double], next: Int) {
        var numbers: [Double] = []
        var index = start
        var consumed = start
        while index < lines.count, numbers.count < limit {
            let cells = LineCells(lines[index].text)
            index += 1
            if cells.isBlank { continue }
            guard cells.label.isEmpty, cells.numbers.count == 1 else { break }
            numbers.append(cells.numbers[0])
            consumed = index
        }
        return (numbers, consumed)
    }
}
