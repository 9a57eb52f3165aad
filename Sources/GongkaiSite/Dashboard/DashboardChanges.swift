import GongkaiModel

/// The largest changes since last year, each body matched as the body pages match bodies across
/// years (one report each year, else the change is unknown and not listed).
extension Dashboard {
    /// A measure compared across years: its list titles (up, down) and its value in a report.
    struct Measure: Sendable {
        var up: String
        var down: String
        /// `score`: a rise is good news (coloured); `count`: neither (not coloured).
        var tone: String
        var value: @Sendable (Report) -> Double?
        var format: @Sendable (Double) -> String
    }

    static let newReceived = CellPath("applications.newReceived.total")

    static let measures: [Measure] = [
        Measure(up: "完整性得分上升最多", down: "完整性得分下降最多", tone: "score", value: { RankingEntry.rankedScore($0) }, format: { ScoreView.oneDecimal($0) }),
        Measure(up: "新收申请增加最多", down: "新收申请减少最多", tone: "count", value: { report in
            // A cell an open error names is not taken at its word.
            guard !report.findings.contains(where: { $0.isOpen && $0.severity == .error && $0.cells.contains(newReceived.key) }) else { return nil }
            return newReceived.cell(in: report, previous: nil).number
        }, format: { Cell.format($0) }),
    ]

    func changeLists(_ now: [Report], byID: [String: Report]) -> [ThemeContext.DashboardChangeList] {
        guard let latest else { return [] }
        let before = YearRanking.previousReports(of: latest, model: model)
        return Self.measures.flatMap { measure -> [ThemeContext.DashboardChangeList] in
            var deltas: [(report: Report, before: Double, after: Double)] = []
            for report in now {
                guard let earlier = before[report.id], earlier.count == 1, let last = byID[earlier[0].id] ?? earlier.first,
                      let after = measure.value(report), let was = measure.value(last), after != was else { continue }
                deltas.append((report, was, after))
            }
            let up = deltas.filter { $0.after > $0.before }.sorted { Self.larger($0, $1) }
            let down = deltas.filter { $0.after < $0.before }.sorted { Self.larger($0, $1) }
            return [(measure.up, up), (measure.down, down)].map { title, list in
                ThemeContext.DashboardChangeList(title: title, tone: measure.tone, items: list.prefix(Self.changesShown).map { item in
                    let delta = item.after - item.before
                    return ThemeContext.DashboardChange(
                        name: item.report.siteName, href: SitePath.body(model.bodySlug(of: item.report)),
                        before: measure.format(item.before), after: measure.format(item.after),
                        delta: (delta > 0 ? "+" : "−") + measure.format(abs(delta)), up: delta > 0)
                })
            }
        }
    }

    /// The larger change first; equal changes by report id, so the order is the same at every build.
    private static func larger(_ a: (report: Report, before: Double, after: Double), _ b: (report: Report, before: Double, after: Double)) -> Bool {
        let x = abs(a.after - a.before), y = abs(b.after - b.before)
        return x != y ? x > y : a.report.id < b.report.id
    }
}
