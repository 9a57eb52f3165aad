import GongkaiModel

/// The narrative against the tables: the applications the text says were received against
/// 表三 一、本年新收 总计.
enum NarrativeRules {
    static func check(_ report: Report) -> [RuleOutcome] {
        guard let figure = report.figures.applicationsReceived, let table = report.tables.applications else { return [] }
        let row = ApplicationRow.newReceived
        let key = CellKey.application(row, .total)
        let place = "\(OfficialTable.applications.label) · \(row.label) · \(ApplicantColumn.total.label)"
        let stated = Cell.format(figure.value)
        guard let total = table[row, .total].number else {
            return [.uncheckable(.narrativeApplications, "narrative (line \(figure.line)) says \(stated) received; \(place)",
                                 unknownCount: 1, line: figure.line, cells: [key])]
        }
        if abs(total - figure.value) < 1e-6 { return [.passed(.narrativeApplications)] }
        // A qualified figure (约, 余…) may legitimately differ; it is reported, not condemned.
        let message = "the narrative says \(stated) \(figure.value == 1 ? "application" : "applications") received (“\(short(figure.excerpt))”) but \(place) is \(Cell.format(total)): \(stated) ≠ \(Cell.format(total))"
        return [.failed(.narrativeApplications, message, line: figure.line, cells: [key],
                        severity: figure.uncertain ? .warning : nil, loss: figure.uncertain ? 0.5 : 1)]
    }

    /// The clause quoted in the finding, cut so the message stays one line.
    static func short(_ excerpt: String, limit: Int = 40) -> String {
        let flat = excerpt.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
    }
}
