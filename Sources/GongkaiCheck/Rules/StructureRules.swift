import GongkaiModel

/// The six sections and the three tables: present, and the tables complete.
enum StructureRules {
    static func check(_ report: Report) -> [RuleOutcome] {
        (1...6).map { section($0, report) } + OfficialTable.allCases.flatMap { table($0, report) }
    }

    static func section(_ number: Int, _ report: Report) -> RuleOutcome {
        if report.section(number) != nil { return .passed(.sectionsPresent) }
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
        guard let cells = cells(of: table, report.tables) else {
            let line = report.section(table.section)?.line ?? expectedLine(ofSection: table.section, report)
            return [.failed(.tablesPresent, CheckMessages.missingTable(table.label, section: table.section), line: line),
                    .lost(.tablesComplete, CheckMessages.tableMissingCells(table.label), line: line)]
        }
        let unknown = cells.cells.filter(\.isUnknown).count
        guard unknown > 0, !cells.cells.isEmpty else { return [.passed(.tablesPresent), .passed(.tablesComplete)] }
        let message = CheckMessages.tableIncomplete(table.label, unknown: unknown, of: cells.cells.count)
        let loss = Double(unknown) / Double(cells.cells.count)
        return [.passed(.tablesPresent), .failed(.tablesComplete, message, line: cells.line, loss: loss)]
    }

    static func cells(of table: OfficialTable, _ tables: Tables) -> (cells: [Cell], line: Int?)? {
        switch table {
        case .proactive: tables.proactive.map { ($0.allCells, $0.line) }
        case .applications: tables.applications.map { ($0.allCells, $0.line) }
        case .reviews: tables.reviews.map { ($0.allCells, $0.line) }
        }
    }
}
