import Foundation
import GongkaiCheck
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

/// Load → parse → check for every report file under the content folder.
enum ReportPipeline {
    /// Text reports, and PDF / Word / saved web pages converted to text first.
    static let extensions: Set<String> = ReportFileLoader.extensions

    /// The report files under `directory`, sorted by path; hidden files and folders skipped.
    static func contentFiles(in directory: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError.contentUnreadable(directory.path)
        }
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw SiteError.contentUnreadable(directory.path) }
        var files: [URL] = []
        for case let url as URL in enumerator where ReportFileLoader.isReportFile(url) {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
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
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
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
        let checked = ParallelMap.map(unique) { report in
            ReportChecker.check(report, previous: index.previous(of: report), config: config)
        }
        let resolution = DuplicateReports.resolve(checked)
        return (resolution.reports, skipped, resolution.notes)
    }

    /// Makes ids safe as file names and unique: a second `x` becomes `x-2`.
    static func uniqueIDs(_ reports: [Report]) -> [Report] {
        var seen: Set<String> = []
        return reports.map { report in
            var report = report
            let base = isSlug(report.id) ? report.id : SitePath.slug(report.id.replacingOccurrences(of: ".txt", with: "").replacingOccurrences(of: ".md", with: ""))
            var id = base
            var counter = 2
            while seen.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            seen.insert(id)
            report.id = id
            return report
        }
    }

    static func isSlug(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

public enum SiteError: Error, CustomStringConvertible {
    case contentUnreadable(String)
    case templateMissing(String)

    public var description: String {
        switch self {
        case .contentUnreadable(let path): "cannot read the content folder \(path) (does it exist?)"
        case .templateMissing(let name): "theme has no template \(name).mustache"
        }
    }
}

/// `concurrentPerform` over an array, results in input order. The work items are independent
/// and Sendable; each result slot is written by exactly one iteration.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let slots = Slots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            slots.set(index, transform(inputs[index]))
        }
        return slots.values()
    }

    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }
        func values() -> [Value] { lock.withLock { storage.compactMap { $0 } } }
    }
}
