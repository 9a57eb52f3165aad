import GongkaiModel

/// 表三: finds the layout of （六）, then reads the rows line by line, or from one
/// run-together line when the whole table stands on it.
enum ApplicationTableReader {
    static let table = "表三"
    static let matcher = LabelMatcher(entries: TableLabelCatalog.applicationRows, maxLabelLength: 90)
    static let columns = ApplicantColumn.allCases

    static func parse(_ lines: [DocumentLine]) -> (table: ApplicationTable?, diagnostics: [Diagnostic]) {
        let tableLines = TableLines(lines)
        let layout = detectLayout(tableLines)
        let order = ApplicationRow.order(for: layout)
        var result: (rows: [ApplicationRow: TableRow<ApplicantColumn>], diagnostics: [Diagnostic])
        let start: Int?
        let allowed = Set(order)
        let named = TableLabelCatalog.applicationRows.filter { allowed.contains($0.row) }
        if let index = lines.indices.first(where: { isRunTogether(tableLines, at: $0, named: named) }) {
            let line = lines[index]
            result = ApplicationStreamReader.read(line, order: order, layout: layout)
            start = result.rows.isEmpty ? nil : line.number
        } else {
            let region = TableRegion.from(tableLines, markers: TableLabelCatalog.applicationStart)
            result = readLines(region.lines, order: order)
            start = TableRegion.firstLine(tableLines, markers: TableLabelCatalog.applicationStart) ?? result.rows.values.compactMap(\.line).min()
        }
        guard !result.rows.isEmpty else {
            guard BlankTable.isPrinted(tableLines, rows: named, headers: BlankTable.applicationHeaders) else { return (nil, result.diagnostics) }
            let line = TableRegion.firstLine(tableLines, markers: TableLabelCatalog.applicationStart) ?? lines.first?.number
            return (ApplicationTable(otherHandling: layout, rows: [:], line: line), result.diagnostics + [BlankTable.diagnostic(table, line: line)])
        }
        for row in order where result.rows[row] == nil {
            result.diagnostics.append(TableDiagnostics.missingRow(table, row.qualifiedLabel, line: start))
        }
        return (ApplicationTable(otherHandling: layout, rows: result.rows, line: start), result.diagnostics)
    }

    /// Three rows under （六） when its sub-items are printed anywhere, one row when only
    /// （六）其他处理 is; three (the current format) when the table is cut off before it.
    static func detectLayout(_ lines: TableLines) -> ApplicationTable.OtherHandlingLayout {
        let text = lines.joinedLabelBytes
        let named = { (row: ApplicationRow) in TableLabelCatalog.applicationRows.contains { $0.row == row && $0.isNamed(in: text) } }
        if TableLabelCatalog.otherHandlingSubItems.contains(where: named) { return .threeRows }
        return named(.otherHandling) ? .singleRow : .threeRows
    }

    /// A line holding the labels of three or more rows is a whole table run together.
    static func isRunTogether(_ lines: TableLines, at index: Int, order: [ApplicationRow]) -> Bool {
        let allowed = Set(order)
        return isRunTogether(lines, at: index, named: TableLabelCatalog.applicationRows.filter { allowed.contains($0.row) })
    }

    /// `isRunTogether` with the catalog entries of the layout's rows picked out once per table.
    static func isRunTogether(_ lines: TableLines, at index: Int, named entries: [RowKeys<ApplicationRow>]) -> Bool {
        // Three labels of 表三 and their digits take more than 100 bytes.
        guard lines.lines[index].text.utf8.count >= 100 else { return false }
        let text = lines.labelBytes[index]
        return entries.count { $0.isNamed(in: text) } >= 3
    }

    static func readLines(_ lines: [DocumentLine], order: [ApplicationRow]) -> (rows: [ApplicationRow: TableRow<ApplicantColumn>], diagnostics: [Diagnostic]) {
        let reader = LineRowReader(
            table: table, matcher: matcher, allowed: Set(order), columnCount: { _ in columns.count },
            rowLabel: { $0.qualifiedLabel }, minUnlabelledNumbers: 4,
            splitGlued: { _, run in
                DigitSplitter.split(run, into: columns.count, maxCellLength: DigitSplitter.maxCountLength, accept: ApplicationStreamReader.rowAddsUp)
            })
        let (numberRows, readNotes) = reader.read(lines)
        let (placed, placeNotes) = PositionalFill(table: table, order: order, rowLabel: { $0.qualifiedLabel }).assign(numberRows)
        var rows: [ApplicationRow: TableRow<ApplicantColumn>] = [:]
        var diagnostics = readNotes + placeNotes
        for (row, source) in placed {
            let (filled, notes) = RowFill.fill(source.cells, columns: columns, line: source.line, table: table, rowLabel: row.qualifiedLabel)
            rows[row] = filled
            diagnostics += notes
        }
        let layout: ApplicationTable.OtherHandlingLayout = order.contains(.otherHandling) ? .singleRow : .threeRows
        diagnostics += settleGluedRows(placed, layout: layout, into: &rows)
        return (rows, diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
    }

    /// Rows whose glued digits split several ways: the column balances choose, as on a
    /// run-together page; a row they cannot settle stays unknown, with a diagnostic.
    static func settleGluedRows(
        _ placed: [(row: ApplicationRow, source: NumberRow<ApplicationRow>)], layout: ApplicationTable.OtherHandlingLayout,
        into rows: inout [ApplicationRow: TableRow<ApplicantColumn>]
    ) -> [Diagnostic] {
        let ambiguous = Dictionary(placed.filter { !$0.source.candidates.isEmpty }.map { ($0.row, $0.source) }, uniquingKeysWith: { first, _ in first })
        guard !ambiguous.isEmpty else { return [] }
        var fixed: [ApplicationRow: [Double]] = [:]
        for (row, tableRow) in rows {
            let values = columns.compactMap { tableRow[$0].number }
            if values.count == columns.count { fixed[row] = values }
        }
        let resolved = ApplicationBalance.resolve(fixed: fixed, ambiguous: ambiguous.mapValues(\.candidates), layout: layout)
        var diagnostics: [Diagnostic] = []
        for (row, source) in ambiguous {
            if let values = resolved[row] {
                for (column, value) in zip(columns, values) { rows[row]?[column] = .number(value) }
            } else {
                diagnostics.append(TableDiagnostics.unsplittable(
                    table, row.qualifiedLabel, blob: source.run ?? "", candidates: source.candidates.count, line: source.line))
            }
        }
        return diagnostics
    }
}

/// 表三 from a run-together line: locate the row labels in order, split each row's digits
/// where the row total (= the six applicant columns) leaves one possibility, and settle the
/// rest with the column balances.
enum ApplicationStreamReader {
    static let table = ApplicationTableReader.table

    static func read(
        _ line: DocumentLine, order: [ApplicationRow], layout: ApplicationTable.OtherHandlingLayout
    ) -> (rows: [ApplicationRow: TableRow<ApplicantColumn>], diagnostics: [Diagnostic]) {
        let stream = StreamText(line.text)
        let whole = 0..<stream.chars.count
        // Without the table's header the labels found would be prose (本年新收…81件).
        guard let start = stream.findAny(TableLabelCatalog.applicationStart, in: whole)?.lowerBound else { return ([:], []) }
        let end = stream.findAny(TableLabelCatalog.applicationEnd, in: start..<whole.upperBound)?.lowerBound ?? whole.upperBound
        let keyed = order.map { row in (row: row, keys: TableLabelCatalog.applicationRows.first { $0.row == row }?.keys ?? []) }
        let located = stream.locate(keyed, in: start..<end)
        var fixed: [ApplicationRow: [Double]] = [:]
        var ambiguous: [ApplicationRow: [[Double]]] = [:]
        var runs: [ApplicationRow: String] = [:]
        var diagnostics: [Diagnostic] = []
        var rows: [ApplicationRow: TableRow<ApplicantColumn>] = [:]
        for (index, entry) in located.enumerated() {
            rows[entry.row] = TableRow(line: line.number)
            let limit = index + 1 < located.count ? located[index + 1].label.lowerBound : end
            guard let run = stream.digitRun(after: entry.label.upperBound, before: limit) else {
                diagnostics.append(TableDiagnostics.emptyRow(table, entry.row.qualifiedLabel, line: line.number))
                continue
            }
            runs[entry.row] = run
            switch DigitSplitter.split(run, into: ApplicantColumn.allCases.count, maxCellLength: DigitSplitter.maxCountLength, accept: rowAddsUp) {
            case .splits(let splits) where splits.count == 1: fixed[entry.row] = splits[0]
            case .splits(let splits) where splits.count > 1: ambiguous[entry.row] = splits
            case .splits:
                diagnostics.append(TableDiagnostics.unsplittable(table, entry.row.qualifiedLabel, blob: run, candidates: 0, line: line.number))
            case .tooMany:
                diagnostics.append(TableDiagnostics.unsplittable(
                    table, entry.row.qualifiedLabel, blob: run, candidates: DigitSplitter.maxCandidates, line: line.number))
            }
        }
        let resolved = ApplicationBalance.resolve(fixed: fixed, ambiguous: ambiguous, layout: layout)
        for row in order where ambiguous[row] != nil && resolved[row] == nil {
            diagnostics.append(TableDiagnostics.unsplittable(
                table, row.qualifiedLabel, blob: runs[row] ?? "", candidates: ambiguous[row]?.count ?? 0, line: line.number))
        }
        for (row, values) in fixed.merging(resolved, uniquingKeysWith: { first, _ in first }) {
            for (column, value) in zip(ApplicantColumn.allCases, values) { rows[row]?[column] = .number(value) }
        }
        return (rows, diagnostics)
    }

    /// 总计 equals the sum of the six applicant columns.
    static func rowAddsUp(_ cells: [Double]) -> Bool {
        guard cells.count == ApplicantColumn.allCases.count, let total = cells.last else { return false }
        return abs(cells.dropLast().reduce(0, +) - total) < 1e-6
    }
}
