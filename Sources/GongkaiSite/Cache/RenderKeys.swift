import Foundation
import GongkaiModel

/// What a page was made from, as one fingerprint, so that a rebuild can take a page from the
/// previous build instead of rendering it again when none of its inputs changed (GongkaiWrite's
/// staging folder links the old file; see `SiteSink.reuse`). Only report and body pages are keyed:
/// they are nearly all the pages, and each depends on few reports. The shared pages (home, years,
/// findings, feeds, exports) are always made afresh.
struct RenderKeys: Sendable {
    /// Everything every page depends on: gongkai's binary (templates built in, labels, rules), the
    /// theme's templates, the site's title and score weights, and the navigation (latest years).
    let salt: [UInt8]
    /// Each report's fingerprint (its export, text and first line), by id.
    let reports: [String: String]

    /// `digests`: each report's digest from the report cache; a report without one is fingerprinted
    /// from its JSON and text.
    init(model: SiteModel, theme: PageTheme, digests known: [String: String] = [:]) {
        var salt = Array("gongkai-render-1\n".utf8)
        if let binary = Bundle.main.executableURL, let attributes = try? FileManager.default.attributesOfItem(atPath: binary.path) {
            salt += Array("\(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? 0) \(attributes[.systemFileNumber] ?? 0)\n".utf8)
        }
        for (name, text) in theme.theme.templates.sorted(by: { $0.key < $1.key }) { salt += Array("\(name)\0\(text)\0".utf8) }
        salt += Array("\(theme.compiled.sorted())\0\(model.config.title)\0".utf8)
        for (part, weight) in model.config.weights.sorted(by: { $0.key < $1.key }) { salt += Array("\(part)=\(weight)\0".utf8) }
        for year in model.years { salt += Array("\(year.key)\0\(year.label)\0".utf8) }
        salt += Array(ReportPipeline.checkSalt(model.config).utf8)
        salt += Array(model.config.notice.fingerprint.utf8)
        for (body, path) in model.config.places.sorted(by: { $0.key < $1.key }) { salt += Array("place \(body)=\(path.joined(separator: "/"))\0".utf8) }
        // Hashed once: the templates make it tens of kilobytes, and every key starts with it.
        self.salt = Array(ContentHash.hex(salt).utf8)
        let digests = ParallelMap.map(model.reports) { report -> (String, String) in
            if let digest = known[report.id] { return (report.id, digest) }
            var bytes = ReportJSON.bytes(report)
            bytes += Array("\0\(report.textStartLine)\0".utf8) + Array(report.text.utf8)
            return (report.id, ContentHash.hex(bytes))
        }
        reports = Dictionary(digests, uniquingKeysWith: { first, _ in first })
        // Each year's reports once, for its three keyed files (search script, table, findings).
        let reports = self.reports
        let parts = ParallelMap.map(model.years) { year in (year.key, Self.parts(of: year, reports: reports, model: model)) }
        yearParts = Dictionary(parts, uniquingKeysWith: { first, _ in first })
    }

    /// Each year's reports' digests and body pages, by year key (nil: a report has no digest).
    private var yearParts: [String: [UInt8]?] = [:]

    private static func parts(of year: SiteModel.Year, reports: [String: String], model: SiteModel) -> [UInt8]? {
        var bytes: [UInt8] = []
        // Through the buffer: `for report in` copied every report (retains of all its fields).
        let complete = year.reports.withUnsafeBufferPointer { reportsOfYear -> Bool in
            for index in reportsOfYear.indices {
                guard let digest = reports[reportsOfYear[index].id] else { return false }
                bytes += digest.utf8
                bytes.append(0)
                bytes += model.bodySlug(of: reportsOfYear[index]).utf8
                bytes.append(0)
            }
            return true
        }
        return complete ? bytes : nil
    }

    func report(_ report: Report, bodySlug: String) -> String? {
        guard let digest = reports[report.id] else { return nil }
        return ContentHash.hex(salt + Array("report\0\(bodySlug)\0\(digest)".utf8))
    }

    /// A year's comparison table or findings list: its reports, in order, with their bodies' pages.
    func year(_ year: SiteModel.Year, kind: String, model: SiteModel) -> String? {
        let bytes = salt + Array("\(kind)\0\(year.key)\0\(year.label)\0".utf8)
        guard let parts = yearParts[year.key] ?? Self.parts(of: year, reports: reports, model: model) else { return nil }
        return ContentHash.hex(bytes + parts)
    }

    func body(_ body: SiteModel.Body) -> String? {
        var bytes = salt + Array("body\0\(body.name)\0\(body.slug)\0".utf8)
        for report in body.reports {
            guard let digest = reports[report.id] else { return nil }
            bytes += Array("\(digest)\0".utf8)
        }
        return ContentHash.hex(bytes)
    }
}
