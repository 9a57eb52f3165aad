import GongkaiCheck
import GongkaiModel

/// reports/<id>-copied.html: for a report with a `text.copied` finding, each flagged section
/// beside the same section of the body's report of the year before, the repeated passages in
/// <mark>. Its own page: two sections of a report side by side are too long for the report page.
struct CopiedPage {
    var report: Report
    var previous: Report
    var model: SiteModel

    static func path(_ report: Report) -> String { "reports/\(report.id)-copied.html" }

    /// The page's path when the report has an open `text.copied` finding.
    static func link(_ report: Report) -> String? {
        report.findings.contains { $0.rule == CopiedTextRule.rule && $0.isOpen } ? path(report) : nil
    }

    func context() -> ThemeContext.CopiedContext {
        let path = Self.path(report)
        let thisLabel = Labels.yearLabel(report.year) + "报告", lastLabel = Labels.yearLabel(previous.year) + "报告"
        let flagged = Set(report.findings.filter { $0.rule == CopiedTextRule.rule && $0.isOpen }.compactMap(\.line))
        let sections = CopiedTextRule.shares(report, previous: previous).filter { flagged.contains($0.section.line) }.compactMap { section, share -> ThemeContext.CopiedSection? in
            guard let earlier = previous.section(section.number) else { return nil }
            return ThemeContext.CopiedSection(
                heading: SectionTitle.heading(section.number), share: RateView.percent(share, signed: false),
                thisHTML: Self.html(section.text, other: earlier.text), lastHTML: Self.html(earlier.text, other: section.text))
        }
        let heading = report.siteName + "：与上年报告对照"
        let common = PageContext.common(page: path, title: heading, model: model, breadcrumbs: [
            (report.siteName, SitePath.body(model.bodySlug(of: report))), (thisLabel, SitePath.report(report.id)), ("与上年对照", nil),
        ])
        return ThemeContext.CopiedContext(common: common, copied: ThemeContext.CopiedInfo(
            heading: heading, reportHref: SitePath.report(report.id), previousHref: SitePath.report(previous.id),
            previousLabel: lastLabel, thisLabel: thisLabel, sections: sections))
    }

    /// The text escaped, its passages found in `other` in <mark>.
    static func html(_ text: String, other: String) -> String {
        TextReuse.marked(text, in: TextReuse.shingles(other)).map { run in
            run.repeated ? "<mark>" + HTML.escape(String(run.text)) + "</mark>" : HTML.escape(String(run.text))
        }.joined()
    }
}

extension SiteBuilder {
    /// Writes a report's copied-text page, made again only when it or its previous report changed.
    static func copiedPage(_ cached: Report, model: SiteModel, theme: PageTheme, keys: RenderKeys?, deferred: DeferredReports?, into sink: FileCount) throws {
        let slug = model.bodySlug(of: cached)
        // The body's report of the year before, as the body page groups the years.
        let earlier = cached.year.flatMap { year in model.bodies.first(where: { $0.slug == slug })?.reports.first { $0.year == year - 1 } }
        guard let earlier else {
            // The check found a previous report the body page does not group with it (a duplicate):
            // the page the report links to says so rather than being missing.
            var context = CopiedPage(report: cached, previous: cached, model: model).context()
            context.copied.sections = []
            context.copied.previousHref = SitePath.body(slug)
            context.copied.previousLabel = "历年报告"
            return try sink.put(CopiedPage.path(cached), theme.render(context))
        }
        let key = keys.flatMap { keys in keys.report(cached, bodySlug: slug).flatMap { own in keys.report(earlier, bodySlug: slug).map { "copied\0" + own + "\0" + $0 } } }
        try sink.keyed([CopiedPage.path(cached)], key: key) {
            let report = deferred?.whole(cached) ?? cached, previous = deferred?.whole(earlier) ?? earlier
            try sink.put(CopiedPage.path(cached), theme.render(CopiedPage(report: report, previous: previous, model: model).context()))
        }
    }
}
