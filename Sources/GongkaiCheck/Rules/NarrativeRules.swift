import GongkaiModel

/// The narrative against the tables: the applications the text says were received against
/// 表三 一、本年新收 总计.
enum NarrativeRules {
    static func check(_ report: Report) -> [RuleOutcome] {
        guard let figure = report.figures.applicationsReceived, let table = report.tables.applications else { return [] }
        let row = ApplicationRow.newReceived
        let key = CellKey.application(row, .total)
        let tableLabel = OfficialTable.applications.label
        let cell = "\(row.label) · \(ApplicantColumn.total.label)"
        let stated = Cell.format(figure.value)
        guard let total = table[row, .total].number else {
            return [.uncheckable(.narrativeApplications, CheckMessages.narrativeSubject(line: figure.line, stated: stated, table: tableLabel, cell: cell),
                                 unknownCount: 1, line: figure.line, cells: [key])]
        }
        if abs(total - figure.value) < 1e-6 { return [.passed(.narrativeApplications)] }
        // received may mean 新收 + 上年结转 (all the applications handled in the year)
        if let carried = table[.carriedOver, .total].number, abs(total + carried - figure.value) < 1e-6 {
            return [.passed(.narrativeApplications)]
        }
        // A qualified or contested figure (约, 余…) may legitimately differ: a note, not a verdict.
        let message = CheckMessages.narrativeMismatch(stated: stated, statedValue: figure.value, excerpt: short(figure.excerpt),
                                                      table: tableLabel, cell: cell, total: Cell.format(total))
        return [.failed(.narrativeApplications, message, line: figure.line, cells: [key],
                        severity: figure.uncertain ? .note : nil, loss: figure.uncertain ? 0 : 1)]
    }

    /// The clause quoted in the finding, cut so the message stays one line.
    static func short(_ excerpt: String, limit: Int = 40) -> String {
        let flat = excerpt.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
    }
}
