import GongkaiMarkdown
import GongkaiModel

/// reports/<id>.html: metadata, score, findings linked to #L<line>, 表二/三/四, and the full text.
struct ReportPage {
    var report: Report
    var model: SiteModel
    /// Tables as pre-rendered HTML only (the theme keeps the built-in table partial).
    var slim = false

    var path: String { SitePath.report(report.id) }

    func context() -> [String: Any] {
        let yearKey = SiteModel.yearKey(report.year)
        var common = PageContext.common(page: path, title: Labels.reportHeading(report), model: model, breadcrumbs: [
            (Labels.yearLabel(report.year), SitePath.year(yearKey)), (report.displayName, SitePath.body(model.bodySlug(of: report))),
            (Labels.yearLabel(report.year) + "报告", nil),
        ])
        let tables = ReportTables(report: report).all.map { $0.templateValue(root: SitePath.root(from: path), slim: slim) }
        var details: [String: Any] = [
            "heading": Labels.reportHeading(report),
            "name": report.displayName,
            "bodyHref": SitePath.body(model.bodySlug(of: report)),
            "yearHref": SitePath.year(yearKey),
            "yearLabel": Labels.yearLabel(report.year),
            "meta": meta,
            "findings": report.findings.sorted { ($0.severity, $0.line ?? 0) < ($1.severity, $1.line ?? 0) }.map(finding),
            "findingCount": report.findings.count,
            "hasFindings": !report.findings.isEmpty,
            "diagnostics": report.diagnostics.map(diagnostic),
            "diagnosticCount": report.diagnostics.count,
            "hasDiagnostics": !report.diagnostics.isEmpty,
            "sections": sections,
            "figures": figures,
            "hasFigures": !figures.isEmpty,
            "tables": tables,
            "source": report.source,
            "encoding": report.encoding,
            "textHTML": MarkdownRenderer.htmlWithLineAnchors(report.text, firstLine: report.textStartLine, referencedLines: referencedLines),
        ]
        if let conversion = ConversionText.context(report, root: SitePath.root(from: path)) { details["conversion"] = conversion }
        if let website = report.website {
            if website.hasPrefix("http://") || website.hasPrefix("https://") {
                details["website"] = website
            } else if website.hasPrefix("www.") {
                details["website"] = "http://" + website
            }
        }
        if let score = report.score { details["score"] = ScoreView(score: score, weights: model.config.weights).context() }
        common["report"] = details
        return common
    }

    /// Every line the page links to.
    private var referencedLines: [Int] {
        report.findings.compactMap(\.line) + report.diagnostics.compactMap(\.line) + Array(report.lines.values)
            + report.sections.map(\.line) + (report.score?.parts.flatMap { $0.deductions.compactMap(\.line) } ?? [])
            + [report.figures.proactiveItems, report.figures.newMediaPosts, report.figures.applicationsReceived].compactMap { $0?.line }
            + KeyFigure.all.compactMap { $0.line(report) }
    }

    private var meta: [[String: Any]] {
        let rows: [(String, String?, String)] = [
            ("机关", report.body, "body"), ("所在地", report.city.map { c in c + (report.town.map { " " + $0 } ?? "") }, "city"),
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
            var row: [String: Any] = ["label": label, "value": value, "line": false]
            if let line = report.lines[key] { row["line"] = line }
            return row
        }
    }

    private func finding(_ finding: Finding) -> [String: Any] {
        var row: [String: Any] = [
            "severity": finding.severity.rawValue, "severityLabel": Labels.severity(finding.severity),
            "title": Labels.rule(finding.rule), "message": Labels.findingText(finding.messageZh, rule: finding.rule), "line": false,
        ]
        if let line = finding.line { row["line"] = line }
        return row
    }

    private func diagnostic(_ diagnostic: Diagnostic) -> [String: Any] {
        var row: [String: Any] = [
            "severity": diagnostic.severity.rawValue, "severityLabel": Labels.severity(diagnostic.severity), "message": DiagnosticText.describe(diagnostic), "line": false,
        ]
        if let line = diagnostic.line { row["line"] = line }
        return row
    }

    private var sections: [[String: Any]] {
        (1...6).map { number in
            if let section = report.section(number) {
                return ["heading": SectionTitle.heading(number), "present": true, "line": section.line]
            }
            return ["heading": SectionTitle.heading(number), "present": false]
        }
    }

    private var figures: [[String: Any]] {
        let figures: [(String, NarrativeFigure?)] = [
            ("主动公开信息", report.figures.proactiveItems), ("新媒体发布", report.figures.newMediaPosts),
            ("收到申请", report.figures.applicationsReceived),
        ]
        return figures.compactMap { label, figure in
            guard let figure else { return nil }
            return ["label": label, "value": Labels.number(figure.value), "line": figure.line, "excerpt": figure.excerpt, "uncertain": figure.uncertain]
        }
    }
}
