import Foundation
import GongkaiLoad
import GongkaiModel

/// The review files of a content folder (`<stem>.review.yaml` beside `<stem>.txt`, `.md`, `.pdf`…),
/// read once per build. A review file is never a report and is never published; its bytes are part
/// of its report's check key, so an edit to it checks that report again.
struct ReviewFiles: Sendable {
    /// Each review file's path relative to the content folder, with its bytes (nil: unreadable).
    private var files: [String: [UInt8]?] = [:]
    private var reviews: [String: Review] = [:]

    static let none = ReviewFiles()

    /// Finds and reads every review file under `root` (hidden files and folders passed over, as reports are).
    static func find(in root: URL) -> ReviewFiles {
        let rootPath = root.standardizedFileURL.path
        var found = ReviewFiles()
        let walk = ContentWalk.walk(root) { $0.hasSuffix(Review.suffix) && !$0.hasPrefix(Review.suffix) }
        for path in walk.files {
            let relative = ReportPipeline.relativePath(path, root: rootPath)
            let bytes = FileWriting.contents(path)
            found.files[relative] = .some(bytes)
            found.reviews[relative] = bytes.map { ReviewFileReader.read($0, path: relative) }
                ?? Review(path: relative, problems: [.init(line: 1, message: "the review file cannot be read")])
        }
        return found
    }

    /// The review of the report at `source` (relative to the content folder), if it has one.
    func review(forReport source: String) -> Review? { reviews[Review.path(forReport: source)] }

    /// What the report's check key takes from its review file: its path (findings and revisions
    /// name it) and a hash of its bytes, or `-`.
    func key(forReport source: String) -> String {
        let path = Review.path(forReport: source)
        guard let entry = files[path] else { return "-" }
        return path + "\0" + (entry.map { ContentHash.hex($0) } ?? "unreadable")
    }

    /// Review files with no report beside them (`reportPaths` relative to the content folder), as warnings.
    func orphans(reportPaths: [String]) -> [String] {
        let reviewed = Set(reportPaths.map(Review.path(forReport:)))
        return files.keys.filter { !reviewed.contains($0) }.sorted().map {
            "\($0): warning: a review file with no report beside it (a report named \(Review.stem(ofReview: $0) ?? $0).txt, .md, .pdf…); it is not applied"
        }
    }

    /// The review findings of the reports, as lines for the build's output (`path:line: warning: …`).
    static func notes(_ reports: [Report]) -> [String] {
        reports.flatMap { report in
            report.findings.filter { $0.rule.hasPrefix("review.") }.map { finding in
                guard let colon = finding.message.range(of: ": ") else { return "warning: \(finding.message)" }
                return "\(finding.message[..<colon.lowerBound]): warning: \(finding.message[colon.upperBound...])"
            }
        }
    }
}
