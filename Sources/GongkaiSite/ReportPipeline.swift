import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiCheck
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

/// Load → parse → check for every report file under the content folder.
enum ReportPipeline {
    /// Text reports, and PDF / Word / saved web pages converted to text first.
    static let extensions: Set<String> = ReportFileLoader.extensions

    /// The report files under `directory`, sorted by path (`ContentWalk`: hidden files and folders
    /// skipped, links followed only inside the folder, each file once).
    static func contentFiles(in directory: URL) throws -> [URL] {
        try contentPaths(in: directory).map { URL(fileURLWithPath: $0, isDirectory: false) }
    }

    /// `contentFiles(in:)` as absolute paths.
    static func contentPaths(in directory: URL) throws -> [String] { try contentWalk(in: directory).files }

    /// The report files under `directory` and the files and folders that cannot be read, named.
    static func contentWalk(in directory: URL) throws -> ContentWalk {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let top = opendir(directory.path) else {
            throw SiteError.contentUnreadable(directory.path)
        }
        closedir(top)
        return ContentWalk.walk(directory) { name in
            guard let dot = name.lastIndex(of: "."), !name.hasPrefix("~$") else { return false }
            return ReportFileLoader.extensions.contains(name[name.index(after: dot)...].lowercased())
        }
    }

    /// Loads and parses every file (in parallel), then checks each against the same body's
    /// previous year. Returns the reports with unique ids, and the files that failed to load.
    /// A file whose path and bytes are in `cache` is not parsed again; a PDF, Word file or web
    /// page whose bytes are in `converted` is not converted again.
    static func reports(
        from files: [URL], root: URL, config: SiteConfig, cache: ParseCache, converted: ConvertedTextCache? = nil,
        progress: ProgressCounter? = nil
    ) -> (reports: [Report], skipped: [String], notes: [String]) {
        let results = ParallelMap.map(files) { url -> Result<Report, LoadError> in
            defer { progress?.step() }
            let relative = relativePath(url, root: root)
            guard let bytes = try? [UInt8](Data(contentsOf: url)) else {
                return .failure(LoadError(path: relative, message: "cannot read the file"))
            }
            let key: String? = ParseCache.key(path: relative, bytes: bytes)
            do throws(LoadError) {
                let source = try ReportFileLoader.load(bytes: bytes, fileAt: url, path: relative, cache: converted)
                // The export (and so the cache) leaves out the text: it is put back from the file.
                if let key, var report = cache.report(for: key) {
                    report.text = source.text
                    report.textStartLine = source.textStartLine
                    return .success(report)
                }
                let report = ReportParser.parse(source)
                if let key { cache.store(report, for: key) }
                return .success(report)
            } catch {
                return .failure(error)
            }
        }
        var parsed: [Report] = []
        var skipped: [String] = []
        for result in results {
            switch result {
            case .success(let report): parsed.append(report)
            case .failure(let error): skipped.append(error.description)
            }
        }
        let unique = uniqueIDs(parsed)
        let index = PreviousReportIndex(unique, roster: config.roster)
        let reviews = ReviewFiles.find(in: root)
        let checked = ParallelMap.map(unique) { report in
            ReportChecker.check(report, previous: index.previous(of: report), config: config, review: reviews.review(forReport: report.source))
        }
        let resolution = DuplicateReports.resolve(checked)
        let notes = resolution.notes + reviews.orphans(reportPaths: files.map { relativePath($0, root: root) }) + ReviewFiles.notes(resolution.reports)
        return (resolution.reports, skipped, notes)
    }

    /// A content file's path relative to the content folder, as reports and caches name it.
    static func relativePath(_ path: String, root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : String(path.split(separator: "/").last ?? "")
    }

    static func relativePath(_ url: URL, root: URL) -> String {
        url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
    }

    /// Makes ids safe as file names and unique: a second `x` becomes `x-2`.
    static func uniqueIDs(_ reports: [Report]) -> [Report] {
        zip(reports, uniqueIDs(reports.map(\.id))).map { report, id in
            var report = report
            report.id = id
            return report
        }
    }

    static func uniqueIDs(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.map { parsed in
            let base = isSlug(parsed) ? parsed : SitePath.slug(parsed.replacingOccurrences(of: ".txt", with: "").replacingOccurrences(of: ".md", with: ""))
            var id = base
            var counter = 2
            while seen.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            seen.insert(id)
            return id
        }
    }

    static func isSlug(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

extension ReportPipeline {
    /// What the cached pipeline hands to the render stage besides the reports.
    struct Output: Sendable {
        var reports: [Report]
        var skipped: [String]
        var notes: [String]
        /// Each report's digest (its checked content and its file's bytes), by final id.
        var digests: [String: String]
        /// Each report's source path, by final id.
        var sources: [String: String]
        /// What was left out of the reports whose file did not change.
        var deferred: DeferredReports
        /// Reports taken from the cache (not parsed again).
        var cacheHits: Int
    }

    /// One file's way through the cached pipeline.
    private struct Loaded: Sendable {
        var report: Report
        var path: String
        var stamp: String
        var parseKey: String
        var parsedID: String
        /// The cache entry the report came from, when it did.
        var entry: ReportCache.Entry?
        var textRead: Bool
        /// Only the report's summary part was decoded (its details are read on demand).
        var summaryOnly = false
    }

    /// `reports(from:)` with the report cache: files unchanged since the last build are not read,
    /// files with the same bytes not parsed, reports whose inputs are the same not checked.
    /// `files`: absolute paths under `root`; `stamps`: their stamps (`FileStamp`) if the caller has
    /// just read them (a file not in it is stat'ed).
    static func cachedReports(
        from files: [String], stamps: [String: String]? = nil, root: URL, config: SiteConfig, cache: ReportCache,
        converted: ConvertedTextCache? = nil, progress: ProgressCounter? = nil
    ) -> Output {
        let rootPath = root.standardizedFileURL.path
        let reviews = ReviewFiles.find(in: root)
        BuildTrace.mark("review files")
        let results = ParallelMap.map(files) { path -> Result<Loaded, LoadError> in
            defer { progress?.step() }
            let relative = relativePath(path, root: rootPath)
            let stamp = stamps?[path] ?? FileStamp.of(path) ?? ""
            if !stamp.isEmpty, let entry = cache.entry(path: relative), entry.stamp == stamp,
               let report = ReportBinaryCoding.decode(summary: entry.summary) {
                return .success(Loaded(
                    report: report, path: relative, stamp: stamp, parseKey: entry.parseKey, parsedID: entry.parsedID, entry: entry,
                    textRead: false, summaryOnly: true))
            }
            let url = URL(fileURLWithPath: path, isDirectory: false)
            guard let bytes = FileWriting.contents(path) else {
                let reason = access(path, R_OK) == 0 ? "" : " (\(String(cString: strerror(errno))))"
                return .failure(LoadError(path: relative, message: "cannot read the file\(reason)"))
            }
            let key = ParseCache.key(path: relative, bytes: bytes)
            do throws(LoadError) {
                let source = try ReportFileLoader.load(bytes: bytes, fileAt: url, path: relative, cache: converted)
                if let entry = cache.entry(parseKey: key), var report = cache.report(entry) {
                    report.text = source.text
                    report.textStartLine = source.textStartLine
                    return .success(Loaded(report: report, path: relative, stamp: stamp, parseKey: key, parsedID: entry.parsedID, entry: entry, textRead: true))
                }
                let report = ReportParser.parse(source)
                return .success(Loaded(report: report, path: relative, stamp: stamp, parseKey: key, parsedID: report.id, entry: nil, textRead: true))
            } catch {
                return .failure(error)
            }
        }
        BuildTrace.mark("load")
        var loaded: [Loaded] = []
        loaded.reserveCapacity(results.count)
        var skipped: [String] = []
        for result in results {
            switch result {
            case .success(let item): loaded.append(item)
            case .failure(let error): skipped.append(error.description)
            }
        }
        warmIdentities(loaded.map(\.report), roster: config.roster)
        let ids = uniqueIDs(loaded.map(\.parsedID))
        for index in loaded.indices { loaded[index].report.id = ids[index] }
        let previous = PreviousReportIndex.previousIndices(
            loaded.map { PreviousReportIndex.Identity($0.report) }, roster: config.roster)
        let deferred = DeferredReports(root: root, converted: converted, cache: cache, config: config, reviews: reviews)
        var details: [String: DeferredReports.Details] = [:]
        details.reserveCapacity(loaded.count)
        // Fields read in place: copying each `Loaded` or its entry retained a dozen strings.
        for index in loaded.indices where loaded[index].summaryOnly {
            guard let summary = loaded[index].entry?.summary, let stored = loaded[index].entry?.details else { continue }
            details[ids[index]] = DeferredReports.Details(
                summary: summary, details: stored, path: loaded[index].path, previousPath: previous[index].map { loaded[$0].path })
        }
        deferred.deferDetails(details)
        let checkKeys = checkKeys(loaded, previous: previous, config: config, reviews: reviews)
        // Only the reports whose check inputs changed are checked (whole: their details are read).
        let stale = loaded.indices.filter { loaded[$0].entry?.checkKey != checkKeys[$0] }
        let checked = ParallelMap.map(stale) { [loaded] index -> Report in
            let whole = { (item: Loaded) in item.summaryOnly ? deferred.whole(item.report) : item.report }
            return ReportChecker.check(
                whole(loaded[index]), previous: previous[index].map { whole(loaded[$0]) }, config: config,
                review: reviews.review(forReport: loaded[index].path))
        }
        for (index, report) in zip(stale, checked) {
            loaded[index].report = report
            if loaded[index].summaryOnly { deferred.forgetDetails(report.id) }
        }
        BuildTrace.mark("check")
        // Cache entries: the report without its text (put back from the file when needed).
        let made = ParallelMap.map(stale) { [loaded] index -> ReportCache.Entry in
            let item = loaded[index]
            var bare = item.report
            bare.text = ""
            let parts = ReportBinaryCoding.encodeParts(bare)
            let digest = ContentHash.hex(parts.summary + parts.details + Array("\0\(item.parseKey)".utf8))
            // Details the same as the stored ones (a report checked again by a new binary, most
            // often) point to the stored record instead of being appended once more.
            var details = ReportCache.Details.bytes(parts.details)
            if case .stored(let stored)? = item.entry?.details, stored.length == parts.details.count,
               stored.hash == ReportDetailsFile.hash(parts.details), cache.details(.stored(stored)) == parts.details {
                details = .stored(stored)
            }
            return ReportCache.Entry(
                path: item.path, stamp: item.stamp, parseKey: item.parseKey, parsedID: item.parsedID, checkKey: checkKeys[index],
                digest: digest, csvRow: DataExports.csvRow(item.report), summary: parts.summary[...], details: details)
        }
        var entries: [ReportCache.Entry?] = loaded.map { item in
            guard var entry = item.entry else { return nil }
            if entry.path != item.path { entry.path = item.path }
            if entry.stamp != item.stamp { entry.stamp = item.stamp }
            return entry
        }
        for (index, entry) in zip(stale, made) { entries[index] = entry }
        cache.keep(entries.compactMap { $0 })
        BuildTrace.mark("entries")
        let resolution = DuplicateReports.resolve(loaded.map(\.report))
        var digests: [String: String] = [:], sources: [String: String] = [:], texts: [String: String] = [:], rows: [String: String] = [:]
        digests.reserveCapacity(resolution.reports.count)
        sources.reserveCapacity(resolution.reports.count)
        texts.reserveCapacity(resolution.reports.count)
        rows.reserveCapacity(resolution.reports.count)
        // The resolution keeps the reports' order (it only leaves some out): walked side by side.
        var index = 0
        for report in resolution.reports {
            while index < loaded.count, loaded[index].report.id != report.id { index += 1 }
            guard index < loaded.count, let digest = entries[index]?.digest else { continue }
            // A duplicate carries a finding its cached form lacks: its digest says so.
            let unchanged = report.findings.count == loaded[index].report.findings.count
            digests[report.id] = unchanged
                ? digest : ContentHash.hex(Array(digest.utf8) + Array(report.findings.map(\.message).joined(separator: "\0").utf8))
            sources[report.id] = loaded[index].path
            if !loaded[index].textRead { texts[report.id] = loaded[index].path }
            if unchanged, let row = entries[index]?.csvRow { rows[report.id] = row }
        }
        deferred.deferTexts(texts, rows: rows)
        let notes = resolution.notes + reviews.orphans(reportPaths: files.map { relativePath($0, root: rootPath) })
            + ReviewFiles.notes(resolution.reports)
        return Output(
            reports: resolution.reports, skipped: skipped, notes: notes, digests: digests, sources: sources, deferred: deferred,
            cacheHits: loaded.reduce(0) { $0 + ($1.entry != nil ? 1 : 0) })
    }

    /// Makes every report's body identity on all cores (`BodyIdentity` keeps it): the previous-year
    /// index, the duplicates (with no roster) and the site model then find it made.
    private static func warmIdentities(_ reports: [Report], roster: [SiteConfig.RosterEntry]) {
        let rosters = roster.isEmpty ? [roster] : [roster, []]
        _ = ParallelMap.map(reports) { report in rosters.map { BodyIdentity(report, roster: $0) != nil } }
    }

    /// Each report's check key: what its check depends on (`checkSalt`, its parse, its id, its
    /// review file's bytes, and its previous-year report's parse and id), hashed.
    private static func checkKeys(_ loaded: [Loaded], previous: [Int?], config: SiteConfig, reviews: ReviewFiles) -> [String] {
        let salt = Array(ContentHash.hex(Array(checkSalt(config).utf8)).utf8)
        return ParallelMap.map(Array(loaded.indices)) { [loaded] index -> String in
            var bytes = salt
            bytes.reserveCapacity(salt.count + 256)
            bytes.append(0)
            bytes += loaded[index].parseKey.utf8
            bytes.append(0)
            bytes += loaded[index].report.id.utf8
            bytes.append(0)
            bytes += reviews.key(forReport: loaded[index].path).utf8
            bytes.append(0)
            if let before = previous[index] {
                bytes += loaded[before].parseKey.utf8
                bytes.append(0)
                bytes += loaded[before].report.id.utf8
            } else {
                bytes.append(UInt8(ascii: "-"))
            }
            return ContentHash.hex(bytes)
        }
    }

    /// What every check depends on besides the reports: the rules (gongkai's binary) and the configuration.
    static func checkSalt(_ config: SiteConfig) -> String {
        var salt = ReportCache.version + "\0"
        if let binary = Bundle.main.executableURL, let stamp = FileStamp.of(binary.path) { salt += stamp }
        salt += "copiedText=\(config.copiedText)\0"
        let deadlines = SiteConfig.DeadlineGroup.allCases.map { config.deadlines[$0].map { "\($0.month)-\($0.day)" } ?? "" }
        salt += "\0\(config.title)\0\(config.baseURL ?? "")\0\(config.deadline.map { "\($0.month)-\($0.day)" } ?? "")\0\(deadlines)\0"
        for entry in config.roster { salt += "\(entry.name)=\(entry.aliases.joined(separator: ","))\0" }
        for (part, weight) in config.weights.sorted(by: { $0.key < $1.key }) { salt += "\(part)=\(weight)\0" }
        return salt
    }
}
