import GongkaiModel

/// 表二: the format from its column labels, then each item's numbers, line by line or from a
/// run-together line. Items have no arithmetic, so run-together digits are split only where
/// a single split exists (`规章000` → 0, 0, 0); otherwise the cells are unknown.
enum ProactiveTableReader {
    static let table = "表二"
    static let matcher = LabelMatcher(entries: TableLabelCatalog.proactiveItems, maxLabelLength: 30)

    static func parse(_ lines: [DocumentLine]) -> (table: ProactiveTable?, diagnostics: [Diagnostic]) {
        let tableLines = TableLines(lines)
        let format = detectFormat(tableLines)
        let items = ProactiveItem.items(for: format)
        var result: (rows: [ProactiveItem: TableRow<ProactiveColumn>], diagnostics: [Diagnostic])
        let start: Int?
        let allowed = Set(items)
        let named = TableLabelCatalog.proactiveItems.filter { allowed.contains($0.row) }
        if let index = lines.indices.first(where: { isRunTogether(tableLines, at: $0, named: named) }) {
            let line = lines[index]
            result = readStream(line, format: format)
            start = line.number
        } else {
            let region = TableRegion.from(tableLines, markers: TableLabelCatalog.proactiveStart)
            result = readLines(region.lines, format: format)
            result.diagnostics = ProactiveHeaderCheck.diagnostics(region, format: format) + result.diagnostics
            start = TableRegion.firstLine(tableLines, markers: TableLabelCatalog.proactiveStart)
                ?? result.rows.values.compactMap(\.line).min()
        }
        guard result.rows.values.contains(where: { $0.cells.values.contains { !$0.isUnknown } }) else {
            guard BlankTable.isPrinted(tableLines, rows: named, headers: BlankTable.proactiveHeaders) else { return (nil, []) }
            let line = start ?? TableRegion.firstLine(tableLines, markers: TableLabelCatalog.proactiveStart)
            return (ProactiveTable(format: format, rows: [:], line: line), [BlankTable.diagnostic(table, line: line)])
        }
        for item in items where result.rows[item] == nil {
            result.diagnostics.append(TableDiagnostics.missingRow(table, item.label, line: start))
        }
        return (ProactiveTable(format: format, rows: result.rows, line: start), result.diagnostics)
    }

    /// The format whose own column labels appear more often; without any, the items decide
    /// (其他对外管理服务事项 and 政府集中采购 exist only in the 2019 format).
    static func detectFormat(_ lines: [DocumentLine]) -> ReportFormat {
        detectFormat(TableLines(lines))
    }

    static func detectFormat(_ lines: TableLines) -> ReportFormat {
        let text = lines.joinedLabelBytes
        let score = { (format: ReportFormat) in
            TableLabelCatalog.formatMarkers[format, default: []].count { TextSearch.contains(text, Array($0.utf8)) }
        }
        let (current, earlier) = (score(.f2021), score(.f2019))
        if current != earlier { return current > earlier ? .f2021 : .f2019 }
        let only2019 = TableLabelCatalog.proactiveItems.filter { $0.row == .otherServices || $0.row == .procurement }
        return only2019.contains { $0.isNamed(in: text) } ? .f2019 : .f2021
    }

    static func isRunTogether(_ lines: TableLines, at index: Int, items: [ProactiveItem]) -> Bool {
        let allowed = Set(items)
        return isRunTogether(lines, at: index, named: TableLabelCatalog.proactiveItems.filter { allowed.contains($0.row) })
    }

    /// `isRunTogether` with the catalog entries of the format's items picked out once per table.
    static func isRunTogether(_ lines: TableLines, at index: Int, named entries: [RowKeys<ProactiveItem>]) -> Bool {
        // Three items of 表二 with their headers take more than 20 characters.
        guard lines.lines[index].text.utf8.count >= 60 else { return false }
        let text = lines.labelBytes[index]
        return entries.count { $0.isNamed(in: text) } >= 3
    }

    static func readLines(_ lines: [DocumentLine], format: ReportFormat) -> (rows: [ProactiveItem: TableRow<ProactiveColumn>], diagnostics: [Diagnostic]) {
        let items = ProactiveItem.items(for: format)
        let reader = LineRowReader(
            table: table, matcher: matcher, allowed: Set(items), columnCount: { $0.columns(for: format).count },
            rowLabel: { $0.label }, minUnlabelledNumbers: Int.max,
            splitGlued: { item, run in DigitSplitter.split(run, into: item.columns(for: format).count) { _ in true } })
        let (numberRows, readNotes) = reader.read(lines)
        let (placed, placeNotes) = PositionalFill(table: table, order: items, rowLabel: { $0.label }).assign(numberRows)
        var rows: [ProactiveItem: TableRow<ProactiveColumn>] = [:]
        var diagnostics = readNotes + placeNotes
        for (item, source) in placed {
            let (filled, notes) = RowFill.fill(source.cells, columns: item.columns(for: format), line: source.line, table: table, rowLabel: item.label)
            rows[item] = filled
            diagnostics += notes
            if !source.candidates.isEmpty {
                diagnostics.append(TableDiagnostics.unsplittable(
                    table, item.label, blob: source.run ?? "", candidates: source.candidates.count, line: source.line))
            }
        }
        return (rows, diagnostics)
    }

    static func readStream(_ line: DocumentLine, format: ReportFormat) -> (rows: [ProactiveItem: TableRow<ProactiveColumn>], diagnostics: [Diagnostic]) {
        let stream = StreamText(line.text)
        let whole = 0..<stream.chars.count
        // Without the table's header the items found would be prose (行政许可类信息40条).
        guard let start = stream.findAny(TableLabelCatalog.proactiveStart, in: whole)?.lowerBound else { return ([:], []) }
        let end = stream.findAny(TableLabelCatalog.proactiveEnd, in: start..<whole.upperBound)?.lowerBound ?? whole.upperBound
        let items = ProactiveItem.items(for: format)
        let keyed = items.map { item in (row: item, keys: TableLabelCatalog.proactiveItems.first { $0.row == item }?.keys ?? []) }
        let located = stream.locate(keyed, in: start..<end)
        var rows: [ProactiveItem: TableRow<ProactiveColumn>] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, entry) in located.enumerated() {
            var row = TableRow<ProactiveColumn>(line: line.number)
            defer { rows[entry.row] = row }
            let limit = index + 1 < located.count ? located[index + 1].label.lowerBound : end
            guard let run = stream.digitRun(after: entry.label.upperBound, before: limit) else {
                diagnostics.append(TableDiagnostics.emptyRow(table, entry.row.label, line: line.number))
                continue
            }
            let columns = entry.row.columns(for: format)
            let result = DigitSplitter.split(run, into: columns.count) { _ in true }
            guard case .splits(let splits) = result, splits.count == 1 else {
                let count = if case .splits(let splits) = result { splits.count } else { DigitSplitter.maxCandidates }
                diagnostics.append(TableDiagnostics.unsplittable(table, entry.row.label, blob: run, candidates: count, line: line.number))
                continue
            }
            for (column, value) in zip(columns, splits[0]) { row[column] = .number(value) }
        }
        return (rows, diagnostics)
    }
}
