import GongkaiModel

/// Finds the same body's report of the year before in a set of reports. A body is known by its
/// `BodyIdentity`: the roster name when its name is the roster name or an alias, else its
/// normalized name and place.
public struct PreviousReportIndex: Sendable {
    private var byBodyAndYear: [BodyYear: Report] = [:]
    private let roster: [SiteConfig.RosterEntry]

    /// What the index knows a report by.
    public struct Identity: Sendable {
        public var body: String?
        public var town: String?
        public var year: Int?
        public var kind: BodyKind?
        public var city: String?
        public var county: String?
        public var source: String

        public init(body: String?, town: String?, year: Int?, kind: BodyKind? = nil, city: String? = nil, county: String? = nil, source: String = "") {
            self.body = body
            self.town = town
            self.year = year
            self.kind = kind
            self.city = city
            self.county = county
            self.source = source
        }

        public init(_ report: Report) {
            self.init(body: report.body, town: report.town, year: report.year, kind: report.kind, city: report.city, county: report.county, source: report.source)
        }
    }

    private struct BodyYear: Hashable {
        var body: String
        var year: Int
    }

    public init(_ reports: [Report], roster: [SiteConfig.RosterEntry]) {
        self.roster = roster
        for report in reports {
            guard let key = Self.key(Identity(report), roster: roster) else { continue }
            if byBodyAndYear[key] == nil { byBodyAndYear[key] = report }
        }
    }

    public func previous(of report: Report) -> Report? {
        guard let key = Self.key(Identity(report), roster: roster) else { return nil }
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

    /// The body's identity key, with its year.
    private static func key(_ report: Identity, roster: [SiteConfig.RosterEntry]) -> BodyYear? {
        guard let year = report.year, let identity = BodyIdentity(
            body: report.body, kind: report.kind, city: report.city, county: report.county, town: report.town,
            source: report.source, roster: roster) else { return nil }
        return BodyYear(body: identity.key, year: year)
    }
}
