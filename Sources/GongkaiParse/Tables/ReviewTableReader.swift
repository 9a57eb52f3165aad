import GongkaiModel

/// 表四: fifteen numbers in three groups of five (维持, 纠正, 其他, 尚未审结, 总计). They stand
/// on the lines that hold nothing but numbers, or run together after the header's last 总计.
enum ReviewTableReader {
    static let table = "表四"
    static let columns: [(group: ReviewGroup, column: ReviewColumn)] =
        ReviewGroup.allCases.flatMap { group in ReviewColumn.allCases.map { (group, $0) } }

    static func parse(_ lines: [DocumentLine]) -> (table: ReviewTable?, diagnostics: [Diagnostic]) {
        let tableLines = TableLines(lines)
        let start = TableRegion.firstLine(tableLines, markers: TableLabelCatalog.reviewStart)
        if let (cells, line) = numberLines(TableRegion.from(tableLines, markers: TableLabelCatalog.reviewStart).lines) {
            return fill(cells, line: line, start: start ?? line)
        }
        for line in lines {
            if let result = readStream(line) { return result }
        }
        // the header printed, every cell blank: the table is there, its cells unknown
        guard let start, BlankTable.isPrintedReviews(tableLines) else { return (nil, []) }
        return (ReviewTable(line: start), [BlankTable.diagnostic(table, line: start)])
    }

    /// The cells of the first run of lines holding only cells (blank lines may separate them).
    static func numberLines(_ lines: [DocumentLine]) -> (cells: [Cell], line: Int)? {
        var found: [Cell] = []
        var first: Int?
        for line in lines {
            let cells = LineCells(line.text)
            if cells.isBlank { continue }
            if cells.label.isEmpty, cells.numberCount > 0 || first != nil {
                found += cells.cells
                first = first ?? line.number
                if found.count >= columns.count { break }
            } else if first != nil {
                break
            }
        }
        guard let first else { return nil }
        return (found, first)
    }

    static func fill(_ cells: [Cell], line: Int, start: Int) -> (table: ReviewTable?, diagnostics: [Diagnostic]) {
        var table = ReviewTable(line: start)
        for group in ReviewGroup.allCases { table.groups[group] = TableRow(line: line) }
        if cells.count > columns.count {
            return (table, [TableDiagnostics.longRow(Self.table, TableLabelCatalog.reviewRow, found: cells.count, expected: columns.count, line: line)])
        }
        for ((group, column), cell) in zip(columns, cells) { table[group, column] = cell }
        guard cells.count < columns.count else { return (table, []) }
        return (table, [TableDiagnostics.shortRow(Self.table, TableLabelCatalog.reviewRow, found: cells.count, expected: columns.count, line: line)])
    }

    /// 表四 on a run-together line: the digits after the header's last 总计, split where the
    /// three groups' totals leave one possibility.
    static func readStream(_ line: DocumentLine) -> (table: ReviewTable?, diagnostics: [Diagnostic])? {
        let stream = StreamText(line.text)
        let whole = 0..<stream.chars.count
        guard let header = stream.findAny(TableLabelCatalog.reviewStart, in: whole),
              let total = stream.findLast(TableLabelCatalog.reviewHeaderEnd, in: header.upperBound..<whole.upperBound),
              let run = stream.digitRun(after: total.upperBound, before: min(total.upperBound + 60, whole.upperBound)),
              stream.isASCIIDigit(stream.chars[total.upperBound])
        else { return nil }
        var table = ReviewTable(line: line.number)
        for group in ReviewGroup.allCases { table.groups[group] = TableRow(line: line.number) }
        let result = DigitSplitter.split(run, into: columns.count, maxCellLength: DigitSplitter.maxCountLength, accept: groupsAddUp)
        guard case .splits(let splits) = result, splits.count == 1 else {
            let count = if case .splits(let splits) = result { splits.count } else { DigitSplitter.maxCandidates }
            return (table, [TableDiagnostics.unsplittable(Self.table, TableLabelCatalog.reviewRow, blob: run, candidates: count, line: line.number)])
        }
        for ((group, column), value) in zip(columns, splits[0]) { table[group, column] = .number(value) }
        return (table, [])
    }

    /// Each group's 总计 equals its 维持 + 纠正 + 其他 + 尚未审结.
    static func groupsAddUp(_ cells: [Double]) -> Bool {
        let size = ReviewColumn.allCases.count
        guard cells.count == columns.count else { return false }
        return stride(from: 0, to: cells.count, by: size).allSatisfy { start in
            abs(cells[start..<(start + size - 1)].reduce(0, +) - cells[start + size - 1]) < 1e-6
        }
    }
}
