import GongkaiModel

/// findings/<year>.html, the year's 问题清单: every open finding of the year as a row (body, kind,
/// place, rule, severity, message, line linked to the report), with a CSV twin; and the same for
/// each place (`findings/<year>-place-hong-ze-qu.html`). A finding a review file dismissed
/// (已核实为误报) is left out and counted apart.
struct FindingsPage {
    var year: SiteModel.Year
    var model: SiteModel
    /// One place's list (the place and its slug); nil: the whole year.
    var place: (name: String, slug: String)?
    /// Each place's slug, by place (for the links to the places' lists).
    var placeSlugs: [String: String]
    /// The open findings of each place, by place ("" for the whole year): counted once for all the pages.
    var counts: [String: Int]

    init(year: SiteModel.Year, model: SiteModel, place: (name: String, slug: String)? = nil,
         placeSlugs: [String: String]? = nil, counts: [String: Int]? = nil) {
        self.year = year
        self.model = model
        self.place = place
        self.placeSlugs = placeSlugs ?? ReportPlace.slugs(Set(year.reports.compactMap({ ReportPlace.of($0, config: model.config) })))
        self.counts = counts ?? Self.counts(year.reports, config: model.config)
    }

    static func counts(_ reports: [Report], config: SiteConfig) -> [String: Int] {
        var counts: [String: Int] = [:]
        for report in reports {
            let open = report.findings.reduce(0) { $0 + ($1.isOpen ? 1 : 0) }
            counts["", default: 0] += open
            if let place = ReportPlace.of(report, config: config) { counts[place, default: 0] += open }
        }
        return counts
    }

    var path: String { place.map { SitePath.findings(year.key, filter: "place-" + $0.slug) } ?? SitePath.findings(year.key) }
    var csvPath: String { place.map { SitePath.findingsCSV(year.key, filter: "place-" + $0.slug) } ?? SitePath.findingsCSV(year.key) }

    /// The year's list, then each place's.
    static func pages(_ year: SiteModel.Year, model: SiteModel) -> [FindingsPage] {
        let whole = FindingsPage(year: year, model: model)
        return [whole] + whole.placeSlugs.sorted { $0.key < $1.key }.map { name, slug in
            FindingsPage(year: year, model: model, place: (name, slug), placeSlugs: whole.placeSlugs, counts: whole.counts)
        }
    }

    /// The reports listed: the year's, or the place's.
    var reports: [Report] {
        guard let place else { return year.reports }
        return year.reports.filter { ReportPlace.of($0, config: model.config) == place.name }
    }

    /// Every open finding, report by report (in the year's order), errors first, then by line.
    var rows: [(report: Report, finding: Finding)] {
        reports.flatMap { report in
            report.findings.filter(\.isOpen).sorted { ($0.severity, $0.line ?? 0) < ($1.severity, $1.line ?? 0) }.map { (report, $0) }
        }
    }

    func context() -> ThemeContext.FindingsContext {
        let label = year.label + "问题清单"
        var crumbs: [(String, String?)] = [(label, place == nil ? nil : SitePath.findings(year.key))]
        if let place { crumbs.append((place.name, nil)) }
        let common = PageContext.common(page: path, title: label + (place.map { "（\($0.name)）" } ?? ""), model: model, breadcrumbs: crumbs)
        let rows = self.rows
        let head = [["机关", "机关类型", "地区", "级别", "规则", "说明", "位置"].map { TableView.HeaderCell(text: $0) }]
        var table = TableView(id: "findings-\(year.key)", caption: "\(year.label)检查发现" + (place.map { "（\($0.name)）" } ?? ""),
                              head: head, rows: rows.map { Self.row($0, config: model.config) })
        table.sortable = true
        table.csvHref = csvPath
        let dismissed = reports.reduce(0) { $0 + $1.findings.filter { !$0.isOpen }.count }
        // each link counts the open findings it lists
        let links = [ThemeContext.FilterLink(label: "全部", href: SitePath.findings(year.key), value: "", current: place == nil, count: counts[""] ?? 0)]
            + placeSlugs.sorted { $0.key < $1.key }.map { name, slug in
                ThemeContext.FilterLink(label: name, href: SitePath.findings(year.key, filter: "place-" + slug), value: slug,
                                        current: place?.slug == slug, count: counts[name] ?? 0)
            }
        return ThemeContext.FindingsContext(common: common, year: ThemeContext.FindingsYear(
            label: year.label, scope: place?.name, findingCount: rows.count, errorCount: rows.filter { $0.finding.severity == .error }.count,
            dismissedCount: dismissed, hasDismissed: dismissed > 0, table: table.themeContext, places: links, hasPlaces: !placeSlugs.isEmpty,
            rankingHref: SitePath.ranking(year.key), suggestions: suggestions, hasSuggestions: place == nil && !suggestions.isEmpty))
    }

    static func row(_ item: (report: Report, finding: Finding), config: SiteConfig) -> TableView.Row {
        let (report, finding) = item
        let location = finding.line.map { TableView.DataCell(text: "第\($0)行", classes: ["left"], sortValue: String($0), href: SitePath.report(report.id) + "#L\($0)") }
            ?? TableView.DataCell(text: "—", classes: ["left"])
        let place = ReportPlace.of(report, config: config)
        return .data(header: report.siteName, headerHref: SitePath.report(report.id), cells: [
            TableView.DataCell(text: RankingFilter.kindLabel(report.kind), classes: ["left"]),
            TableView.DataCell(text: place ?? "—", classes: ["left"]),
            TableView.DataCell(text: Labels.severity(finding.severity), classes: ["left", "severity-\(finding.severity.rawValue)"]),
            TableView.DataCell(text: Labels.rule(finding.rule), classes: ["text"], title: finding.rule),
            TableView.DataCell(text: Labels.findingText(finding.messageZh, rule: finding.rule), classes: ["text"]),
            location,
        ])
    }

    static let csvHeader = ["机关", "机关类型", "地区", "级别", "规则", "规则编号", "说明", "行", "链接"]

    /// The CSV twin: one line per open finding; the link is the report page's line, from the site's root.
    var csv: [UInt8] {
        var csv = CSVWriter(capacity: 512)
        csv.row(Self.csvHeader)
        for (report, finding) in rows {
            let link = SitePath.report(report.id) + (finding.line.map { "#L\($0)" } ?? "")
            csv.row([report.siteName, RankingFilter.kindLabel(report.kind), ReportPlace.of(report, config: model.config) ?? "", Labels.severity(finding.severity),
                     Labels.rule(finding.rule), finding.rule, Labels.findingText(finding.messageZh, rule: finding.rule),
                     finding.line.map(String.init) ?? "", link])
        }
        return csv.bytes
    }

    /// The suggestions about bodies of this year that may be one body.
    var suggestions: [String] { model.suggestions.filter { $0.years.contains(year.key) }.map(\.text) }
}
