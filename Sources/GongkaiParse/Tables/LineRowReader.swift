import GongkaiModel

/// A row of cells read from line-by-line text, with the row its label names (nil when the
/// numbers stand without a recognisable label).
struct NumberRow<Row: Hashable & Sendable>: Sendable {
    var row: Row?
    var cells: [Cell]
    var line: Int
    /// For digits glued to the label that split in several ways: the splits, for the table to
    /// settle with its balances (the cells stay unknown otherwise).
    var candidates: [[Double]] = []
    /// The glued digits, for the diagnostic when they stay unsplit.
    var run: String?
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
    /// Splits digits glued to a row's label into its cells, keeping the splits its arithmetic allows.
    let splitGlued: (Row, String) -> DigitSplitter.Result

    func read(_ lines: [DocumentLine]) -> (rows: [NumberRow<Row>], diagnostics: [Diagnostic]) {
        let matcher = matcher.restricted(to: allowed)
        var rows: [NumberRow<Row>] = []
        var diagnostics: [Diagnostic] = []
        // Each line read as cells once: the cells-per-line look-ahead reads the line it stops at,
        // which the loop then reads again.
        var cellsOf = LineCellsCache(lines)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let cells = cellsOf[index]
            index += 1
            if cells.isBlank { continue }
            if cells.isGlued, let match = matcher.match(Self.withoutTrailingRun(cells.label)) {
                let (row, notes) = gluedRow(match, label: cells.label, line: line)
                rows.append(row)
                diagnostics += notes
            } else if !cells.cells.isEmpty {
                if let match = matcher.match(cells.label) {
                    if case .approximate(let row) = match {
                        diagnostics.append(TableDiagnostics.approximateLabel(table, rowLabel(row), printed: cells.label, line: line.number))
                    }
                    rows.append(NumberRow(row: match.row, cells: cells.cells, line: line.number))
                } else if cells.numberCount >= minUnlabelledNumbers {
                    if !cells.label.isEmpty {
                        diagnostics.append(TableDiagnostics.unknownLabel(table, printed: cells.label, line: line.number))
                    }
                    rows.append(NumberRow(row: nil, cells: cells.cells, line: line.number))
                }
            } else if !ChineseText.isLonger(cells.label, than: matcher.maxLabelLength), let row = matcher.exactMatch(cells.label) {
                let (found, next) = cellsPerLine(&cellsOf, from: index, limit: columnCount(row))
                if found.contains(where: { $0.number != nil }) {
                    rows.append(NumberRow(row: row, cells: found, line: line.number))
                    index = next
                }
            }
        }
        return (rows, diagnostics)
    }

    /// The label without the digits glued to its end.
    static func withoutTrailingRun(_ label: String) -> String {
        String(label.reversed().drop { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "-" }.reversed())
    }

    /// A row whose digits run into its label: split where exactly one split fits, else unknown.
    private func gluedRow(_ match: LabelMatcher<Row>.Match, label: String, line: DocumentLine) -> (NumberRow<Row>, [Diagnostic]) {
        let row = match.row
        var notes: [Diagnostic] = []
        if case .approximate = match {
            notes.append(TableDiagnostics.approximateLabel(table, rowLabel(row), printed: label, line: line.number))
        }
        let unknown = NumberRow(row: row, cells: Array(repeating: Cell.unknown, count: columnCount(row)), line: line.number)
        guard let run = StreamText(line.text).trailingRun() else { return (unknown, notes) }
        switch splitGlued(row, run) {
        case .splits(let splits) where splits.count == 1:
            return (NumberRow(row: row, cells: splits[0].map(Cell.number), line: line.number), notes)
        case .splits(let splits) where splits.count > 1:
            return (NumberRow(row: row, cells: unknown.cells, line: line.number, candidates: splits, run: run), notes)
        case .splits:
            notes.append(TableDiagnostics.unsplittable(table, rowLabel(row), blob: run, candidates: 0, line: line.number))
        case .tooMany:
            notes.append(TableDiagnostics.unsplittable(table, rowLabel(row), blob: run, candidates: DigitSplitter.maxCandidates, line: line.number))
        }
        return (unknown, notes)
    }

    /// The cells standing one per line after a label (blank and lone `|` lines between).
    private func cellsPerLine(_ cellsOf: inout LineCellsCache, from start: Int, limit: Int) -> (cells: [Cell], next: Int) {
        var found: [Cell] = []
        var index = start
        var consumed = start
        while index < cellsOf.count, found.count < limit {
            let cells = cellsOf[index]
            index += 1
            if cells.isBlank { continue }
            guard cells.label.isEmpty, cells.cells.count == 1 else { break }
            found += cells.cells
            consumed = index
        }
        return (found, consumed)
    }
}

/// Lines read as `LineCells` on first use, kept for a second look.
struct LineCellsCache {
    private let lines: [DocumentLine]
    private var read: [LineCells?]

    init(_ lines: [DocumentLine]) {
        self.lines = lines
        read = Array(repeating: nil, count: lines.count)
    }

    var count: Int { lines.count }

    subscript(index: Int) -> LineCells {
        mutating get {
            if let cells = read[index] { return cells }
            let cells = LineCells(lines[index].text)
            read[index] = cells
            return cells
        }
    }
}
