import Foundation
import GongkaiModel

/// index.html: every report, by year, with its score and findings.
struct IndexPage {
    var model: SiteModel
    let path = SitePath.index
    /// Where the tables of the last build are kept, with each report's digest by id (see `tables`).
    var kept: (fragments: KeptFragments, digests: [String: String])?
    /// Where the dashboard's cells come from (`DashboardCells`).
    var cells = DashboardCells()

    func context(compiled: Bool) -> ThemeContext.IndexContext {
        var common = PageContext.common(page: path, title: "首页", model: model)
        common.pageTitle = "首页"
        let otherErrors = ErrorCounts.others(model.reports)
        let incomplete = model.reports.filter(\.incomplete).count
        let stats = ThemeContext.IndexStats(
            reports: model.reports.count, bodies: model.bodies.count,
            years: model.years.count, errors: model.reports.reduce(0) { $0 + ErrorCounts.arithmetic($1.findings) },
            otherErrors: otherErrors, hasOtherErrors: !otherErrors.isEmpty, incomplete: incomplete, hasIncomplete: incomplete > 0)
        let tables = self.tables(compiled: compiled)
        let years = zip(model.years, tables).map { year, table in
            let missing = model.missing(in: year)
            return ThemeContext.IndexYear(
                label: year.label, href: SitePath.year(year.key), findingsHref: SitePath.findings(year.key), rankingHref: SitePath.ranking(year.key),
                csvHref: SitePath.yearCSV(year.key), table: table, hasMissing: !missing.isEmpty, missing: missing)
        }
        let began = DispatchTime.now().uptimeNanoseconds
        let dashboard = Dashboard(model: model, cells: cells).context()
        BuildTrace.job("index.html dashboard", since: began)
        return ThemeContext.IndexContext(common: common, stats: stats, dashboard: dashboard, latest: model.years.first.map(glance), years: years)
    }

    /// Each year's table as the page's context holds it. With `kept` and the compiled templates
    /// (`compiled`), a year whose reports (digests, ids, bodies' pages) are those of the last build
    /// takes that build's markup: adding a report renders its year's table only. The tables are
    /// kept for the next build.
    private func tables(compiled: Bool) -> [ThemeContext.Table] {
        guard compiled, let kept else { return model.years.map { table($0).themeContext } }
        // The page around the tables: only `root` is read by them.
        let stats = ThemeContext.IndexStats(reports: 0, bodies: 0, years: 0, errors: 0, otherErrors: [], hasOtherErrors: false, incomplete: 0, hasIncomplete: false)
        var context = ThemeContext.IndexContext(common: PageContext.common(page: path, title: "首页", model: model), stats: stats, years: [])
        context.common.pageTitle = "首页"
        let previous = kept.fragments.load()
        var changed = previous.count != model.years.count
        var pieces: [(key: String, fields: [String])] = []
        let tables = model.years.map { year -> ThemeContext.Table in
            guard let key = Self.key(year, model: model, digests: kept.digests) else {
                changed = true
                return table(year).themeContext
            }
            var html = previous[key]?.first
            if html == nil {
                html = Self.markup(of: table(year).themeContext, year: year, in: context, model: model)
                changed = true
            }
            pieces.append((key: key, fields: [html ?? ""]))
            var kept = table(year, rows: false).themeContext
            kept.kept = html
            return kept
        }
        if changed { kept.fragments.save(pieces) }
        return tables
    }

    /// A year's table as the compiled `index` template writes it.
    private static func markup(of table: ThemeContext.Table, year: SiteModel.Year, in page: ThemeContext.IndexContext, model: SiteModel) -> String {
        let missing = model.missing(in: year)
        let context = ThemeContext.IndexYear(
            label: year.label, href: SitePath.year(year.key), findingsHref: SitePath.findings(year.key), rankingHref: SitePath.ranking(year.key),
            csvHref: SitePath.yearCSV(year.key), table: table, hasMissing: !missing.isEmpty, missing: missing)
        var out = ""
        CompiledTheme.indexTable(page, context, table, into: &out)
        return out
    }

    /// What a year's table is made from: the year, and each report's digest, id and body page, in
    /// order; nil when a report has no digest.
    static func key(_ year: SiteModel.Year, model: SiteModel, digests: [String: String]) -> String? {
        var bytes = Array("\(year.key)\0\(year.label)\0".utf8)
        let complete = year.reports.withUnsafeBufferPointer { reports -> Bool in
            for index in reports.indices {
                guard let digest = digests[reports[index].id] else { return false }
                bytes += digest.utf8
                bytes.append(0)
                bytes += reports[index].id.utf8
                bytes.append(0)
                bytes += model.bodySlug(of: reports[index]).utf8
                bytes.append(0)
            }
            return true
        }
        return complete ? ContentHash.hex(bytes) : nil
    }

    /// The latest year at a glance: how many reports, the average score, the lowest-scoring
    /// reports, the reports with errors and the bodies of the roster not yet reported.
    private func glance(_ year: SiteModel.Year) -> ThemeContext.Glance {
        // an incomplete text is ranked apart: its score covers only what was received
        let scored = year.reports.filter { $0.score != nil && !$0.incomplete }
        let average = scored.isEmpty ? nil : scored.reduce(0) { $0 + ($1.score?.total ?? 0) } / Double(scored.count)
        let lowest = scored.sorted { ($0.score?.total ?? 0) < ($1.score?.total ?? 0) }.prefix(5).map { report in
            ThemeContext.GlanceReport(name: report.siteName, href: SitePath.report(report.id), score: report.score.map(Labels.score) ?? "?")
        }
        let withErrors = year.reports.compactMap { report -> ThemeContext.GlanceReport? in
            let errors = Labels.count(report.findings, .error)
            return errors == 0 ? nil : ThemeContext.GlanceReport(name: report.siteName, href: SitePath.report(report.id), errors: errors)
        }
        let missing = model.missing(in: year)
        let incomplete = year.reports.filter(\.incomplete).map { ThemeContext.GlanceReport(name: $0.siteName, href: SitePath.report($0.id)) }
        return ThemeContext.Glance(
            label: year.label, count: year.reports.count, average: average.map { String(format: "%.1f", $0) } ?? "—",
            lowest: Array(lowest), withErrors: withErrors, hasErrors: !withErrors.isEmpty,
            errorReports: withErrors.count, missingCount: missing.count, href: SitePath.year(year.key), rankingHref: SitePath.ranking(year.key),
            incomplete: incomplete, hasIncomplete: !incomplete.isEmpty, hasLowest: !lowest.isEmpty)
    }

    /// `rows: false`: the caption and head only (for a table whose markup is kept).
    private func table(_ year: SiteModel.Year, rows withRows: Bool = true) -> TableView {
        let head = [["机关", "年度", "报告格式", "完整性得分", "错误", "警告", "历年对比"].map { TableView.HeaderCell(text: $0) }]
        let rows = (withRows ? year.reports : []).map { report -> TableView.Row in
            let errors = Labels.count(report.findings, .error)
            let warnings = Labels.count(report.findings, .warning)
            let score = report.score.map(Labels.score)
            var cells = [
                TableView.DataCell(text: Labels.yearLabel(report.year), classes: ["left"]),
                TableView.DataCell(text: report.format.map { "\($0.rawValue)年版" } ?? "未识别", classes: ["left"]),
                report.incomplete
                    ? TableView.DataCell(text: "文本不完整", classes: ["incomplete"], title: "文本不完整：仅就收到的部分核对（\(score ?? "?") 分），不参与排名", sortValue: "-1")
                    : TableView.DataCell(text: score ?? "?", classes: score == nil ? ["unknown"] : [], title: score == nil ? "尚未评分" : nil, sortValue: score),
                TableView.DataCell(text: String(errors), classes: errors > 0 ? ["fail"] : [], title: errors > 0 ? "勾稽关系或数字有误" : nil, sortValue: String(errors)),
                TableView.DataCell(text: String(warnings), sortValue: String(warnings)),
            ]
            cells.append(TableView.DataCell(text: "历年", classes: ["left"], href: SitePath.body(model.bodySlug(of: report))))
            return .data(header: report.siteName, headerHref: SitePath.report(report.id), cells: cells)
        }
        var view = TableView(id: "reports-\(year.key)", caption: "\(year.label)年度报告（\(year.reports.count)份）", head: head, rows: rows)
        view.sortable = true
        return view
    }
}

/// years/<year>.html: every body of the year in rows, the key figures in columns; sortable, with a CSV twin.
struct YearPage {
    var year: SiteModel.Year
    var model: SiteModel
    var path: String { SitePath.year(year.key) }

    var table: TableView {
        var view = emptyTable
        view.rows = year.reports.map(Self.row)
        return view
    }

    /// The columns: the score and the errors next to the name, then the figures in the format's order.
    static let figures = KeyFigure.all.filter { leading.contains($0.id) } + KeyFigure.all.filter { !leading.contains($0.id) }
    static let leading: Set<String> = ["score", "errors"]

    /// The table's caption and head, without rows.
    var emptyTable: TableView {
        let head = [[TableView.HeaderCell(text: "机关")] + Self.figures.map { TableView.HeaderCell(text: $0.label) }]
        var view = TableView(id: "compare-\(year.key)", caption: "\(year.label)各机关关键数据", head: head, rows: [])
        view.sortable = true
        view.csvHref = SitePath.yearCSV(year.key)
        return view
    }

    /// One report's row: its key figures, each linked to the line it was read from. Depends on
    /// the report alone (its details, findings and id), so a rebuild can keep it (`files`).
    static func row(_ report: Report) -> TableView.Row {
        let cells = figures.map { figure -> TableView.DataCell in
            let value = figure.value(report)
            var cell = TableView.DataCell(text: value.display, sortValue: value.number.map(Cell.format))
            if value.isUnknown { cell.classes = ["unknown"]; cell.title = "无法识别" }
            if let line = figure.line(report) {
                cell.href = SitePath.report(report.id) + "#L\(line)"
                if cell.title == nil { cell.title = "原文第\(line)行" }
            }
            if figure.id == "score", let score = value.number { cell.text = ScoreView.oneDecimal(score) }
            if figure.id == "errors", let count = value.number, count > 0 { cell.classes = ["fail"]; cell.title = "勾稽关系或数字有误" }
            return cell
        }
        return .data(header: report.siteName, headerHref: SitePath.report(report.id), cells: cells)
    }

    func context() -> ThemeContext.YearContext { context(table: table.themeContext) }

    private func context(table: ThemeContext.Table) -> ThemeContext.YearContext {
        let common = PageContext.common(page: path, title: "\(year.label)各机关关键数据对比", model: model, breadcrumbs: [(year.label + "对比", nil)])
        let missing = model.missing(in: year)
        return ThemeContext.YearContext(common: common, year: ThemeContext.YearInfo(
            label: year.label, count: year.reports.count, table: table,
            findingsHref: SitePath.findings(year.key), rankingHref: SitePath.ranking(year.key), hasMissing: !missing.isEmpty, missing: missing,
            noticesHref: NoticeLinks.count(year) > 0 ? SitePath.notices(year.key) : nil, noticeCount: NoticeLinks.count(year), placesHref: PlacePages.indexPath))
    }

    /// The page and its CSV twin. `whole` gives a report its details (the rows need its tables).
    /// With `kept` and the compiled templates, the row of each report unchanged since the last
    /// build (same digest and id) is the markup that build wrote: only new and changed reports are
    /// decoded whole and rendered, and the rows are kept for the next build.
    static func files(
        year: SiteModel.Year, model: SiteModel, theme: PageTheme, whole: (@Sendable (Report) -> Report)?,
        digests: [String: String], kept: KeptFragments?
    ) -> (page: String, csv: [UInt8]) {
        guard theme.isCompiled(ThemeContext.YearContext.self), let kept else {
            var year = year
            if let whole { year.reports = ParallelMap.map(year.reports, whole) }
            let page = YearPage(year: year, model: model)
            return (theme.render(page.context()), CSV.bytes(page.table.csvRows))
        }
        let page = YearPage(year: year, model: model)
        let table = page.emptyTable
        var context = page.context(table: table.themeContext)
        let previous = kept.load()
        let keys = year.reports.map { report in digests[report.id].map { $0 + "\0" + report.id } }
        var fields: [[String]?] = keys.map { key in key.flatMap { previous[$0] }.flatMap { $0.count == 2 ? $0 : nil } }
        let missing = fields.indices.filter { fields[$0] == nil }
        let made = ParallelMap.map(missing.map { year.reports[$0] }) { [context] report -> [String] in
            let row = Self.row(whole?(report) ?? report)
            var html = ""
            CompiledTheme.yearRows(context, context.year.table, TableView.themeContext(row), into: &html)
            return [html, TableView.csvLine(row)]
        }
        for (index, row) in zip(missing, made) { fields[index] = row }
        let rows = fields.map { $0 ?? ["", ""] }
        if !missing.isEmpty || previous.count != rows.count {
            kept.save(zip(keys, rows).compactMap { key, row in key.map { (key: $0, fields: row) } })
        }
        context.year.table.rows = rows.map { ThemeContext.TableRow(kept: $0[0]) }
        var csv = CSV.bytes(table.csvRows)
        for row in rows { csv += Array(row[1].utf8) + [0x0D, 0x0A] }
        return (theme.render(context), csv)
    }
}

/// search.html: the offline full-text search.
struct SearchPage {
    var model: SiteModel
    let path = SitePath.search

    func context() -> ThemeContext.SearchContext {
        ThemeContext.SearchContext(common: PageContext.common(page: path, title: "全文检索", model: model, breadcrumbs: [("全文检索", nil)]))
    }
}
