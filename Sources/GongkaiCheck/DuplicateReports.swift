import GongkaiModel

/// Two files for the same body and year: the one whose front matter `supersedes` the other wins
/// (the other is set aside with a note), otherwise both are kept and both carry an error naming
/// the other file. Never is one dropped silently.
public enum DuplicateReports {
    public static let rule = "reports.duplicate"

    public struct Resolution: Sendable {
        public var reports: [Report]
        /// One line per report set aside, for the build's notes.
        public var notes: [String]
    }

    public static func resolve(_ reports: [Report]) -> Resolution {
        let superseded = Set(reports.compactMap { report in report.supersedes.map { normalize($0) } })
        var notes: [String] = []
        var kept: [Report] = []
        for report in reports {
            // Most sites supersede nothing: no path is normalized then.
            if !superseded.isEmpty, superseded.contains(normalize(report.source)), let winner = reports.first(where: { $0.supersedes.map(normalize) == normalize(report.source) }),
               sameBodyAndYear(report, winner) {
                notes.append("\(report.source): superseded by \(winner.source) (front matter `supersedes`), not published")
                continue
            }
            kept.append(report)
        }
        var groups: [String: [Int]] = [:]
        for (index, report) in kept.enumerated() {
            guard let key = identityKey(report) else { continue }
            groups[key, default: []].append(index)
        }
        for indices in groups.values where indices.count > 1 {
            for index in indices {
                let others = indices.filter { $0 != index }.map { kept[$0].source }
                let message = CheckMessages.duplicate(kept[index], others: others)
                kept[index].findings.append(Finding(rule: rule, severity: .error, message: message.en, messageZh: message.zh, line: 1))
            }
        }
        return Resolution(reports: kept, notes: notes)
    }

    private static func key(_ report: Report) -> String? {
        guard let year = report.year else { return nil }
        return "\(report.displayName)|\(year)"
    }

    /// The body's identity and year: `洪泽区人民政府` and `淮安市洪泽区人民政府` of one year are
    /// duplicates; two 太平镇 of unknown place are not.
    private static func identityKey(_ report: Report) -> String? {
        guard let year = report.year, let identity = BodyIdentity(report, roster: []) else { return nil }
        return "\(identity.key)|\(year)"
    }

    private static func sameBodyAndYear(_ a: Report, _ b: Report) -> Bool { key(a) != nil && key(a) == key(b) }

    /// Paths compare without a leading `./` or `content/`.
    private static func normalize(_ path: String) -> String {
        var path = path
        for prefix in ["./", "content/"] where path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
        return path
    }
}
