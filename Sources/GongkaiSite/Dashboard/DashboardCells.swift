import GongkaiModel

/// The few cells of 表三 and 表四 the home page's dashboard adds up (its totals and every rate's
/// inputs), kept per report in the cache folder by the report's digest. A rebuild then puts them
/// back into the reports' summaries (whose tables hold no rows) instead of decoding every
/// report's details: only a report whose digest is new is decoded, once.
struct DashboardCells {
    /// The cells, in a fixed order: the totals' paths, then the rates' (this year's only).
    static let paths: [CellPath] = {
        var seen = Set<CellPath>()
        let all = DashboardTotals.rows.flatMap(\.paths)
            + RateDefinition.all.flatMap { ($0.numerator + $0.denominator).map(\.path) }.filter { !$0.previousYear }
        return all.filter { seen.insert($0).inserted }
    }()

    /// Where the last build kept them; nil without a cache folder (the reports are then whole).
    var kept: KeptFragments?
    var digests: [String: String] = [:]
    /// A summary's whole form (decoding its details from the cache).
    var whole: @Sendable (Report) -> Report = { $0 }

    /// `reports` with the dashboard's cells filled in, in the same order.
    func fill(_ reports: [Report]) -> [Report] {
        guard let kept else { return reports.map(whole) }
        let previous = kept.load()
        var changed = false
        var pieces: [(key: String, fields: [String])] = []
        let filled = reports.map { report -> Report in
            guard let digest = digests[report.id] else { return whole(report) }
            if let fields = previous[digest], fields.count == Self.paths.count {
                pieces.append((digest, fields))
                return Self.restore(fields, into: report)
            }
            changed = true
            let complete = whole(report)
            let fields = Self.paths.map { Self.encode($0.cell(in: complete, previous: nil)) }
            pieces.append((digest, fields))
            return Self.restore(fields, into: report)
        }
        if changed || pieces.count != previous.count { kept.save(pieces) }
        return filled
    }

    /// The summary with the kept cells set in its tables (a table the summary lacks stays absent).
    static func restore(_ fields: [String], into summary: Report) -> Report {
        var report = summary
        for (path, field) in zip(paths, fields) {
            let cell = decode(field)
            switch path.place {
            case .application(let row, let column):
                report.tables.applications?.rows[row, default: TableRow()][column] = cell
            case .review(let group, let column):
                report.tables.reviews?.groups[group, default: TableRow()][column] = cell
            }
        }
        return report
    }

    /// `n12`, `t/` (text printed in the cell), `?` (unknown).
    static func encode(_ cell: Cell) -> String {
        switch cell {
        case .number(let value): "n" + String(value)
        case .text(let text): "t" + text
        case .unknown: "?"
        }
    }

    static func decode(_ field: String) -> Cell {
        switch field.first {
        case "n": Double(field.dropFirst()).map(Cell.number) ?? .unknown
        case "t": .text(String(field.dropFirst()))
        default: .unknown
        }
    }
}
