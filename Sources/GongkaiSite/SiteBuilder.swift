import Foundation
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

/// Builds the static site: content → reports → pages. `generate(into:)` hands each file to a
/// sink as soon as it is made (GongkaiWrite's `build()` stages them and swaps the folder in
/// atomically); `generate()` collects them in memory.
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
    /// Every file under the content folder with its stamp (`size:mtime:inode`, by absolute,
    /// standardized path), when the caller has just walked it (`build()` has, for its manifest);
    /// nil: the folder is walked and each file stat'ed here.
    public var contentStamps: [String: String]?
    /// When set, `generate(into:)` writes the report cache on another thread inside this group
    /// and returns without waiting; the caller waits on it (nil: the cache is written before returning).
    public var backgroundWork: DispatchGroup?
    /// A file is there that was not at the last build: ICU's transliterator is made ahead, on
    /// another thread, unless the cache kept the names' readings (then the new report's names were
    /// most likely read before, and making it would only take a core from the rebuild: ~60 ms).
    public var expectsNewReports = false
    /// Build into an output folder that is not empty and has no mark of gongkai's (`--force`):
    /// none of its files is removed; those at the site's own paths are replaced.
    public var forceOutput = false

    public init(contentDirectory: URL, themeDirectory: URL?, outputDirectory: URL, config: SiteConfig? = nil) {
        self.contentDirectory = contentDirectory
        self.themeDirectory = themeDirectory
        self.outputDirectory = outputDirectory
        self.config = config
    }

    /// Prepares, on another thread, what parsing a report not seen before needs (ICU's
    /// transliterator, for its id), while the caller does other work.
    public static func expectNewReports() { Transliterations.warmUp() }

    /// Loads, parses, checks and renders everything into memory. Throws only for a broken theme
    /// or an unreadable content folder; files that fail to load are listed in `summary.skipped`.
    public func generate() throws -> GeneratedSite {
        let sink = MemorySink()
        let summary = try generate(into: sink)
        return GeneratedSite(files: sink.files, summary: summary)
    }

    /// Loads, parses, checks and renders everything, putting each file into `sink` as it is made.
    public func generate(into sink: some SiteSink) throws -> BuildSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        let theme = try Theme.load(overridesIn: themeDirectory)
        let config = try self.config ?? SiteConfigLoader.load(contentDirectory: contentDirectory)
        let walk = try ReportPipeline.contentWalk(in: contentDirectory)
        let sources = walk.files
        BuildTrace.mark("scan")
        let cache = ReportCache(directory: cacheDirectory)
        if expectsNewReports, !cache.keptTransliterations { Self.expectNewReports() }
        BuildTrace.mark("cache load")
        let converted = cacheDirectory.map { ConvertedTextCache(directory: $0.appendingPathComponent("converted")) }
        let output = ReportPipeline.cachedReports(
            from: sources, stamps: contentStamps, root: contentDirectory, config: config, cache: cache, converted: converted,
            progress: ProgressCounter(stage: "parse", total: sources.count, report: progress))
        BuildTrace.mark("reports")
        if let converted {
            let root = contentDirectory.standardizedFileURL.path
            converted.prune(currentFiles: Set(sources.map { ReportPipeline.relativePath($0, root: root) }))
        }
        let known = Known(
            digests: output.digests, sources: output.sources, deferred: output.deferred, cache: cache,
            previousJSON: outputDirectory.appendingPathComponent(ReportsJSON.path), cacheDirectory: cacheDirectory)
        if let cacheDirectory { try? FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true) }
        var summary = try assemble(reports: output.reports, theme: theme, config: config, originals: contentDirectory, known: known, into: sink)
        summary.skipped = walk.skipped.map(\.description) + output.skipped + summary.skipped
        summary.cacheHits = output.cacheHits
        summary.notes = cache.notes + output.notes
        if let background = backgroundWork {
            // Written (and the reports let go of) beside the caller's commit of the output.
            background.enter()
            DispatchQueue.global(qos: .userInitiated).async { [output, known] in
                cache.save()
                withExtendedLifetime((output, known)) {}
                background.leave()
            }
        } else {
            cache.save()
            BuildTrace.mark("cache save")
        }
        summary.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return summary
    }

    /// Every file of the site for reports already parsed and checked (no disk access).
    func assemble(reports: [Report], theme: Theme, config: SiteConfig = SiteConfig()) throws -> GeneratedSite {
        let sink = MemorySink()
        let summary = try assemble(reports: reports, theme: theme, config: config, into: sink)
        return GeneratedSite(files: sink.files, summary: summary)
    }

    /// One unit of work of the render stage: a page with the CSV twins of its tables, or one of
    /// the whole-site files.
    enum Job: Sendable {
        case searchIndex, reportsJSON, reportsCSV, feeds, assets
        case index, search, rates, places, copied(Report), report(Report), body(SiteModel.Body), year(SiteModel.Year), findings(SiteModel.Year), ranking(SiteModel.Year)
        case searchShard(SiteModel.Year)
        /// The year's 整改通知 archive.
        case notices(SiteModel.Year)
    }

    /// Renders every page and export in parallel (Markdown parsing inside is serialized by
    /// GongkaiMarkdown), each written to `sink` as soon as it is done. The two largest files
    /// (search index, reports.json) start first, so that no core idles at the end.
    /// `originals`: the content folder, from which PDF, Word and web-page reports are copied into the site.
    func assemble(
        reports: [Report], theme: Theme, config: SiteConfig, originals: URL? = nil, known: Known? = nil, into sink: some SiteSink
    ) throws -> BuildSummary {
        let model = SiteModel(reports: reports, config: config)
        BuildTrace.mark("site model")
        let pageTheme = PageTheme(theme)
        let keys = sink.keepsRenderKeys ? RenderKeys(model: model, theme: pageTheme, digests: known?.digests ?? [:]) : nil
        BuildTrace.mark("render keys")
        let pageJobs: [Job] = [.index, .search, .rates, .places] + model.reports.map(Job.report) + model.bodies.map(Job.body)
            + model.years.map(Job.year) + model.years.map(Job.findings) + model.years.map(Job.ranking)
            + model.reports.filter { CopiedPage.link($0) != nil }.map(Job.copied)
        let jobs: [Job] = model.years.map(Job.searchShard) + [.reportsJSON] + pageJobs + model.years.map(Job.notices)
            + [.searchIndex, .reportsCSV, .feeds, .assets]
        let pages = pageJobs.compactMap { Self.pagePath($0, model: model) }
        let counter = ProgressCounter(stage: "render", total: pageJobs.count, report: progress)
        let files = FileCount(sink)
        let failure = FirstError()
        let notices = NoticeDocxStore()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            failure.run {
                let began = BuildTrace.enabled ? DispatchTime.now().uptimeNanoseconds : 0
                defer { if BuildTrace.enabled { BuildTrace.job(Self.pagePath(jobs[index], model: model) ?? Self.traceName(jobs[index]), since: began) } }
                try Self.run(jobs[index], model: model, theme: pageTheme, keys: keys, known: known, notices: notices, pages: pages, originals: originals, into: files)
                if Self.pagePath(jobs[index], model: model) != nil { counter.step() }
            }
        }
        try failure.rethrow()
        BuildTrace.mark("render")
        return BuildSummary(
            reportsRead: reports.count, skipped: files.vanishedFiles, pagesWritten: pages.count, filesWritten: files.count,
            findings: reports.reduce(0) { $0 + $1.findings.count })
    }

    static func pagePath(_ job: Job, model: SiteModel) -> String? {
        switch job {
        case .index: SitePath.index
        case .search: SitePath.search
        case .rates: RatesPage.path
        case .places: PlacePages.indexPath
        case .copied(let report): CopiedPage.path(report)
        case .report(let report): SitePath.report(report.id)
        case .body(let body): SitePath.body(body.slug)
        case .year(let year): SitePath.year(year.key)
        case .findings(let year): SitePath.findings(year.key)
        case .ranking(let year): SitePath.ranking(year.key)
        case .searchIndex, .searchShard, .reportsJSON, .reportsCSV, .feeds, .assets, .notices: nil
        }
    }

    static func traceName(_ job: Job) -> String {
        switch job {
        case .searchIndex: "search index"
        case .searchShard(let year): SearchIndex.shardPath(year.key)
        case .reportsJSON: ReportsJSON.path
        case .reportsCSV: "data/reports.csv"
        case .feeds: "feeds"
        case .assets: "assets"
        case .notices(let year): SitePath.notices(year.key)
        default: "page"
        }
    }

    private static func run(
        _ job: Job, model: SiteModel, theme: PageTheme, keys: RenderKeys?, known: Known?, notices: NoticeDocxStore, pages: [String], originals: URL?,
        into sink: FileCount
    ) throws {
        let deferred = known?.deferred
        switch job {
        case .searchIndex: try sink.put(SearchIndex.path, SearchIndex.loader(yearKeys: model.years.map(\.key)))
        case .searchShard(let year):
            let path = SearchIndex.shardPath(year.key)
            let key = keys?.year(year, kind: "search", model: model)
            if let key, sink.reuse([path], key: key) { return }
            let kept = known.flatMap { known in
                known.cacheDirectory.map { SearchDocuments(directory: $0, yearKey: year.key, digests: known.digests) }
            }
            try sink.put(path) { try SearchIndex.write(year.reports, deferred: deferred, kept: kept, to: $0) }
            if let key { sink.remember([path], key: key) }
        case .reportsJSON:
            guard let known else { return try sink.put(ReportsJSON.path) { try DataExports.writeJSON(model.reports, to: $0) } }
            let elements = known.cache.jsonElements(in: known.previousJSON.path)
            let file = known.previousJSON.path
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
            let previous = elements.isEmpty ? nil : size.map { (file: file, size: $0, elements: elements) }
            var written: [String: ReportsJSON.Element] = [:]
            try sink.put(ReportsJSON.path, pieces: { emit in
                written = try ReportsJSON.write(
                    model.reports, previous: previous, digests: known.digests, sources: known.sources, whole: { [deferred = known.deferred] in deferred.whole($0) }, to: emit)
            })
            known.cache.recordJSON(stamp: sink.stamp(of: ReportsJSON.path), elements: written)
        case .reportsCSV:
            let kept = known.flatMap { known in known.cacheDirectory.map { (rows: KeptFragments(directory: $0, name: "rows-csv"), digests: known.digests) } }
            try sink.put("data/reports.csv", DataExports.csv(model.reports, deferred: deferred, kept: kept))
        case .feeds:
            try sink.put("sitemap.xml", Feeds.sitemap(pages: pages, base: model.config.baseURL))
            try sink.put("feed.xml", Feeds.atom(model.reports, title: model.config.title, base: model.config.baseURL))
        case .assets:
            // A theme's own file of the same name as a generated one does not replace it.
            for (path, bytes) in theme.theme.assets where path != SearchIndex.path && !path.hasPrefix("assets/search/") { try sink.put(path, bytes) }
        case .index:
            var page = IndexPage(model: model)
            if let known, let directory = known.cacheDirectory {
                page.kept = (KeptFragments(directory: directory, name: "tables-index"), known.digests)
                page.cells = DashboardCells(kept: KeptFragments(directory: directory, name: "cells-dashboard"), digests: known.digests)
            }
            if let deferred { page.cells.whole = { deferred.whole($0) } }
            try sink.put(page.path, theme.render(page.context(compiled: theme.isCompiled(ThemeContext.IndexContext.self))))
        case .search:
            let page = SearchPage(model: model)
            try sink.put(page.path, theme.render(page.context()))
        case .copied(let cached):
            try Self.copiedPage(cached, model: model, theme: theme, keys: keys, deferred: deferred, into: sink)
        case .rates:
            try sink.keyed([RatesPage.path, RatesPage.csvPath], key: keys?.allReports(kind: "rates", model: model)) {
                var page = RatesPage(model: model)
                if let known {
                    let kept = known.cacheDirectory.map { KeptFragments(directory: $0, name: "rate-cells") }
                    let whole: @Sendable (Report) -> Report = { [deferred = known.deferred] in deferred.whole($0) }
                    page.cells = { reports in
                        guard let kept else { return ParallelMap.map(reports) { RateCells(whole($0)) } }
                        return KeptRateCells(kept: KeptByReport(fragments: kept, digests: known.digests), whole: whole).cells(reports)
                    }
                }
                let years = page.years
                try sink.put(RatesPage.path, theme.render(page.context(years: years)))
                try sink.put(RatesPage.csvPath, page.csv(years: years))
            }
        case .places:
            var whole: (@Sendable (Report) -> Report)?
            if let deferred { whole = { deferred.whole($0) } }
            try PlacePages.write(model: model, theme: theme, keys: keys, whole: whole, into: sink)
        case .report(let cached):
            let original = ConversionText.originalPath(cached)
            let paths = [SitePath.report(cached.id)] + ReportTables.csvPaths(cached) + (original.map { [$0] } ?? []) + NoticeLinks.paths(cached)
            try sink.keyed(paths, key: keys?.report(cached, bodySlug: model.bodySlug(of: cached))) {
                let report = deferred?.complete(cached) ?? cached
                // Read before the page is made: a file gone since it was parsed is not linked to.
                var bytes: Data?
                if original != nil, let source = report.conversion?.original, let originals {
                    bytes = FileManager.default.contents(atPath: originals.appendingPathComponent(source).path)
                    if bytes == nil {
                        sink.vanished("\(source): error: the file could not be read again to copy it into the site (deleted or changed during the build?); its page is published without a link to it: build again")
                    }
                }
                var page = ReportPage(report: report, model: model)
                page.originalInSite = bytes != nil
                try sink.put(page.path, theme.render(page.context()))
                if let csv = page.tablesCSV { try sink.put(csv.path, csv.bytes) }
                if let original, let bytes { try sink.put(original, [UInt8](bytes)) }
                try NoticeFiles.put(report, model: model, theme: theme, store: notices, into: sink)
            }
        case .body(var body):
            try sink.keyed([SitePath.body(body.slug), SitePath.bodyCSV(body.slug)], key: keys?.body(body)) {
                if let deferred { body.reports = body.reports.map(deferred.whole) }
                let page = BodyPage(body: body, model: model)
                try sink.put(page.path, theme.render(page.context()))
                try sink.put(SitePath.bodyCSV(body.slug), CSV.bytes(page.table.csvRows))
            }
        case .year(let year):
            let path = SitePath.year(year.key)
            try sink.keyed([path, SitePath.yearCSV(year.key)], key: keys?.year(year, kind: "year", model: model)) {
                let kept = known?.cacheDirectory.map { KeptFragments(directory: $0, name: "rows-year-\(year.key)") }
                var whole: (@Sendable (Report) -> Report)?
                if let deferred { whole = { deferred.whole($0) } }
                let files = YearPage.files(year: year, model: model, theme: theme, whole: whole, digests: known?.digests ?? [:], kept: kept)
                try sink.put(path, files.page)
                try sink.put(SitePath.yearCSV(year.key), files.csv)
            }
        case .ranking(let year):
            var whole: (@Sendable (Report) -> Report)?
            if let deferred { whole = { deferred.whole($0) } }
            let kept = known.flatMap { known in
                known.cacheDirectory.map { KeptByReport(fragments: KeptFragments(directory: $0, name: "unknown-cells-\(year.key)"), digests: known.digests) }
            }
            try RankingPage.write(year, model: model, theme: theme, keys: keys, whole: whole, kept: kept, into: sink)
        case .notices(let year):
            guard NoticeLinks.count(year) > 0 else { return }
            try sink.keyed([SitePath.notices(year.key)], key: keys?.year(year, kind: "notices", model: model)) {
                let kept = known?.cacheDirectory.map { KeptFragments(directory: $0, name: "notices-\(year.key)") }
                let archive = try notices.archive(year, config: model.config, kept: kept, key: { keys?.report($0, bodySlug: model.bodySlug(of: $0)) },
                                                  complete: { deferred?.complete($0) ?? $0 })
                if let archive { try sink.put(SitePath.notices(year.key), archive) }
            }
        case .findings(let year):
            // Findings are in the reports' summaries: no details needed.
            let pages = FindingsPage.pages(year, model: model)
            let paths = pages.flatMap { [$0.path, $0.csvPath] }
            let kind = "findings\0" + pages[0].suggestions.joined(separator: "\0") + "\0" + paths.joined(separator: "\0")
            try sink.keyed(paths, key: keys?.year(year, kind: kind, model: model)) {
                for page in pages {
                    try sink.put(page.path, theme.render(page.context()))
                    try sink.put(page.csvPath, page.csv)
                }
            }
        }
    }
}

/// What the cached pipeline knows of the reports beyond the reports themselves.
struct Known: Sendable {
    /// Each report's digest, by id (render keys are made from them, not from the reports).
    var digests: [String: String]
    /// Each report's source path, by id.
    var sources: [String: String]
    /// What was left out of unchanged reports (details, texts), read on demand.
    var deferred: DeferredReports
    var cache: ReportCache
    /// The last build's `data/reports.json`, whose unchanged elements are copied.
    var previousJSON: URL
    /// Where the search documents of each year are kept (`SearchDocuments`).
    var cacheDirectory: URL?
}

/// A sink that counts the files put into it.
final class FileCount: @unchecked Sendable {
    private let sink: any SiteSink
    private let lock = NSLock()
    private var files = 0
    private var missing: [String] = []

    init(_ sink: any SiteSink) { self.sink = sink }

    var count: Int { lock.withLock { files } }
    /// Source files that could not be read again while the site was made, named as skipped.
    var vanishedFiles: [String] { lock.withLock { missing.sorted() } }
    func vanished(_ message: String) { lock.withLock { missing.append(message) } }

    func put(_ path: String, _ bytes: [UInt8]) throws {
        try sink.put(path, bytes)
        lock.withLock { files += 1 }
    }

    func put(_ path: String, _ text: String) throws { try put(path, Array(text.utf8)) }

    func reuse(_ paths: [String], key: String) -> Bool {
        guard sink.reuse(paths, key: key) else { return false }
        lock.withLock { files += paths.count }
        return true
    }

    func remember(_ paths: [String], key: String) { sink.remember(paths, key: key) }

    /// Takes `paths` from the previous build when they were made from inputs with this `key`;
    /// otherwise `make` puts them and the key is remembered for the next build (nil: no keys kept).
    func keyed(_ paths: [String], key: String?, make: () throws -> Void) throws {
        if let key, reuse(paths, key: key) { return }
        try make()
        if let key { remember(paths, key: key) }
    }

    func stamp(of path: String) -> String? { sink.stamp(of: path) }

    func put(_ path: String, chunks produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        try sink.put(path, chunks: produce)
        lock.withLock { files += 1 }
    }

    func put(_ path: String, pieces produce: (_ emit: (FilePiece) throws -> Void) throws -> Void) throws {
        try sink.put(path, pieces: produce)
        lock.withLock { files += 1 }
    }
}
