import Foundation
import GongkaiLoad
import GongkaiModel

/// The review files of the reports `gongkai check` reads: `<stem>.review.yaml` beside each report
/// file, named in findings as the report is named (`content/2022/yonghe.review.yaml:7`).
enum CheckReviews {
    /// The reviews by the report's source path (relative to its content folder), for `ReportChecker.checkAll`.
    static func reviews(_ files: [(url: URL, display: String)], sources: [String]) -> [String: Review] {
        var reviews: [String: Review] = [:]
        for (file, source) in zip(files, sources) {
            let url = URL(fileURLWithPath: Review.path(forReport: file.url.path))
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let shown = Review.path(forReport: file.display)
            guard let bytes = try? [UInt8](Data(contentsOf: url)) else {
                reviews[source] = Review(path: shown, problems: [.init(line: 1, message: "the review file cannot be read")])
                continue
            }
            reviews[source] = ReviewFileReader.read(bytes, path: shown)
        }
        return reviews
    }

    /// Review files under `folder` with no report file beside them, as warnings (`path: warning: …`).
    static func orphans(in folder: URL, shownAs: String, reports: [URL]) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else {
            return []
        }
        let reviewed = Set(reports.map { Review.path(forReport: $0.standardizedFileURL.path) })
        let prefix = folder.standardizedFileURL.path + "/"
        var lines: [String] = []
        for case let url as URL in enumerator where url.lastPathComponent.hasSuffix(Review.suffix) {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix), !reviewed.contains(path) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            let shown = shownAs.hasSuffix("/") ? shownAs + relative : shownAs + "/" + relative
            lines.append("\(shown): warning: a review file with no report beside it; it is not applied")
        }
        return lines.sorted()
    }
}
