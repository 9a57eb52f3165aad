import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GongkaiCheck
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

/// What a rebuild left out of the reports whose file did not change since the last build: their
/// details (sections, table rows, diagnostics, score parts: decoded from the cache only when a
/// page that shows them is made again), their texts (read from their files only when the report
/// page or the search index is made again), and their `data/reports.csv` rows.
final class DeferredReports: @unchecked Sendable {
    /// Where a summary's details are, and what is needed to make them again if they cannot be read.
    struct Details: Sendable {
        var summary: ArraySlice<UInt8>
        var details: ReportCache.Details
        /// The report's file, and its previous-year report's (relative to the content folder).
        var path: String
        var previousPath: String?
    }

    private let root: URL
    private let converted: ConvertedTextCache?
    private let cache: ReportCache?
    private let config: SiteConfig
    private let reviews: ReviewFiles
    private let lock = NSLock()
    private var texts: [String: String] = [:]
    private var details: [String: Details] = [:]
    private var rows: [String: String] = [:]

    init(root: URL, converted: ConvertedTextCache?, cache: ReportCache? = nil, config: SiteConfig = SiteConfig(), reviews: ReviewFiles = .none) {
        self.root = root
        self.reviews = reviews
        self.converted = converted
        self.cache = cache
        self.config = config
    }

    /// The report `id` has no text: it is read from `path` (relative to the content folder) on demand.
    func deferText(_ id: String, path: String) { lock.withLock { texts[id] = path } }

    /// Texts left out (by id, their files' paths) and the `data/reports.csv` rows kept (by id).
    func deferTexts(_ paths: [String: String], rows kept: [String: String]) {
        lock.withLock {
            // Set whole when empty (as after the pipeline): a merge copied thousands of entries one by one.
            if texts.isEmpty { texts = paths } else { texts.merge(paths) { _, new in new } }
            if rows.isEmpty { rows = kept } else { rows.merge(kept) { _, new in new } }
        }
    }

    /// The reports (by id) are summaries: their whole forms are decoded on demand.
    func deferDetails(_ records: [String: Details]) {
        lock.withLock { if details.isEmpty { details = records } else { details.merge(records) { _, new in new } } }
    }

    /// The report `id` is whole now (it was checked again).
    func forgetDetails(_ id: String) { _ = lock.withLock { details.removeValue(forKey: id) } }

    /// The report `id`'s `data/reports.csv` row, made when it was cached, from the same report.
    func keepRow(_ id: String, _ row: String) { lock.withLock { rows[id] = row } }
    func row(_ id: String) -> String? { lock.withLock { rows[id] } }

    /// `report` with its details, but without its text if that was left out. Its id and findings
    /// are the summary's (ids are made unique, duplicates get a finding, after decoding).
    func whole(_ report: Report) -> Report {
        guard let record = lock.withLock({ details[report.id] }) else { return report }
        let decoded: Report?
        switch record.details {
        case .bytes(let bytes): decoded = ReportBinaryCoding.decode(summary: record.summary, details: bytes[...])
        case .stored: decoded = cache?.details(record.details).flatMap { ReportBinaryCoding.decode(summary: record.summary, details: $0[...]) }
        }
        guard var whole = decoded ?? parsedAgain(record) else { return report }
        whole.id = report.id
        whole.findings = report.findings
        return whole
    }

    /// A report whose details record is cut short or damaged: its file parsed and checked again,
    /// against its previous-year report's file (a check reads only what a parse gives of that one).
    /// Without its text, as the cached form.
    private func parsedAgain(_ record: Details) -> Report? {
        func parsed(_ path: String) -> Report? {
            (try? ReportFileLoader.load(fileAt: root.appendingPathComponent(path), path: path, cache: converted)).map(ReportParser.parse)
        }
        cache?.drop(path: record.path)
        guard let report = parsed(record.path) else { return nil }
        var checked = ReportChecker.check(report, previous: record.previousPath.flatMap(parsed), config: config, review: reviews.review(forReport: record.path))
        checked.text = ""
        return checked
    }

    /// `report` with its details and its text, read from its file if it was left out.
    func complete(_ report: Report) -> Report {
        var report = whole(report)
        guard let path = lock.withLock({ texts[report.id] }) else { return report }
        let url = root.appendingPathComponent(path)
        guard let source = try? ReportFileLoader.load(fileAt: url, path: path, cache: converted) else { return report }
        report.text = source.text
        report.textStartLine = source.textStartLine
        return report
    }
}
