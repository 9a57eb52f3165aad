import GongkaiCheck
import GongkaiModel

/// The home page's dashboard for the overseer: the latest year's totals of 表三 and its rates
/// against the year before, who reported against the roster, the most frequent open findings and
/// the largest changes since last year, each pointing to the page behind it. Made from the
/// reports' summaries and the few cells `DashboardCells` keeps, never from every report's details.
struct Dashboard {
    var model: SiteModel
    var cells = DashboardCells()
    /// How many rules the findings list names, and how many bodies each list of changes.
    static let findingsShown = 8
    static let changesShown = 5

    /// The year shown: the latest with a known year; nil when there is none.
    var latest: SiteModel.Year? { model.years.first { Int($0.key) != nil } }

    func context() -> ThemeContext.Dashboard? {
        guard let latest, let number = Int(latest.key) else { return nil }
        let previous = model.years.first { $0.key == String(number - 1) }
        // Three years: last year's 申请量同比 needs the year before it.
        let years = Set([number, number - 1, number - 2])
        let filled = cells.fill(model.reports.filter { $0.year.map(years.contains) ?? false })
        let byID = Dictionary(filled.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let index = PreviousReportIndex(filled, roster: model.config.roster)
        let now = latest.reports.compactMap { byID[$0.id] }
        let before = previous?.reports.compactMap { byID[$0.id] } ?? []
        let missing = model.missing(in: latest)
        let open = now.flatMap { $0.findings.filter(\.isOpen) }
        let findings = Self.frequent(now)
        let changes = changeLists(now, byID: byID)
        return ThemeContext.Dashboard(
            label: latest.label, previousLabel: previous?.label ?? "\(number - 1)年",
            totals: totals(now, before, hasPrevious: previous != nil),
            rates: rates(now, before, index: index, hasPrevious: previous != nil), ratesHref: RatesPage.path,
            reported: model.config.roster.count - missing.count, rosterCount: model.config.roster.count,
            hasRoster: !model.config.roster.isEmpty, unreported: missing, hasUnreported: !missing.isEmpty,
            rankingHref: SitePath.ranking(latest.key), findingsHref: SitePath.findings(latest.key),
            findings: findings, hasFindings: !findings.isEmpty, openFindings: open.count,
            changes: changes, hasChanges: changes.contains { !$0.items.isEmpty })
    }

    private func totals(_ now: [Report], _ before: [Report], hasPrevious: Bool) -> [ThemeContext.DashboardTotal] {
        DashboardTotals.rows.map { row in
            let this = DashboardTotals.sum(row, over: now)
            let last = DashboardTotals.sum(row, over: before)
            var change = "—", changeClass = ""
            if hasPrevious, this.unknown == 0, last.unknown == 0 {
                let delta = this.known - last.known
                change = (delta > 0 ? "+" : delta < 0 ? "−" : "") + Cell.format(abs(delta))
                changeClass = delta > 0 ? "up" : delta < 0 ? "down" : ""
            }
            return ThemeContext.DashboardTotal(label: row.label, value: this.text, previous: hasPrevious ? last.text : "—",
                                               change: change, changeClass: changeClass)
        }
    }

    private func rates(_ now: [Report], _ before: [Report], index: PreviousReportIndex, hasPrevious: Bool) -> [ThemeContext.DashboardRate] {
        let pairsNow = now.map { (report: $0, previous: index.previous(of: $0)) }
        let pairsBefore = before.map { (report: $0, previous: index.previous(of: $0)) }
        return RateView.definitions.map { definition in
            let this = RateResult(definition, totalOf: pairsNow)
            let last = RateResult(definition, totalOf: pairsBefore)
            return ThemeContext.DashboardRate(id: definition.key, name: definition.name, formula: definition.formula,
                                              value: RateView.value(this), previous: hasPrevious ? RateView.value(last) : "—",
                                              note: RateView.note(this))
        }
    }

    /// The rules most often broken by the year's open findings: how many findings, in how many reports.
    static func frequent(_ reports: [Report]) -> [ThemeContext.DashboardFinding] {
        var counts: [String: (findings: Int, reports: Int)] = [:]
        for report in reports {
            var seen = Set<String>()
            for finding in report.findings where finding.isOpen {
                counts[finding.rule, default: (0, 0)].findings += 1
                if seen.insert(finding.rule).inserted { counts[finding.rule, default: (0, 0)].reports += 1 }
            }
        }
        let sorted = counts.sorted { $0.value.findings != $1.value.findings ? $0.value.findings > $1.value.findings : $0.key < $1.key }
        return sorted.prefix(findingsShown).map {
            ThemeContext.DashboardFinding(rule: Labels.rule($0.key), ruleId: $0.key, count: $0.value.findings, reports: $0.value.reports)
        }
    }
}
