import GongkaiModel

/// Finds the same body's report of the year before in a set of reports. A body is known by its
/// roster name when its body (or town) name is the roster name or one of its aliases.
public struct PreviousReportIndex: Sendable {
    private var byBodyAndYear: [String: Report] = [:]
    private let roster: [SiteConfig.RosterEntry]

    public init(_ reports: [Report], roster: [SiteConfig.RosterEntry]) {
        self.roster = roster
        for report in reports {
            guard let year = report.year, let body = bodyKey(report) else { continue }
            byBodyAndYear[Self.key(body, year)] = byBodyAndYear[Self.key(body, year)] ?? report
        }
    }

    public func previous(of report: Report) -> Report? {
        guard let year = report.year, let body = bodyKey(report) else { return nil }
        return byBodyAndYear[Self.key(body, year - 1)]
    }

    /// The roster name for the report's body, else the body (or town) as written.
    func bodyKey(_ report: Report) -> String? {
        let names = [report.body, report.town].compactMap { $0 }
        for entry in roster where names.contains(where: { $0 == entry.name || entry.aliases.contains($0) }) {
            return entry.name
        }
        return names.first
    }

    static func key(_ body: String, _ year: Int) -> String { "\(body)|\(year)" }
}
