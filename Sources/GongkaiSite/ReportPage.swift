import GongkaiMarkdown
import GongkaiModel

/// reports/<id>.html: metadata, score, findings linked to #L<line>, 表二/三/四, and the full text.
struct ReportPage {
    let report: Report
    let model: SiteModel
    /// The theme keeps the built-in templates (see `PageTheme`): the page's main block is written in
    /// Swift (`ReportMainHTML`) and the context holds it as `report.mainHTML`, with the report's
    /// single values but none of its lists.
    let slim: Bool
    /// 表二/三/四, built once for the page and its CSV.
    let tables: [TableView]
    /// The original file (PDF, Word, web page) is copied into the site: the page links to it.
    var originalInSite = true

    init(report: Report, model: SiteModel, slim: Bool = false) {
        self.report = report
        self.model = model
        self.slim = slim
        tables = ReportTables(report: report).all
    }

    /// The report's CSV of its tables (`ReportTables.csvFile`), nil when it has none.
    var tablesCSV: (path: String, bytes: [UInt8])? {
        ReportTables.csvFile(tables).map { (ReportTables.csvPath(report), $0) }
    }

    var path: String { SitePath.report(report.id) }

    func context() -> [String: Any] {
        let yearKey = SiteModel.yearKey(report.year)
        var common = PageContext.common(page: path, title: Labels.reportHeading(report), model: model, breadcrumbs: [
            (Labels.yearLabel(report.year), SitePath.year(yearKey)), (report.siteName, SitePath.body(model.bodySlug(of: report))),
            (Labels.yearLabel(report.year) + "报告", nil),
        ])
        let root = SitePath.root(from: path)
        let figures = figureRows
        var details: [String: Any] = [
            "heading": Labels.reportHeading(report), "incomplete": report.incomplete,
            "name": report.siteName,
            "bodyHref": SitePath.body(model.bodySlug(of: report)),
            "yearHref": SitePath.year(yearKey),
            "yearLabel": Labels.yearLabel(report.year),
            "findingCount": report.findings.count,
            "hasFindings": !report.findings.isEmpty,
            "diagnosticCount": report.diagnostics.count,
            "hasDiagnostics": !report.diagnostics.isEmpty,
            "hasFigures": !figures.isEmpty,
            "source": report.source,
            "encoding": report.encoding,
        ]
        if let website { details["website"] = website }
        let textHTML = MarkdownRenderer.htmlWithLineAnchors(report.text, firstLine: report.textStartLine, referencedLines: referencedLines)
        if slim {
            // The built-in report template is `{{{report.mainHTML}}}` (see `PageTheme`): the same bytes, written in Swift.
            details["mainHTML"] = ReportMainHTML(page: self, root: root, figures: figures, textHTML: textHTML).html()
            common["report"] = details
            return common
        }
        details["meta"] = metaRows.map { row -> [String: Any] in ["label": row.label, "value": row.value, "line": Self.line(row.line)] }
        details["findings"] = findingRows.map { row -> [String: Any] in
            ["severity": row.severity, "severityLabel": row.severityLabel, "title": row.title, "message": row.message, "line": Self.line(row.line)]
        }
        details["diagnostics"] = diagnosticRows.map { row -> [String: Any] in
            ["severity": row.severity, "severityLabel": row.severityLabel, "message": row.message, "line": Self.line(row.line)]
        }
        details["sections"] = sectionRows.map { row -> [String: Any] in
            if let line = row.line { return ["heading": row.heading, "present": true, "line": line] }
            return ["heading": row.heading, "present": false]
        }
        details["figures"] = figures.map { row -> [String: Any] in
            ["label": row.label, "value": row.value, "line": row.line, "excerpt": row.excerpt, "uncertain": row.uncertain]
        }
        details["tables"] = tables.map { $0.templateValue(root: root, slim: false) }
        details["textHTML"] = textHTML
        if let conversion = ConversionText.context(report, root: root, linksOriginal: originalInSite) { details["conversion"] = conversion }
        if let score = report.score { details["score"] = ScoreView(score: score, weights: model.config.weights, incomplete: report.incomplete).context() }
        common["report"] = details
        return common
    }

    /// A line for the template: false when there is none, so that `{{#line}}` is skipped.
    static func line(_ line: Int?) -> Any { line.map { $0 as Any } ?? false }

    /// The site it was published on, when it is a web address.
    var website: String? {
        guard let website = report.website else { return nil }
        if website.hasPrefix("http://") || website.hasPrefix("https://") { return website }
        if website.hasPrefix("www.") { return "http://" + website }
        return nil
    }

    /// Every line the page links to.
    private var referencedLines: [Int] {
        report.findings.compactMap(\.line) + report.diagnostics.compactMap(\.line) + Array(report.lines.values)
            + report.sections.map(\.line) + (report.score?.parts.flatMap { $0.deductions.compactMap(\.line) } ?? [])
            + [report.figures.proactiveItems, report.figures.newMediaPosts, report.figures.applicationsReceived].compactMap { $0?.line }
            + KeyFigure.all.compactMap { $0.line(report) }
    }

    struct MetaRow { var label: String, value: String, line: Int? }

    /// City, county and town as far as known: `淮安市 洪泽区`, `姚安县 太平镇`.
    var place: String? {
        let parts = [report.city, report.county, report.town].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    var metaRows: [MetaRow] {
        let rows: [(String, String?, String)] = [
            ("机关", report.body, "body"), ("机关类型", report.kind?.label, "kind"), ("所在地", place, "city"),
            ("年度", report.year.map { "\($0)年" }, "year"),
            ("统计期限", report.period.map { "\($0.start) 至 \($0.end)" }, "period"),
            ("报告格式", report.format == nil ? nil : Labels.format(report.format), "format"),
            ("地址", report.contact.address, "contact.address"), ("邮编", report.contact.postcode, "contact.postcode"),
            ("电话", report.contact.phone, "contact.phone"), ("传真", report.contact.fax, "contact.fax"),
            ("电子邮箱", report.contact.email, "contact.email"),
            ("印发机关", report.issued.by, "issued.by"), ("印发日期", report.issued.date, "issued.date"),
        ]
        return rows.compactMap { label, value, key in
            guard let value else { return nil }
            return MetaRow(label: label, value: value, line: report.lines[key])
        }
    }

    struct NoteRow { var severity: String, severityLabel: String, title: String, message: String, line: Int? }

    /// Errors first, then by line.
    var findingRows: [NoteRow] {
        report.findings.sorted { ($0.severity, $0.line ?? 0) < ($1.severity, $1.line ?? 0) }.map { finding in
            NoteRow(severity: finding.severity.rawValue, severityLabel: Labels.severity(finding.severity), title: Labels.rule(finding.rule),
                    message: Labels.findingText(finding.messageZh, rule: finding.rule), line: finding.line)
        }
    }

    /// Diagnostics have no title.
    var diagnosticRows: [NoteRow] {
        report.diagnostics.map { diagnostic in
            NoteRow(severity: diagnostic.severity.rawValue, severityLabel: Labels.severity(diagnostic.severity), title: "",
                    message: DiagnosticText.describe(diagnostic), line: diagnostic.line)
        }
    }

    /// The six sections; `line` nil: the section is missing.
    var sectionRows: [(heading: String, line: Int?)] {
        (1...6).map { number in (SectionTitle.heading(number), report.section(number)?.line) }
    }

    struct FigureRow { var label: String, value: String, line: Int, excerpt: String, uncertain: Bool }

    var figureRows: [FigureRow] {
        let figures: [(String, NarrativeFigure?)] = [
            ("主动公开信息", report.figures.proactiveItems), ("新媒体发布", report.figures.newMediaPosts),
            ("收到申请", report.figures.applicationsReceived),
        ]
        return figures.compactMap { label, figure in
            guard let figure else { return nil }
            return FigureRow(label: label, value: Labels.number(figure.value), line: figure.line, excerpt: figure.excerpt, uncertain: figure.uncertain)
        }
    }
}
