import GongkaiModel

/// A few strings per report that a page made from many reports needs of their details (a
/// report's rate cells, its count of unknown cells), as the last build read them off the reports'
/// tables, kept by digest and id (`<name>.bin`): a page made again because one report changed then
/// decodes only the reports that changed, not every cached report's tables.
struct KeptByReport: Sendable {
    let fragments: KeptFragments
    /// Each report's digest, by id; a report without one is made again and not kept.
    let digests: [String: String]

    /// The fields of each of `reports`, in order: kept, when `valid` accepts them, or made (on all
    /// cores). The file is written again if any were made or some kept ones are no longer needed.
    func fields(_ reports: [Report], valid: @Sendable ([String]) -> Bool, make: @Sendable (Report) -> [String]) -> [[String]] {
        let previous = fragments.load()
        let keys = reports.map { report in digests[report.id].map { $0 + "\0" + report.id } }
        let made: [(fields: [String], kept: Bool)] = ParallelMap.map(Array(reports.indices)) { index in
            if let key = keys[index], let fields = previous[key], valid(fields) { return (fields, true) }
            return (make(reports[index]), false)
        }
        let next = zip(keys, made).compactMap { key, made in key.map { (key: $0, fields: made.fields) } }
        if made.contains(where: { !$0.kept }) || next.count != previous.count { fragments.save(next) }
        return made.map(\.fields)
    }
}
