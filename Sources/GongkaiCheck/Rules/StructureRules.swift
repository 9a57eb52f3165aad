import GongkaiModel

/// The six sections and the three tables: present, and the tables complete.
enum StructureRules {
    static func check(_ report: Report) -> [RuleOutcome] {
        (1...6).map { section($0, report) } + OfficialTable.allCases.flatMap { table($0, report) }
    }

    static func section(_ number: Int, _ report: Report) -> RuleOutcome {
        if report.section(number) != nil { return .passed(.sectionsPresent) }
        if let gap = report.illegibleGap(ofSection: number) {
            return .failed(.sectionsPresent, CheckMessages.illegibleSection(number, line: gap), line: gap, severity: .warning, loss: RuleTable.uncheckableLoss)
        }
        return .failed(.sectionsPresent, CheckMessages.missingSection(number), line: expectedLine(ofSection: number, report))
    }

    /// Where a missing section should have started: at the next section present, else after the last one.
    static func expectedLine(ofSection number: Int, _ report: Report) -> Int? {
        if let next = report.sections.filter({ $0.number > number }).map(\.line).min() { return next }
        return report.sections.filter { $0.number < number }.map(\.endLine).max().map { $0 + 1 }
    }

    /// One outcome for presence and one for completeness. A missing table loses its completeness
    /// points too, without a second finding.
    static func table(_ table: OfficialTable, _ report: Report) -> [RuleOutcome] {
        guard let cells = cellCount(of: table, report.tables) else {
            if report.section(table.section) == nil, let gap = report.illegibleGap(ofSection: table.section) {
                return [.failed(.tablesPresent, CheckMessages.illegibleTable(table.label, section: table.section, line: gap), line: gap,
                                severity: .warning, loss: RuleTable.uncheckableLoss),
                        .lost(.tablesComplete, CheckMessages.tableMissingCells(table.label), line: gap)]
            }
            let line = report.section(table.section)?.line ?? expectedLine(ofSection: table.section, report)
            return [.failed(.tablesPresent, CheckMessages.missingTable(table.label, section: table.section), line: line),
                    .lost(.tablesComplete, CheckMessages.tableMissingCells(table.label), line: line)]
        }
        guard cells.unknown > 0, cells.all > 0 else { return [.passed(.tablesPresent), .passed(.tablesComplete)] }
        let message = CheckMessages.tableIncomplete(table.label, unknown: cells.unknown, of: cells.all)
        let loss = Double(cells.unknown) / Double(cells.all)
        return [.passed(.tablesPresent), .failed(.tablesComplete, message, line: cells.line, loss: loss)]
    }

    /// How many cells the table's layout has and how many are unknown; nil when the table is missing.
    /// Counted a row at a time (one lookup of the row, not one per cell).
    static func cellCount(of table: OfficialTable, _ tables: Tables) -> (unknown: Int, all: Int, line: Int?)? {
        switch table {
        case .proactive:
            guard let t = tables.proactive else { return nil }
            var unknown = 0, all = 0
            for item in ProactiveItem.items(for: t.format) {
                let columns = item.columns(for: t.format)
                unknown += unknownCount(t.rows[item], columns)
                all += columns.count
            }
            return (unknown, all, t.line)
        case .applications:
            guard let t = tables.applications else { return nil }
            let order = t.rowOrder
            let unknown = order.reduce(0) { sum, row in sum + unknownCount(t.rows[row], ApplicantColumn.allCases) }
            return (unknown, order.count * ApplicantColumn.allCases.count, t.line)
        case .reviews:
            guard let t = tables.reviews else { return nil }
            let unknown = ReviewGroup.allCases.reduce(0) { sum, group in sum + unknownCount(t.groups[group], ReviewColumn.allCases) }
            return (unknown, ReviewGroup.allCases.count * ReviewColumn.allCases.count, t.line)
        }
    }

    /// A missing row's cells are all unknown.
    static func unknownCount<Column>(_ row: TableRow<Column>?, _ columns: [Column]) -> Int {
        guard let row else { return columns.count }
        return columns.reduce(0) { $0 + ((row.cells[$1]?.isUnknown ?? true) ? 1 : 0) }
    }
}
