import Foundation
import GongkaiModel

/// Each notice's `.docx` as a build made it, so that a year's archive takes the very bytes the
/// report jobs made instead of making every notice again (which needs the report's details and
/// text): those made in this build, by report id, and those kept from the last build in the cache
/// folder (`notices-<year>.bin`, base64, under the report page's render key and the id: the key
/// that says the report's own `.docx` is still the same).
final class NoticeDocxStore: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: [UInt8]] = [:]

    init() {}

    /// The report job made the notice `.docx` of report `id`.
    func record(_ id: String, _ bytes: [UInt8]) { lock.withLock { made[id] = bytes } }

    /// The `.docx` made in this build for report `id`, given up (an archive takes it once).
    func take(_ id: String) -> [UInt8]? { lock.withLock { made.removeValue(forKey: id) } }

    /// The notices' `.docx` of `year`'s archive: made in this build, kept from the last one under
    /// `key(report)`, or made now from the report's whole form (`complete`). Saves what it gave
    /// into `kept` for the next build.
    func archive(
        _ year: SiteModel.Year, config: SiteConfig, kept: KeptFragments?, key: (Report) -> String?, complete: (Report) -> Report
    ) throws -> [UInt8]? {
        let previous = kept?.load() ?? [:]
        var next: [(key: String, fields: [String])] = []
        let archive = try NoticeFiles.archive(year, config: config) { summary in
            let key = key(summary).map { $0 + "\0" + summary.id }
            let bytes = take(summary.id)
                ?? key.flatMap { previous[$0]?.first }.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
                ?? Notice.make(complete(summary), config: config).map(NoticeDocx.bytes)
            if let key, let bytes { next.append((key: key, fields: [Data(bytes).base64EncodedString()])) }
            return bytes
        }
        kept?.save(next)
        return archive
    }
}
