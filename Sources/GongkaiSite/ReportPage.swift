import GongkaiMarkdown
import GongkaiModel

/// reports/<id>.html: metadata, score, findings linked to #L<line>, 表二/三/四, and the full text.
struct ReportPage {
    let report: Report
    let model: SiteModel
    /// 表二/三/四, built once for the page and its CSV.
    let tables: [TableView]
    /// The original file (PDF, Word, web page) is copied into the site: the page links to it.
    var originalInSite = true

    init(report: Report, model: SiteModel) {
        self.report = report
        self.model = model
        tables = ReportTables(report: report).all
    }

    /// The report's CSV of its tables (`ReportTables.csvFile`), nil when it has none.
    var tablesCSV: (path: String, bytes: [UInt8])? {
        ReportTables.csvFile(tables).map { (ReportTables.csvPath(report), $0) }
    }

    var path: String { SitePath.report(report.id) }

    func context() -> ThemeContext.ReportContext {
        let yearKey = SiteModel.yearKey(report.year)
        let common = PageContext.common(page: path, title: Labels.reportHeading(report), model: model, breadcrumbs: [
            (Labels.yearLabel(report.year), SitePath.year(yearKey)), (report.siteName, SitePath.body(model.bodySlug(of: report))),
            (Labels.yearLabel(report.year) + "报告", nil),
        ])
        let root = SitePath.root(from: path)
        let figures = figureRows
        let details = ThemeContext.ReportInfo(
            heading: Labels.reportHeading(report), incomplete: report.incomplete, name: report.siteName, bodyHref: SitePath.body(model.bodySlug(of: report)),
            yearHref: SitePath.year(yearKey), yearLabel: Labels.yearLabel(report.year),
            findingCount: report.findings.count, hasFindings: !report.findings.isEmpty,
            diagnosticCount: report.diagnostics.count, hasDiagnostics: !report.diagnostics.isEmpty, hasFigures: !figures.isEmpty,
            source: report.source, encoding: report.encoding, website: website,
            meta: metaRows.map { ThemeContext.MetaRow(label: $0.label, value: $0.value, line: $0.line) },
            findings: findingRows, diagnostics: diagnosticRows,
            sections: sectionRows.map { ThemeContext.SectionRow(heading: $0.heading, present: $0.line != nil, line: $0.line) },
            figures: figures, tables: tables.map(\.themeContext),
            textHTML: MarkdownRenderer.htmlWithLineAnchors(report.text, firstLine: report.textStartLine, referencedLines: referencedLines),
            conversion: ConversionText.context(report, root: root, linksOriginal: originalInSite),
            score: report.score.map { ScoreView(score: $0, weights: model.config.weights, incomplete: report.incomplete).themeContext },
            revisions: RevisionText.rows(report), hasRevisions: !report.revisions.isEmpty,
            dismissedCount: report.findings.reduce(0) { $0 + ($1.isOpen ? 0 : 1) },
            rates: RateView.reportRows(report), copiedHref: CopiedPage.link(report),
            notice: NoticeLinks.link(report), noticeNote: NoticeLinks.note(report))
        return ThemeContext.ReportContext(common: common, report: details)
    }

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

    /// Errors first, then by line; each with its stable id and its dismissal (`RevisionText`).
    var findingRows: [ThemeContext.NoteRow] { RevisionText.findingRows(report) }

    /// Diagnostics have no title.
    var diagnosticRows: [ThemeContext.NoteRow] {
        report.diagnostics.map { diagnostic in
            ThemeContext.NoteRow(severity: diagnostic.severity.rawValue, severityLabel: Labels.severity(diagnostic.severity), title: "",
                    message: DiagnosticText.describe(diagnostic), line: diagnostic.line)
        }
    }

    /// The six sections; `line` nil: the section is missing.
    var sectionRows: [(heading: String, line: Int?)] {
        (1...6).map { number in (SectionTitle.heading(number), report.section(number)?.line) }
    }

    var figureRows: [ThemeContext.FigureRow] {
        let figures: [(String, NarrativeFigure?)] = [
            ("主动公开信息", report.figures.proactiveItems), ("新媒体发布", report.figures.newMediaPosts),
            ("收到申请", report.figures.applicationsReceived),
        ]
        return figures.compactMap { label, figure in
            guard let figure else { return nil }
            return ThemeContext.FigureRow(label: label, value: Labels.number(figure.value), line: figure.line, excerpt: figure.excerpt, uncertain: figure.uncertain)
        }
    }
}
