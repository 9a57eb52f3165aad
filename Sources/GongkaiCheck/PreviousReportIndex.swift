import GongkaiModel

/// Finds the same body's report of the year before in a set of reports. A body is known by its
/// roster name when its body (or town) name is the roster name or one of its aliases.
public struct PreviousReportIndex: Sendable {
    private var byBodyAndYear: [BodyYear: Report] = [:]
    private let roster: [SiteConfig.RosterEntry]

    /// What the index knows a report by.
    public struct Identity: Sendable {
        public var body: String?
        public var town: String?
        public var year: Int?

        public init(body: String?, town: String?, year: Int?) {
            self.body = body
            self.town = town
            self.year = year
        }
    }

    private struct BodyYear: Hashable {
        var body: String
        var year: Int
    }

    public init(_ reports: [Report], roster: [SiteConfig.RosterEntry]) {
        self.roster = roster
        for report in reports {
            guard let key = Self.key(Identity(body: report.body, town: report.town, year: report.year), roster: roster) else { continue }
            if byBodyAndYear[key] == nil { byBodyAndYear[key] = report }
        }
    }

    public func previous(of report: Report) -> Report? {
        guard let key = Self.key(Identity(body: report.body, town: report.town, year: report.year), roster: roster) else { return nil }
        return byBodyAndYear[BodyYear(body: key.body, year: key.year - 1)]
    }

    /// For each report (by its identity), the index of the same body's report of the year before
    /// among them: the first such, as `previous(of:)` finds it. No report is copied.
    public static func previousIndices(_ identities: [Identity], roster: [SiteConfig.RosterEntry]) -> [Int?] {
        let keys = identities.map { key($0, roster: roster) }
        var first: [BodyYear: Int] = [:]
        first.reserveCapacity(identities.count)
        for (index, key) in keys.enumerated() {
            guard let key, first[key] == nil else { continue }
            first[key] = index
        }
        return keys.map { key in key.flatMap { first[BodyYear(body: $0.body, year: $0.year - 1)] } }
    }

    /// The roster name for the report's body, else the body (or town) as written; with its year.
    private static func key(_ report: Identity, roster: [SiteConfig.RosterEntry]) -> BodyYear? {
        guard let year = report.year else { return nil }
        for entry in roster {
            if let body = report.body, body == entry.name || entry.aliases.contains(body) { return BodyYear(body: entry.name, year: year) }
            if let town = report.town, town == entry.name || entry.aliases.contains(town) { return BodyYear(body: entry.name, year: year) }
        }
        guard let name = report.body ?? report.town else { return nil }
        return BodyYear(body: name, year: year)
    }
}
