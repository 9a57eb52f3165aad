import Foundation
import GongkaiLoad
import GongkaiModel

/// Builds the static site: content → reports → pages. `generate()` assembles every file in
/// memory; GongkaiWrite's `build()` writes them to the output folder atomically.
public struct SiteBuilder: Sendable {
    public var contentDirectory: URL
    public var themeDirectory: URL?
    public var outputDirectory: URL
    /// Where parsed reports are kept between builds (nil: parse everything every time).
    public var cacheDirectory: URL?
    /// Called as files are parsed and pages rendered (from several threads).
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// The configuration; nil reads `gongkai.yaml` from the content folder (defaults without one).
    public var config: SiteConfig?

    public init(contentDirectory: URL, themeDirectory: URL?, outputDirectory: URL, config: SiteConfig? = nil) {
        self.contentDirectory = contentDirectory
        self.themeDirectory = themeDirectory
        self.outputDirectory = outputDirectory
        self.config = config
    }

    /// Loads, parses, checks and renders everything. Throws only for a broken theme or an
    /// unreadable content folder; files that fail to load are listed in `summary.skipped`.
    public func generate() throws -> GeneratedSite {
        let start = DispatchTime.now().uptimeNanoseconds
        let theme = try Theme.load(overridesIn: themeDirectory)
        let config = try self.config ?? SiteConfigLoader.load(contentDirectory: contentDirectory)
        let sources = try ReportPipeline.contentFiles(in: contentDirectory)
        let cache = ParseCache(directory: cacheDirectory)
        let (reports, skipped, notes) = ReportPipeline.reports(
            from: sources, root: contentDirectory, config: config, cache: cache,
            progress: ProgressCounter(stage: "parse", total: sources.count, report: progress))
        var site = try assemble(reports: reports, theme: theme, config: config)
        cache.save()
        site.summary.skipped = skipped
        site.summary.cacheHits = cache.hits
        site.summary.notes = cache.notes + notes
        site.summary.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return site
    }

    /// Every file of the site for reports already parsed and checked (no disk access).
    func assemble(reports: [Report], theme: Theme, config: SiteConfig = SiteConfig()) throws -> GeneratedSite {
        let model = SiteModel(reports: reports, config: config)

        var files: [String: [UInt8]] = [:]
        let pages = renderPages(model: model, theme: PageTheme(theme))
        for (path, html) in pages { files[path] = Array(html.utf8) }
        for (path, bytes) in theme.assets { files[path] = bytes }
        for report in model.reports {
            for table in ReportTables(report: report).all { if let path = table.csvHref { files[path] = CSV.bytes(table.csvRows) } }
        }
        for body in model.bodies { files[SitePath.bodyCSV(body.slug)] = CSV.bytes(BodyPage(body: body, model: model).table.csvRows) }
        for year in model.years { files[SitePath.yearCSV(year.key)] = CSV.bytes(YearPage(year: year, model: model).table.csvRows) }
        files["data/reports.json"] = try DataExports.json(model.reports)
        files["data/reports.csv"] = DataExports.csv(model.reports)
        files["assets/search-index.js"] = try SearchIndex.script(model.reports)
        files["sitemap.xml"] = Feeds.sitemap(pages: pages.map(\.0), base: config.baseURL)
        files["feed.xml"] = Feeds.atom(model.reports, title: config.title, base: config.baseURL)

        let summary = BuildSummary(
            reportsRead: reports.count, pagesWritten: pages.count, filesWritten: files.count,
            findings: reports.reduce(0) { $0 + $1.findings.count })
        return GeneratedSite(files: files, summary: summary)
    }

    /// Every HTML page, rendered in parallel (Markdown parsing inside is serialized by GongkaiMarkdown).
    private func renderPages(model: SiteModel, theme: PageTheme) -> [(String, String)] {
        let slim = theme.slim
        enum Job: Sendable {
            case index, search, report(Report), body(SiteModel.Body), year(SiteModel.Year), findings(SiteModel.Year)
        }
        let jobs: [Job] = [.index, .search] + model.reports.map(Job.report) + model.bodies.map(Job.body)
            + model.years.map(Job.year) + model.years.map(Job.findings)
        let counter = ProgressCounter(stage: "render", total: jobs.count, report: progress)
        return ParallelMap.map(jobs) { job -> (String, String) in
            defer { counter.step() }
            switch job {
            case .index: let page = IndexPage(model: model, slim: slim); return (page.path, theme.render("index", page.context()))
            case .search: let page = SearchPage(model: model); return (page.path, theme.render("search", page.context()))
            case .report(let report): let page = ReportPage(report: report, model: model, slim: slim); return (page.path, theme.render("report", page.context()))
            case .body(let body): let page = BodyPage(body: body, model: model, slim: slim); return (page.path, theme.render("body", page.context()))
            case .year(let year): let page = YearPage(year: year, model: model, slim: slim); return (page.path, theme.render("year", page.context()))
            case .findings(let year): let page = FindingsPage(year: year, model: model, slim: slim); return (page.path, theme.render("findings", page.context()))
            }
        }
    }
}
