import GongkaiModel
import GongkaiCheck

/// The reports grouped the ways the site shows them: by body (across years) and by year.
struct SiteModel: Sendable {
    struct Body: Sendable {
        var name: String
        var slug: String
        /// Oldest first.
        var reports: [Report]
    }

    struct Year: Sendable {
        /// `2022`, or `unknown` for reports whose year was not recognised.
        var key: String
        var label: String
        var reports: [Report]
    }

    var config: SiteConfig
    /// Newest year first, then by name.
    var reports: [Report]
    var bodies: [Body]
    var years: [Year]
    /// Bodies kept apart that may be one (`BodySuggestions`).
    var suggestions: [BodySuggestion]
    private var bodySlugs: [String: String]
    /// The places the reports print (`PlaceHierarchy`), with each place's slug by key.
    var places: PlaceHierarchy
    var placeSlugs: [String: String]

    init(reports: [Report], config: SiteConfig) {
        self.config = config
        // Indices sorted by keys taken out once (a stable sort, as `sorted` is): sorting the reports
        // themselves copied whole reports and their names at every step.
        let keys = reports.map { ($0.year ?? 0, $0.siteName) }
        let order = keys.indices.sorted { (keys[$0].0, keys[$1].1) > (keys[$1].0, keys[$0].1) }
        self.reports = order.map { reports[$0] }
        var byKey: [String: [Report]] = [:]
        for report in reports { byKey[Self.bodyKey(of: report, roster: config.roster), default: []].append(report) }
        let named = byKey.values.map { group in
            let sorted = group.sorted { ($0.year ?? 0) < ($1.year ?? 0) }
            return (name: Self.bodyName(of: sorted, roster: config.roster), reports: sorted)
        }
        var usedSlugs: Set<String> = []
        var bodies: [Body] = []
        for (name, group) in named.sorted(by: { ($0.name, $0.reports.first?.source ?? "") < ($1.name, $1.reports.first?.source ?? "") }) {
            // A second body with the same slug gets `-2`, a third `-3`: numbered among its
            // namesakes only, so that adding a body does not rename every body after it.
            let base = Self.bodySlug(name: name, first: group.first)
            var slug = base
            var counter = 2
            while usedSlugs.contains(slug) {
                slug = "\(base)-\(counter)"
                counter += 1
            }
            usedSlugs.insert(slug)
            bodies.append(Body(name: name, slug: slug, reports: group))
        }
        self.bodies = bodies
        places = PlaceHierarchy(reports: reports, roster: config.roster, settings: config.places)
        placeSlugs = PlacePages.slugs(places)
        suggestions = BodySuggestions.make(bodies, roster: config.roster)
        var slugs: [String: String] = [:]
        for body in bodies { for report in body.reports { slugs[report.id] = body.slug } }
        bodySlugs = slugs
        var byYear: [String: [Report]] = [:]
        for report in self.reports { byYear[Self.yearKey(report.year), default: []].append(report) }
        years = byYear.keys.sorted { ($0 == "unknown" ? "" : $0) > ($1 == "unknown" ? "" : $1) }.map { key in
            Year(key: key, label: key == "unknown" ? "年份不详" : "\(key)年", reports: byYear[key] ?? [])
        }
    }

    static func yearKey(_ year: Int?) -> String { year.map(String.init) ?? "unknown" }

    /// The report id without its trailing `-<year>` (ids are `city-body-year`), else the name transliterated.
    static func bodySlug(name: String, first: Report?) -> String {
        if let report = first, let year = report.year, report.id.hasSuffix("-\(year)"), report.id.count > "-\(year)".count {
            return String(report.id.dropLast("-\(year)".count))
        }
        return SitePath.slug(name)
    }

    func bodySlug(of report: Report) -> String { bodySlugs[report.id] ?? SitePath.slug(report.displayName) }

    /// Roster bodies with no report in `year`.
    func missingFromRoster(in year: Year) -> [String] {
        let present = Set(year.reports.compactMap { BodyIdentity($0, roster: config.roster)?.rosterName })
        return config.roster.map(\.name).filter { !present.contains($0) }
    }

    /// The body's key (`BodyIdentity`): one body across years, however its name is written;
    /// a report naming no body is a body of its own, by its file.
    static func bodyKey(of report: Report, roster: [SiteConfig.RosterEntry]) -> String {
        BodyIdentity(report, roster: roster)?.key ?? "file:" + report.source
    }

    /// The roster name, else the name the newest report gives.
    static func bodyName(of reports: [Report], roster: [SiteConfig.RosterEntry]) -> String {
        guard let newest = reports.last else { return "" }
        return BodyIdentity(newest, roster: roster)?.rosterName ?? newest.siteName
    }
}
