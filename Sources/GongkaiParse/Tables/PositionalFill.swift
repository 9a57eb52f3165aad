import GongkaiModel

/// Gives every number row its table row: labelled rows anchor to their own row; a run of
/// unlabelled rows between two anchors fills the rows strictly between them, in order, but
/// only when there are exactly as many unlabelled rows as free rows (otherwise unknown).
struct PositionalFill<Row: Hashable & Sendable> {
    let table: String
    let order: [Row]
    let rowLabel: (Row) -> String

    func assign(_ rows: [NumberRow<Row>]) -> (placed: [(row: Row, source: NumberRow<Row>)], diagnostics: [Diagnostic]) {
        var placed: [(row: Row, source: NumberRow<Row>)] = []
        var diagnostics: [Diagnostic] = []
        var labelled = Set<Row>()
        for source in rows {
            guard let row = source.row else { continue }
            if labelled.insert(row).inserted { continue }
            diagnostics.append(TableDiagnostics.duplicateRow(table, rowLabel(row), line: source.line))
        }
        var seen = Set<Row>()
        var previousAnchor: Int?
        var pending: [NumberRow<Row>] = []
        for source in rows {
            guard let row = source.row else {
                pending.append(source)
                continue
            }
            guard seen.insert(row).inserted else { continue }
            placed.append((row, source))
            guard let position = order.firstIndex(of: row) else { continue }
            let (filled, notes) = fillGap(pending, after: previousAnchor, before: position, labelled: labelled)
            placed += filled
            diagnostics += notes
            pending = []
            previousAnchor = position
        }
        diagnostics += fillGap(pending, after: previousAnchor, before: nil, labelled: labelled).diagnostics
        return (placed, diagnostics)
    }

    private func fillGap(
        _ pending: [NumberRow<Row>], after start: Int?, before end: Int?, labelled: Set<Row>
    ) -> (placed: [(row: Row, source: NumberRow<Row>)], diagnostics: [Diagnostic]) {
        guard let first = pending.first else { return ([], []) }
        guard let start, let end, end > start + 1 else {
            return ([], [TableDiagnostics.unplacedRow(table, line: first.line, rows: pending.count, slots: 0)])
        }
        let free = order[(start + 1)..<end].filter { !labelled.contains($0) }
        guard free.count == pending.count else {
            return ([], [TableDiagnostics.unplacedRow(table, line: first.line, rows: pending.count, slots: free.count)])
        }
        let placed = zip(free, pending).map { (row: $0, source: $1) }
        return (placed, placed.map { TableDiagnostics.positionalRow(table, rowLabel($0.row), line: $0.source.line) })
    }
}
